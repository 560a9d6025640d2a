import assert from 'node:assert/strict';
import type { Nodes } from 'mdast';
import { describe, test } from 'node:test';
import { SKIP, visit } from 'unist-util-visit';
import { CONTENT_MODEL, type ContentType } from '../../src/stages/load/content-model.js';
import { parseMarkdown } from '../../src/stages/load/parse-markdown.js';
import { readStructure } from '../../src/stages/load/structure.js';
import { HANDLERS } from '../../src/stages/render/content/handlers.js';
import { blockCounter, markdownToHtml } from '../../src/stages/render/markdown-to-html.js';

/** A document with every construct CommonMark and GFM have, each on its own lines. */
const EVERY_CONSTRUCT = `# 栏目

## 标题

正文**加粗**与*强调*，~~删除~~，\`代码\`，[链接](https://example.com)，https://example.com/a 与 [参考][ref]，注释[^1]。\\
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
const htmlOf = async (snippet: string) => {
  const loaded = readStructure(parseMarkdown(ARTICLE + snippet), 'issue.md');
  assert.deepEqual(loaded.diagnostics, []);
  return markdownToHtml(loaded.value![0]!.articles[0]!.body, blockCounter());
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
      assert.ok(places.has(`${node.position!.start.line}:${node.position!.start.column}`), `${node.type} at line ${node.position!.start.line} not reported`);
      return SKIP;
    });
    assert.ok(rejected >= 8);
  });

  test('the render stage has a handler for every construct the model prints, and refuses the rest', async () => {
    const printed = (Object.keys(CONTENT_MODEL) as ContentType[]).filter((type) => CONTENT_MODEL[type].print);
    assert.deepEqual(printed.filter((type) => !(type in HANDLERS)), []);
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

  test('an image on its own line', async () => {
    assert.match(await htmlOf('![图1 说明](a.png)\n'), /<p [^>]*class="figure"><img src="a.png" alt="图1 说明">/);
  });

  test('a table prints every cell’s text in a table, the first row as its header, no Markdown syntax', async () => {
    const out = await htmlOf('| 序号 | 改革举措 |\n| --- | :-: |\n| 1 | 优化**营商**环境 |\n| 2 |\n');
    assert.match(out, /<table [^>]*><thead><tr><th>序号<\/th><th>改革举措<\/th><\/tr><\/thead><tbody>/);
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
    ['a heading inside a quotation', '> ### 小标题\n', 'unsupported-markdown', FIRST, 1],
  ];
  for (const [what, snippet, rule, line, column] of cases) {
    test(what, () => {
      const d = diagnosticsOf(snippet)[0];
      assert.ok(d, `${what} not reported`);
      assert.deepEqual([d.rule, d.line, d.column], [rule, line, column]);
      assert.match(d.message, /; /, 'the message says what to write instead');
    });
  }

  test('markup in a title is reported, since a title prints as plain text', () => {
    const d = readStructure(parseMarkdown('# 栏目\n\n## 标题<br>二\n\n正文。\n'), 'issue.md').diagnostics[0];
    assert.deepEqual([d?.rule, d?.line, d?.column], ['raw-html', 3, 6]);
  });
});
