import path from 'node:path';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { type Diagnostic, error, type Place } from '../../diagnostics.js';
import { MAX_BYTES, readInput } from '../../io/read-input.js';
import type { Message } from '../../message.js';
import { FORMAT_NAMES, type ImageFormat, inspectImage, MIME } from './image-format.js';

/** The most pixels an image may have: a 50-megapixel photograph; an A4 page at 300 dpi is under 9. */
export const MAX_IMAGE_PIXELS = 50_000_000;

const EXTENSIONS: Record<string, ImageFormat> = { '.png': 'png', '.jpg': 'jpeg', '.jpeg': 'jpeg', '.gif': 'gif', '.webp': 'webp' };

/** The file name a Markdown image URL gives: percent-escapes decoded, unless it is not a valid escape (`100%.png`). */
function fileName(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** An image file read and checked: its data: URL, or the one problem that stops it. */
async function imageUrl(url: string, issueDir: string, place: Place): Promise<{ dataUrl?: string; problem?: Diagnostic }> {
  const fail = (rule: string, message: Message) => ({
    problem: error(rule, { zh: `图片 ${url}：${message.zh}`, en: `${url}: ${message.en}` }, place),
  });
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    return fail('image-remote', {
      zh: '图片要放在本期的文件夹里，不能用网址；请下载后放进来再引用',
      en: "images must be files in the issue's folder",
    });
  }
  const target = path.resolve(issueDir, fileName(url));
  if (!target.startsWith(path.resolve(issueDir) + path.sep))
    return fail('image-outside', { zh: '在本期文件夹之外；请把图片复制到本期文件夹里', en: "it is outside the issue's folder" });
  const named = EXTENSIONS[path.extname(target).toLowerCase()];
  if (!named) return fail('image-type', { zh: '请用 PNG、JPEG、GIF 或 WebP 格式的图片', en: 'use a PNG, JPEG, GIF or WebP image' });
  // Its real path too: a symbolic link in the folder must not bring in a file from elsewhere.
  const read = await readInput(target, { maxBytes: MAX_BYTES.image, within: issueDir });
  if ('problem' in read) {
    const rule =
      { missing: 'image-missing', outside: 'image-outside', 'too-large': 'image-too-large' }[read.problem as string] ??
      `file-${read.problem}`;
    const folder = path.basename(issueDir);
    return fail(
      rule,
      read.problem === 'missing'
        ? { zh: `${folder}/ 里没有这个文件；请检查文件名`, en: `there is no such file in ${folder}/` }
        : read.message,
    );
  }
  const inspected = await inspectImage(read.bytes, MAX_IMAGE_PIXELS);
  // The damage is told in English (image-format.ts): the Chinese says what it means and what to do.
  if ('problem' in inspected)
    return fail('image-broken', {
      zh: `文件已损坏，印出来会是坏的；请换一个完好的文件（检查细节：“${inspected.problem}”）`,
      en: `${inspected.problem}; the page would print it broken`,
    });
  const { format, width, height } = inspected.facts;
  if (format !== named) {
    const message = {
      zh: `文件里是 ${FORMAT_NAMES[format]} 图片，不是 ${FORMAT_NAMES[named]}；请把扩展名改成与格式一致`,
      en: `it holds a ${FORMAT_NAMES[format]} image, not a ${FORMAT_NAMES[named]}; give it the extension of its format`,
    };
    return fail('image-format', message);
  }
  if (width * height > MAX_IMAGE_PIXELS) {
    const limit = MAX_IMAGE_PIXELS / 1e6;
    return fail('image-too-large', {
      zh: `${width} × ${height} 像素，超过了图片最多 ${limit} 百万像素的限制；请缩小（按印出尺寸 300 dpi 就够了）`,
      en: `${width} × ${height} pixels is more than the ${limit} million an image may have; scale it down (300 dpi at its printed size is enough)`,
    });
  }
  return { dataUrl: `data:${MIME[format]};base64,${read.bytes.toString('base64')}` };
}

/**
 * An article's images come from its issue's folder (`![说明](photo.jpg)`) and
 * are inlined as data: URLs, so the HTML stays self-contained (the kept HTML
 * renders anywhere) and the page fetches nothing. Each is read and checked
 * first (image-format.ts): a broken image is an error at its line, not a
 * broken-image icon on the page. Returns a copy of the body.
 */
export async function inlineImages(body: Root, issueDir: string, file: string): Promise<{ body: Root; diagnostics: Diagnostic[] }> {
  const copy = structuredClone(body);
  const diagnostics: Diagnostic[] = [];
  const jobs: Promise<void>[] = [];
  visit(copy, 'image', (image) => {
    const place = { file, line: image.position?.start.line, column: image.position?.start.column };
    jobs.push(
      imageUrl(image.url, issueDir, place).then(({ dataUrl, problem }) => {
        if (problem) return void diagnostics.push(problem);
        // The file's name, kept for messages about the image after layout (its resolution).
        image.data = { ...image.data, file: image.url };
        image.url = dataUrl!;
      }),
    );
  });
  await Promise.all(jobs);
  return { body: copy, diagnostics: diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)) };
}
