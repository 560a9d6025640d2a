import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Nodes, Paragraph } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import { CONTENT_MODEL, type ContentType } from '../../src/stages/load/content-model.js';
import { parseMarkdown } from '../../src/stages/load/parse-markdown.js';
import { readStructure } from '../../src/stages/load/structure.js';
import { HANDLERS } from '../../src/stages/render/content/handlers.js';
import { blockCounter, markdownToHtml } from '../../src/stages/render/markdown-to-html.js';

/** A document with every construct CommonMark and GFM have, each on its own lines. */
const EVERY_CONSTRUCT = `# 栏目

## 标题

正文**加粗**与*强调*，~~删除~~，\`代码\`，[链接](https://example.com)，<https://example.com/a> 与 [参考][ref]，注释[^1]。\\
换行后，<b>HTML</b>，![图](a.png) 与 ![参考图][ref]。

### 小标题

> 引文。

- 条目
- [ ] 任务

1. 第一

| 甲 | 乙 |
| --- | --- |
| 1 | 2 |

    缩进代码

\`\`\`
围栏代码
\`\`\`

---

<div>块</div>

[ref]: https://example.com
[^1]: 注释内容。
`;

/** What remark-parse and remark-gfm never produce (front matter needs its own plugin; the load stage splits it off first). */
const NOT_PARSED: ContentType[] = ['yaml'];

const ARTICLE = '# 栏目\n\n## 标题\n\n正文。\n\n';
/** Line of the first line after ARTICLE. */
const FIRST = 7;

const diagnosticsOf = (snippet: string) => readStructure(parseMarkdown(ARTICLE + snippet), 'issue.md').diagnostics;
/** The article's HTML, without the first paragraph (正文。) and the line-breaking glue (tested in markdown.test.ts), unless `glue`. */
const htmlOf = async (snippet: string, glue = false) => {
  const loaded = readStructure(parseMarkdown(ARTICLE + snippet), 'issue.md');
  assert.deepEqual(loaded.diagnostics, []);
  const article = loaded.value![0]!.articles[0]!;
  const html = (await markdownToHtml(article.body, blockCounter(), article.notes)).replace(/^<p [^>]*>.*?<\/p>\n/, '');
  return glue ? html : html.replace(/<span class="(?:nb|long)">([^<]*)<\/span>/g, '$1');
};

describe('content model', () => {
  test('lists every node type remark-parse and remark-gfm produce, and nothing else', () => {
    const found = new Set<string>();
    visit(parseMarkdown(EVERY_CONSTRUCT) as Nodes, (node) => void found.add(node.type));
    found.delete('root');
    const listed = Object.keys(CONTENT_MODEL).filter((type) => !NOT_PARSED.includes(type as ContentType));
    assert.deepEqual([...found].sort(), listed.sort());
  });

  test('each construct the model rejects is reported at its own line and column (what it holds is not reported again)', () => {
    const tree = parseMarkdown(EVERY_CONSTRUCT);
    const places = new Set(readStructure(tree, 'issue.md').diagnostics.map((d) => `${d.line}:${d.column}`));
    let rejected = 0;
    visit(tree as Nodes, (node) => {
      if (node.type === 'root' || CONTENT_MODEL[node.type].print) return;
      rejected++;
      assert.ok(
        places.has(`${node.position!.start.line}:${node.position!.start.column}`),
        `${node.type} at line ${node.position!.start.line} not reported`,
      );
      return SKIP;
    });
    assert.ok(rejected >= 8);
  });

  test('the render stage has a handler for every construct the model prints, and refuses the rest', async () => {
    const printed = (Object.keys(CONTENT_MODEL) as ContentType[]).filter((type) => CONTENT_MODEL[type].print);
    assert.deepEqual(
      printed.filter((type) => !(type in HANDLERS)),
      [],
    );
    const tree = parseMarkdown('正文<b>粗</b>。');
    await assert.rejects(markdownToHtml(tree, blockCounter()), /should have rejected a html node/);
  });
});

