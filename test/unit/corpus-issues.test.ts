/**
 * Bad issues, as a hostile-but-fair new user would make them: files of the
 * wrong kind, encoding or size, broken front matter and Markdown, broken
 * images. Each fails with one line naming its rule and place, prints no
 * exception, leaves every input and the earlier PDF as they were, and
 * leaves nothing running or in the temporary folder (test/helpers/corpus.ts).
 * None gets as far as a layout; all but those that change the publication
 * file are built in one run, each as an issue of its own.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { issueFile, type Project } from '../helpers/corpus.js';
import { type BadCase, corpus } from '../helpers/corpus-cases.js';
import { png, SAMPLES } from '../helpers/images.js';

const edit = (change: (markdown: string) => string) => (p: Project, serial: string) => p.editIssue(change, serial);
const replaceIssue = (make: (p: Project, file: string) => Promise<void>) => async (p: Project, serial: string) => {
  await rm(p.at(issueFile(serial)));
  await make(p, issueFile(serial));
};
const recode = (encode: (text: string) => Buffer) => async (p: Project, serial: string) =>
  p.write(issueFile(serial), encode(await readFile(p.at(issueFile(serial)), 'utf8')));
const field = (name: string, value: string) =>
  edit((markdown) => markdown.replace(new RegExp(`^(\\s*)${name}: .*$`, 'm'), `$1${name}: ${value}`));
const beforePrintRun = (line: string) => edit((markdown) => markdown.replace('print_run', `${line}\nprint_run`));
/** An image paragraph after the first paragraph (at line 19), and the file it names. */
const image = (url: string, file?: (p: Project, path: string) => Promise<void>) => async (p: Project, serial: string) => {
  await p.editIssue((markdown) => markdown.replace('构建多期刊物。\n', `构建多期刊物。\n\n![图](${url})\n`), serial);
  await file?.(p, `issues/${serial}/${url}`);
};

/** Ten levels of aliases, each nine of the one before: 9^10 values when expanded. */
function aliasBomb(): string {
  const levels = ['x0: &x0 [a, a, a, a, a, a, a, a, a]'];
  for (let i = 1; i < 10; i++)
    levels.push(
      `x${i}: &x${i} [${Array(9)
        .fill(`*x${i - 1}`)
        .join(', ')}]`,
    );
  return `${levels.join('\n')}\n`;
}

