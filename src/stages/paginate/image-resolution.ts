import { type Diagnostic, warning } from '../../diagnostics.js';
import type { PlacedImage } from '../../page/types.js';
import { MIN_DPI } from '../verify/preflight/images.js';

const CSS_PX_PER_INCH = 96;

/**
 * Images below the resolution printing needs at the size they are placed,
 * named by their file and line (the preflight of a PDF alone can name only
 * its image objects). A warning: the shop prints them, the editors decide.
 */
export function checkImageResolution(images: readonly PlacedImage[], file: string): Diagnostic[] {
  return images.flatMap((image) => {
    const [width, height] = image.placed;
    if (width === 0 || height === 0) return [];
    const dpi = Math.min(image.pixels[0] / (width / CSS_PX_PER_INCH), image.pixels[1] / (height / CSS_PX_PER_INCH));
    if (dpi >= MIN_DPI - 0.5) return [];
    const needed = [width, height].map((px) => Math.ceil((px / CSS_PX_PER_INCH) * MIN_DPI)).join(' × ');
    const pixels = image.pixels.join(' × ');
    const placed = `${((width * 72) / CSS_PX_PER_INCH).toFixed(1)} × ${((height * 72) / CSS_PX_PER_INCH).toFixed(1)} pt`;
    const message = {
      zh: `${image.file} 在第 ${image.page} 页只有 ${Math.round(dpi)} dpi（${pixels} px，放置为 ${placed}），印出来会发虚；印刷要 ${MIN_DPI} dpi，请换一张 ${needed} px 的图`,
      en: `${image.file} prints at ${Math.round(dpi)} dpi on page ${image.page} (${pixels} px placed at ${placed}); print wants ${MIN_DPI} dpi: a file of ${needed} px`,
    };
    return [warning('image-resolution', message, { file, line: image.line })];
  });
}
