import { warning } from '../../../diagnostics.js';
import { count, type CheckResult } from './check.js';
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
    return warning(
      'preflight-image-resolution',
      `page ${page}: ${what} below ${MIN_DPI} dpi at the placed size; lowest ${Math.round(worst.dpi)} dpi (${worst.name}, ${worst.pixels.width} × ${worst.pixels.height} px placed at ${worst.placed.width.toFixed(1)} × ${worst.placed.height.toFixed(1)} pt)`,
      { file },
    );
  });
  const lowest = low.length > 0 ? `; lowest ${Math.round(Math.min(...low.map((i) => i.dpi)))} dpi` : '';
  const summary = images.length === 0 ? 'no images' : `${count(images.length, 'image')} placed, ${low.length} below ${MIN_DPI} dpi${lowest}`;
  return { name: 'images', summary, diagnostics };
}