describe('constructs that print', () => {
  test('a paragraph, bold, emphasis and a hard break', async () => {
    const out = await htmlOf('正文**加粗**与*强调*。\\\n下一行。\n');
    assert.match(out, /<strong>加粗<\/strong>/);
    assert.match(out, /<em>强调<\/em>/);
    assert.match(out, /<br>/);
  });

  test('a section heading', async () => {
    assert.match(await htmlOf('### 小标题\n'), /<h3 [^>]*class="section">小标题<\/h3>/);
  });

  test('an image on its own line is a figure, its alt text the caption under it', async () => {
    assert.match(
      await htmlOf('![图1 说明](a.png)\n'),
      /<figure class="figure"[^>]*><img src="a.png" alt="图1 说明"><figcaption>图1 说明<\/figcaption><\/figure>/,
    );
  });

  test('a Markdown list: numbers as the editor wrote them, bullets, one level nested, each marker hanging', async () => {
    const out = await htmlOf('1. 第一项；\n3) 第二项：\n   - 子项甲\n   - 子项乙\n');
    assert.match(out, /<ol class="list decimal" style="--marker-width: 1em"[^>]*><li><span class="marker">1\.<\/span>第/);
    assert.match(out, /<span class="marker">3\)<\/span>/, 'the number as written, not renumbered');
    assert.match(out, /<ul class="list bullet nested" style="--marker-width: 1em"><li><span class="marker">●<\/span>子/);
  });

  test('lines that each start with a Chinese number form a list; a second numbering style nests under the first', async () => {
    const out = await htmlOf('一、总体要求\n二、重点任务\n（一）深化改革。\n（二）加强保护。\n三、保障措施\n');
    assert.match(out, /^<ol class="list han" style="--marker-width: 2em"/);
    assert.match(out, /<li><span class="marker">一、<\/span>总体要求<\/li>/);
    assert.match(
      out,
      /<li><span class="marker">二、<\/span>重点任务<ol class="list paren-han nested" style="--marker-width: 2.5em"><li><span class="marker">（一）<\/span>深化/,
    );
    assert.match(out, /<span class="marker">三、<\/span>保障/);
  });

  test('a quotation', async () => {
    assert.match(await htmlOf('> 引文。\n'), /<blockquote [^>]*><p>引文。<\/p><\/blockquote>/);
  });

  test('notes: superscript marks numbered in reading order, a note used twice keeps its mark, the list at the end of the article', async () => {
    const out = await htmlOf('甲[^b]，乙[^a]，丙[^b]。\n\n[^a]: 注甲。\n[^b]: 注乙。\n');
    assert.deepEqual(
      [...out.matchAll(/<sup class="note-ref">(.)<\/sup>/g)].map((m) => m[1]),
      ['①', '②', '①'],
    );
    assert.match(
      out,
      /<section class="notes" [^>]*><ol class="note-list"><li class="note"><span class="note-mark">①<\/span>注乙。<\/li><li class="note"><span class="note-mark">②<\/span>注甲。/,
    );
  });

  test('a link prints its text; a URL that is not its text prints as a note', async () => {
    const out = await htmlOf('见[新华网](https://www.xinhuanet.com)和<https://www.gov.cn>。\n');
    assert.match(out, /见新华网<sup class="note-ref">①<\/sup>和https:\/\/www.gov.cn。/);
    assert.match(out, /<span class="note-mark">①<\/span>https:\/\/www.xinhuanet.com<\/li>/);
    assert.doesNotMatch(out, /<a /);
  });

  test('inline code, in the monospace face, set apart from Han by the gap Chromium sets within an element', async () => {
    assert.match(await htmlOf('输入`npm ci`即可。\n'), /<code class="space-before space-after">npm ci<\/code>/);
    assert.match(await htmlOf('输入：`npm ci`。\n'), /<code>npm ci<\/code>/);
  });

  test('a bare URL is text, and does not swallow the Chinese and the code after it (GFM’s autolink literals are off)', async () => {
    const tree = parseMarkdown('访问https://www.gov.cn/a.htm查看，或输入`npm ci`，邮件a@b.cn。');
    assert.deepEqual(
      (tree.children[0] as Paragraph).children.map((n) => n.type),
      ['text', 'inlineCode', 'text'],
    );
  });

  test('a note block and an annex list: the label hangs, numbered lines hang their numbers', async () => {
    const out = await htmlOf('注：1.本措施自印发之日起施行。\n2.以本措施为准。\n\n附件：工作台账\n');
    assert.match(
      out,
      /<div class="label-block note-block" style="--label-width: 2em; --marker-width: 1em" [^>]*><p class="label-line item"><span class="label">/,
    );
    assert.match(out, /<p class="item"><span class="marker">2\.<\/span>以本/);
    assert.match(out, /<div class="label-block annex-list" style="--label-width: 3em; [^>]*><p class="label-line"><span class="label">附/);
  });

  test('a signature at the end of the article, each line kept, before the annexes', async () => {
    const out = await htmlOf('中共某某委员会\n2023年9月20日\n\n附件1\n\n附件正文。\n');
    assert.match(out, /<p class="signature" [^>]*>中共某某委员会<br>/);
    assert.match(out, /<p class="annex-heading" [^>]*>附/);
  });

  test('the last paragraph is no signature unless it ends in a date', async () => {
    assert.doesNotMatch(await htmlOf('中共某某委员会\n某某办公室\n'), /signature/);
  });

  test('ideographic spaces indenting a paragraph or a line are removed; inside a line they print', async () => {
    const out = await htmlOf('\u3000\u3000第一行\n\u3000\u3000实\u3000践。\n');
    assert.match(out, /<p [^>]*>第一行实\u3000践。<\/p>/);
  });

  test('a long string without spaces may break anywhere; a line end in Chinese text is no space', async () => {
    const out = await htmlOf('请访问https://www.example.com/a/very/long/path查看\n全文。\n', true);
    assert.match(
      out,
      /访<span class="nb">问h<\/span><span class="long">ttps:\/\/www.example.com\/a\/very\/long\/pat<\/span><span class="nb">h查<\/span>看<span class="nb">全文<\/span>。/,
    );
  });

  test('a table prints every cell’s text in a table, the first row as its header, no Markdown syntax', async () => {
    const html = await htmlOf('| 序号 | 改革举措 |\n| --- | :-: |\n| 1 | 优化**营商**环境 |\n| 2 |\n');
    // The structure alone: no attributes, no spans (glue, a figure's parts).
    const out = html.replace(/ [\w-]+="[^"]*"/g, '').replace(/<\/?span>/g, '');
    assert.match(out, /<table><thead><tr><th>序号<\/th><th>改革举措<\/th><\/tr><\/thead><tbody>/);
    assert.match(out, /<tr><td>1<\/td><td>优化<strong>营商<\/strong>环境<\/td><\/tr>/);
    assert.match(out, /<tr><td>2<\/td><td><\/td><\/tr>/, 'a short row is given its missing cells');
    assert.doesNotMatch(out.replace(/<[^>]+>/g, ''), /\||---|\*\*/);
  });
});