const cases: BadCase[] = [
  // The file itself
  { name: 'issue.md is a named pipe', setup: replaceIssue((p, file) => p.fifo(file)), rule: 'file-not-regular', at: 'ISSUE' },
  { name: 'issue.md is a folder', setup: replaceIssue((p, file) => p.write(`${file}/x`, '')), rule: 'file-not-regular', at: 'ISSUE' },
  {
    name: 'issue.md is a link to /etc/passwd',
    setup: replaceIssue((p, file) => p.link(file, '/etc/passwd')),
    rule: 'file-outside',
    at: 'ISSUE',
  },
  {
    name: 'the issue folder has no issue.md',
    setup: replaceIssue((p, file) => p.write(file.replace('issue.md', 'notes.txt'), '')),
    rule: 'file-missing',
    at: 'ISSUE',
  },
  { name: 'issue.md of 5 MB', setup: edit((m) => `${m}\n${'长'.repeat(1_800_000)}\n`), rule: 'file-too-large', at: 'ISSUE' },
  {
    name: 'issue.md in UTF-16 with a byte order mark',
    setup: recode((text) => Buffer.from(`\uFEFF${text}`, 'utf16le')),
    rule: 'file-encoding',
    at: 'ISSUE:1',
  },
  { name: 'issue.md in UTF-16 without one', setup: recode((text) => Buffer.from(text, 'utf16le')), rule: 'file-encoding', at: 'ISSUE:1' },
  {
    name: 'issue.md in GBK',
    setup: recode((text) => Buffer.concat([Buffer.from(text), Buffer.from([0xd6, 0xd0, 0xce, 0xc4, 0x0a])])),
    rule: 'file-encoding',
    at: 'ISSUE:27',
  },
  { name: 'an empty issue.md', setup: recode(() => Buffer.alloc(0)), rule: 'front-matter-missing', at: 'ISSUE:1' },
  { name: 'front matter never closed', setup: edit((m) => m.replace(/\n---\n/, '\n\n')), rule: 'front-matter-unclosed', at: 'ISSUE:1' },
  {
    name: 'publication.yaml is a named pipe',
    setup: (p) => rm(p.at('issues/publication.yaml')).then(() => p.fifo('issues/publication.yaml')),
    alone: ['SERIAL'],
    rule: 'file-not-regular',
    at: 'issues/publication.yaml',
  },
  {
    name: 'publication.yaml is missing',
    setup: (p) => rm(p.at('issues/publication.yaml')),
    alone: ['SERIAL'],
    rule: 'file-missing',
    at: 'issues/publication.yaml',
  },
  // Front matter
  { name: 'a YAML alias bomb', setup: edit((m) => m.replace('---\n', `---\n${aliasBomb()}`)), rule: 'yaml-syntax', at: 'ISSUE:3' },
  // At the “[” left open, not at the line after it where the parser gave up.
  { name: 'YAML that does not parse', setup: field('year', '[2024'), rule: 'yaml-syntax', at: 'ISSUE:3' },
  { name: 'date: 2024-02-30', setup: field('date', '2024-02-30'), rule: 'field-format', at: 'ISSUE:5' },
  { name: 'date: 2024-13-01', setup: field('date', '2024-13-01'), rule: 'field-format', at: 'ISSUE:5' },
  { name: 'a date outside the issue’s year', setup: field('date', '2023-01-10'), rule: 'date-year-mismatch', at: 'ISSUE:5' },
  { name: 'a serial that is not its folder’s', setup: field('serial', '9999'), rule: 'serial-mismatch', at: 'ISSUE:2' },
  { name: 'print_run: -5', setup: field('print_run', '-5'), rule: 'field-type', at: 'ISSUE:9' },
  { name: 'print_run of 99999999999', setup: field('print_run', '99999999999'), rule: 'field-type', at: 'ISSUE:9' },
  { name: 'a field nobody knows', setup: beforePrintRun('pages: 4'), rule: 'unknown-field', at: 'ISSUE:9' },
  { name: 'edition: ..', setup: beforePrintRun('edition: ..'), rule: 'field-format', at: 'ISSUE:9' },
  { name: 'an edition that does not exist', setup: beforePrintRun('edition: 1999'), rule: 'edition-missing', at: 'ISSUE:9' },
  { name: 'a list where text belongs', setup: field('send', '[各市, 各县]'), rule: 'field-type', at: 'ISSUE:8' },
  // Markdown
  { name: 'raw HTML', setup: edit((m) => `${m}\n<script>alert(1)</script>\n`), rule: 'raw-html', at: 'ISSUE:28' },
  { name: 'a fourth-level heading', setup: edit((m) => `${m}\n#### 过深的标题\n`), rule: 'heading-depth', at: 'ISSUE:28' },
  {
    name: 'half-width punctuation (lint stops the build)',
    setup: edit((m) => m.replace('只有一篇文章，', '只有一篇文章,')),
    rule: 'halfwidth-punctuation',
    at: 'ISSUE:17',
  },
  // Fonts
  {
    name: 'a character no font has, in the body',
    setup: edit((m) => m.replace('这是一期', '这是\uE000一期')),
    rule: 'glyph-missing',
    at: 'ISSUE:17:3',
  },
  { name: 'a character no font has, in a front-matter field', setup: field('send', '各市\uE000委'), rule: 'glyph-missing', at: 'ISSUE:8' },
  // Images
  { name: 'an image of 0 bytes', setup: image('empty.png', (p, f) => p.write(f, '')), rule: 'image-broken', at: 'ISSUE:19:1' },
  { name: 'a text file named .png', setup: image('text.png', (p, f) => p.write(f, '这不是图片')), rule: 'image-broken', at: 'ISSUE:19:1' },
  {
    name: 'a PNG cut short',
    setup: image('cut.png', (p, f) => p.write(f, png(300, 200).subarray(0, 150))),
    rule: 'image-broken',
    at: 'ISSUE:19:1',
  },
  {
    name: 'a JPEG cut short',
    setup: image('cut.jpg', (p, f) => p.write(f, SAMPLES.jpeg.subarray(0, 250))),
    rule: 'image-broken',
    at: 'ISSUE:19:1',
  },
  { name: 'a JPEG named .png', setup: image('photo.png', (p, f) => p.write(f, SAMPLES.jpeg)), rule: 'image-format', at: 'ISSUE:19:1' },
  {
    name: 'a PNG of 20000 × 20000 pixels',
    setup: image('huge.png', (p, f) => p.write(f, png(20000, 20000, { data: Buffer.alloc(64) }))),
    rule: 'image-too-large',
    at: 'ISSUE:19:1',
  },
  {
    name: 'an image that links to /etc/passwd',
    setup: image('leak.png', (p, f) => p.link(f, '/etc/passwd')),
    rule: 'image-outside',
    at: 'ISSUE:19:1',
  },
  {
    name: 'an image that links to a PNG outside the issue’s folder',
    setup: image('chart.png', async (p, f) => {
      await writeFile(p.at('outside.png'), png(4, 4));
      await p.link(f, p.at('outside.png'));
    }),
    rule: 'image-outside',
    at: 'ISSUE:19:1',
  },
  { name: 'an image up the folder tree', setup: image('../publication.png'), rule: 'image-outside', at: 'ISSUE:19:1' },
  { name: 'a remote image', setup: image('http://192.0.2.1/a.png'), rule: 'image-remote', at: 'ISSUE:19:1' },
  { name: 'an image named 100%.png that is not there', setup: image('100%.png'), rule: 'image-missing', at: 'ISSUE:19:1' },
  { name: 'an image that is a named pipe', setup: image('pipe.png', (p, f) => p.fifo(f)), rule: 'file-not-regular', at: 'ISSUE:19:1' },
  { name: 'a BMP image', setup: image('old.bmp', (p, f) => p.write(f, 'BM')), rule: 'image-type', at: 'ISSUE:19:1' },
];

corpus('bad issues', cases);
