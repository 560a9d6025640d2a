import { warning } from '../../../diagnostics.js';
import { type CheckResult, count } from './check.js';
import type { ImagePlacement } from './graphics.js';

/** The resolution offset printing needs at the size an image is placed. */
export const MIN_DPI = 300;

/**
 * Images below 300 dpi at their placed size print soft. A warning, not a
 * failure: the shop prints them, and the editors decide whether it matters.
 */
export function checkImages(images: readonly ImagePlacement[], file: string): CheckResult {
  const low = images.filter((image) => image.dpi < MIN_DPI - 0.5);
  const pages = [...new Set(low.map((image) => image.page))];
  const diagnostics = pages.map((page) => {
    const here = low.filter((image) => image.page === page);
    const worst = here.reduce((a, b) => (b.dpi < a.dpi ? b : a));
    const what = here.length === 1 ? 'an image' : `${here.length} images`;
    const dpi = Math.round(worst.dpi);
    const size = `${worst.pixels.width} × ${worst.pixels.height} px`;
    const placed = `${worst.placed.width.toFixed(1)} × ${worst.placed.height.toFixed(1)} pt`;
    return warning(
      'preflight-image-resolution',
      {
        zh: `第 ${page} 页有 ${here.length} 张图片按放置尺寸不到 ${MIN_DPI} dpi，最低 ${dpi} dpi（${worst.name}，${size}，放置为 ${placed}）；印出来会发虚，请换用更清晰的原图`,
        en: `page ${page}: ${what} below ${MIN_DPI} dpi at the placed size; lowest ${dpi} dpi (${worst.name}, ${size} placed at ${placed})`,
      },
      { file },
    );
  });
  const lowest = low.length > 0 ? Math.round(Math.min(...low.map((i) => i.dpi))) : undefined;
  const summary =
    images.length === 0
      ? { zh: '没有图片', en: 'no images' }
      : {
          zh: `放置了 ${images.length} 张图片，${low.length} 张不到 ${MIN_DPI} dpi${lowest === undefined ? '' : `，最低 ${lowest} dpi`}`,
          en: `${count(images.length, 'image')} placed, ${low.length} below ${MIN_DPI} dpi${lowest === undefined ? '' : `; lowest ${lowest} dpi`}`,
        };
  return { name: 'images', summary, diagnostics };
}