describe('constructs that are rejected, at their line and column, with what to write instead', () => {
  const cases: Array<[string, string, string, number, number]> = [
    ['raw HTML', '<div>块</div>\n', 'raw-html', FIRST, 1],
    ['inline raw HTML', '正文<b>粗</b>。\n', 'raw-html', FIRST, 3],
    ['an indented code block', '    代码\n', 'unsupported-markdown', FIRST, 1],
    ['a fenced code block', '```\n代码\n```\n', 'unsupported-markdown', FIRST, 1],
    ['a rule', '---\n', 'unsupported-markdown', FIRST, 1],
    ['struck-through text', '正文~~删除~~。\n', 'unsupported-markdown', FIRST, 3],
    ['a link definition and its reference', '见[参考][r]。\n\n[r]: https://example.com\n', 'unsupported-markdown', FIRST, 2],
    ['a reference-style image', '![图][r]\n\n[r]: a.png\n', 'unsupported-markdown', FIRST, 1],
    ['a #### heading', '#### 深\n', 'heading-depth', FIRST, 1],
    ['an image inside a sentence', '如图![图1](a.png)所示。\n', 'image-inline', FIRST, 3],
    ['a heading inside a quotation', '> ### 小标题\n', 'misplaced-block', FIRST, 3],
    ['a table inside a list item', '- 条目\n\n  | 甲 |\n  | --- |\n  | 1 |\n', 'misplaced-block', FIRST + 2, 3],
    ['a list three levels deep', '- 一\n  - 二\n    - 三\n', 'list-depth', FIRST + 2, 5],
    ['numbered lines in three styles', '一、甲\n（一）乙\n1.丙\n', 'list-depth', FIRST, 1],
    ['a task list item', '- [ ] 待办\n', 'unsupported-markdown', FIRST, 1],
    ['a reference to a note that does not exist', '正文[^9]。\n', 'note-undefined', FIRST, 3],
    ['a note never referred to', '正文。\n\n[^1]: 注。\n', 'note-unreferenced', FIRST + 2, 1],
  ];
  for (const [what, snippet, rule, line, column] of cases) {
    test(what, () => {
      const d = diagnosticsOf(snippet)[0];
      assert.ok(d, `${what} not reported`);
      assert.deepEqual([d.rule, d.line, d.column], [rule, line, column]);
      assert.match(d.message.en, /; /, 'the message says what to write instead');
    });
  }

  test('markup in a title is reported, since a title prints as plain text', () => {
    const d = readStructure(parseMarkdown('# 栏目\n\n## 标题<br>二\n\n正文。\n'), 'issue.md').diagnostics[0];
    assert.deepEqual([d?.rule, d?.line, d?.column], ['raw-html', 3, 6]);
  });
});
