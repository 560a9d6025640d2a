/**
 * A page that breaks inside a paragraph must go on where it broke
 * (src/page/break-tokens.ts). Paged.js 0.4.3 found the text node by its
 * text, and in Chinese text cut into short nodes it matched an earlier one:
 * 453 with runs of headings put in broke a paragraph of 阜平's article after
 * “…生动现实。”, and the next page began again at “2020年2月如期实现…”.
 */
import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { describe, test } from 'node:test';
import { cli, ROOT, workspace } from '../helpers/build.js';
import { copyIssue } from '../helpers/issues.js';
import { pageTexts } from '../helpers/pdf.js';

/** Before every third long paragraph of the body, its first characters again as a run of six headings. */
function headingRuns(markdown: string): string {
  const end = markdown.indexOf('\n---\n', 4) + 5;
  const blocks = markdown.slice(end).split('\n\n');
  const edited = blocks.map((block, i) => {
    if (i % 3 !== 0 || block.trim().length < 60 || /^[#>|-]/.test(block.trim())) return block;
    const chars = [...block.replace(/\s/g, '')];
    const heads: string[] = [];
    for (let j = 0; heads.length < 6; j += 4 + (j % 7)) heads.push(`### ${chars.slice(j, j + 4 + (j % 7)).join('')}`);
    return `${heads.join('\n\n')}\n\n${block}`;
  });
  return markdown.slice(0, end) + edited.join('\n\n');
}

describe('a page that breaks inside a paragraph', () => {
  test('goes on where it broke, and no sentence is printed twice', async () => {
    const dir = await workspace();
    await rm(path.join(dir, 'issues', '453'), { recursive: true });
    await copyIssue(dir, path.join(ROOT, 'issues', '453', 'issue.md'), '4008', headingRuns);
    const run = await cli(['4008', '--no-lint'], dir);
    assert.doesNotMatch(run.stderr, /block-repeated/);
    assert.equal(run.code, 0, run.stderr);
    const text = pageTexts(path.join(dir, 'dist', '4008.pdf'))
      .join('')
      .replace(/\s/g, '');
    assert.equal(text.split('2020年2月如期实现高质量脱贫').length - 1, 1);
    assert.equal(text.split('2021年2月，党中央、国务院授予').length - 1, 1);
  });
});
