import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { error, type Diagnostic } from '../../diagnostics.js';

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

/**
 * An article's images come from its issue's folder (`![说明](photo.jpg)`) and
 * are inlined as data: URLs, so the HTML stays self-contained (the kept HTML
 * renders anywhere) and the page fetches nothing. Returns a copy of the body.
 */
export async function inlineImages(body: Root, issueDir: string, file: string): Promise<{ body: Root; diagnostics: Diagnostic[] }> {
  const copy = structuredClone(body);
  const diagnostics: Diagnostic[] = [];
  const jobs: Promise<void>[] = [];
  visit(copy, 'image', (image) => {
    const place = { file, line: image.position?.start.line, column: image.position?.start.column };
    if (/^[a-z][a-z0-9+.-]*:/i.test(image.url) || image.url.startsWith('//')) {
      diagnostics.push(error('image-remote', `images must be files in the issue's folder, not ${image.url}`, place));
      return;
    }
    const target = path.resolve(issueDir, decodeURIComponent(image.url));
    const type = TYPES[path.extname(target).toLowerCase()];
    if (!target.startsWith(path.resolve(issueDir) + path.sep)) {
      diagnostics.push(error('image-outside', `${image.url} is outside the issue's folder`, place));
    } else if (!type) {
      diagnostics.push(error('image-type', `${image.url}: use a PNG, JPEG, GIF or WebP image`, place));
    } else {
      jobs.push(
        readFile(target).then(
          (bytes) => {
            image.data = { ...image.data, file: image.url };
            image.url = `data:${type};base64,${bytes.toString('base64')}`;
          },
          () => void diagnostics.push(error('image-missing', `${image.url} is not in ${issueDir}`, place)),
        ),
      );
    }
  });
  await Promise.all(jobs);
  return { body: copy, diagnostics };
}
