/**
 * An issue's own images: files in its folder, inlined into the page (nothing is
 * fetched), placed on the grid; anything else is refused at its line.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { cli, workspace } from '../helpers/build.js';

/** A 60 × 40 px red PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAADwAAAAoCAIAAAAt2Q6oAAAAPElEQVR42u3OQQkAAAgEsEvhz/5VjGUKH8JgAZapfifS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tLS0tKXFqZgMahUzcAtAAAAAElFTkSuQmCC',
  'base64',
);

async function issueWithImage(dir: string, image: string): Promise<void> {
  const folder = path.join(dir, 'issues', '902');
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, 'chart.png'), PNG);
  const paragraph = '图表显示了全省各地学习贯彻情况，各级党组织认真组织学习，取得了明显成效。'.repeat(3);
  await writeFile(
    path.join(folder, 'issue.md'),
    `---\nserial: 902\nyear: 2024\nnumber: 2\ndate: 2024-02-01\ndistribution:\n  report: 省委常委会\n  send: 各市\nprint_run: 100\n---\n\n# 学习动态\n\n## 图表说明学习成效\n\n${paragraph}\n\n${image}\n\n${paragraph}\n`,
  );
}

describe('images in an issue', () => {
  test('an image file in the issue folder is placed on the page, the text after it stays on the grid, and its resolution is named by file and line', async () => {
    const dir = await workspace();
    await issueWithImage(dir, '![学习情况统计](chart.png)');
    const run = await cli(['902', '--check'], dir);
    assert.equal(run.code, 0, run.stderr);
    // Its resolution is reported by its file and line, not as a PDF's image object.
    assert.match(
      run.stderr,
      /^issues\/902\/issue\.md:18 warning image-resolution chart\.png prints at 96 dpi on page 2 \(60 × 40 px placed at 45\.0 × 30\.0 pt\); print wants 300 dpi: a file of 188 × 125 px$/m,
    );
    assert.doesNotMatch(run.stderr, /preflight-image-resolution/);
    const images = execFileSync('pdfimages', ['-list', path.join(dir, 'dist', '902.pdf')], { encoding: 'utf8' });
    assert.match(images, /^\s+2\s+\d+\s+image\s+60\s+40\s/m, 'the image is on page 2 at its own pixel size');
  });

  test('a remote image is refused at its line, and nothing is built', async () => {
    const dir = await workspace();
    await issueWithImage(dir, '![远程](https://example.com/chart.png)');
    const run = await cli(['902'], dir);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /^issues\/902\/issue\.md:18:1 image-remote /m);
  });

  test('a missing image file is named at its line', async () => {
    const dir = await workspace();
    await issueWithImage(dir, '![缺失](missing.png)');
    const run = await cli(['902'], dir);
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /^issues\/902\/issue\.md:18:1 image-missing missing\.png/m);
  });
});
