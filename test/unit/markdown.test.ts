import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseMarkdown } from '../../src/stages/load/parse-markdown.js';
import { segmentForLineBreaking } from '../../src/stages/render/cjk-text.js';
import { displayHtml } from '../../src/stages/render/display/display-html.js';
import { blockCounter, markdownToHtml } from '../../src/stages/render/markdown-to-html.js';

const html = (markdown: string) => markdownToHtml(parseMarkdown(markdown), blockCounter());
const glued = (text: string, paragraphEnd = false) =>
  segmentForLineBreaking(text, { paragraphEnd })
    .filter((s) => s.glued)
    .map((s) => s.text);

describe('Markdown to HTML', () => {
  test('paragraphs and section headings carry their block id and source line', async () => {
    const out = await html('正文。\n\n### 小标题\n');
    assert.match(out, /<p data-block="b1" data-line="1">/);
    assert.match(out, /<h3 data-block="b2" data-line="3" class="section">/);
  });

  test('a paragraph that opens in bold is a run-in head', async () => {
    assert.match(await html('**夯实阵地，组织强“新”。**健全和优化。'), /<p [^>]*class="run-in"><strong>/);
  });

  test('no script, iframe, event handler or javascript: URL reaches the page', async () => {
    // Raw HTML is the load stage's to reject (content-model.ts); the render stage refuses it outright.
    await assert.rejects(html('<script>alert(1)</script>\n\n正文<iframe src="x"></iframe>'), /should have rejected a html node/);
    // What Markdown itself can carry is sanitized.
    const out = await html('![图](javascript:alert(1))');
    assert.doesNotMatch(out, /javascript:/i);
  });

  test('short texts are escaped', () => {
    const out = displayHtml('<b onclick="x">&');
    // No tag: `<` is escaped, and what looked like an attribute is plain text.
    assert.doesNotMatch(out, /<b/);
    assert.match(out, /&#x3C;/);
  });
});

describe('line-breaking glue', () => {
  test('a mark Chromium keeps off a line start by itself is left alone (test/e2e/line-breaks.test.ts asks Chromium)', () => {
    assert.deepEqual(glued('做到“两个维护”；为强国，等等……'), []);
  });

  test('a dash, a middle dot and a unit sign stay with what precedes them', () => {
    assert.deepEqual(glued('伟力——新阶段'), ['力——']);
    assert.deepEqual(glued('增长 5.2% 以上，零下 3℃ 时'), ['2%', '3℃']);
    assert.deepEqual(glued('马克思·恩格斯'), ['思·']);
  });

  test('a closing mark before an opening one stays with what precedes it, so a line may end on it', () => {
    assert.deepEqual(glued('党的温度；“三个走出去”“两个'), ['度；', '去”']);
  });

  test('a closing mark that ends a text is not glued: what follows it is another element, which the pair straddles already', () => {
    assert.deepEqual(glued('见成效。'), []);
    assert.deepEqual(glued('“两个维护”'), []);
  });

  test('the last character of a paragraph is kept with the one before it (no 孤字)', () => {
    assert.deepEqual(glued('有效衔接。', true), ['衔接']);
    assert.deepEqual(glued('有效衔接。', false), []);
  });

  test('a space is a place to break', () => {
    assert.deepEqual(glued('意见 提高'), []);
  });
});
