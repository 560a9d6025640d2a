import type { RootContentMap } from 'mdast';
import type { Message } from '../../message.js';

/**
 * The content model: what an issue's Markdown may hold. Every node type
 * remark-parse and remark-gfm produce is listed, either as printed (the render
 * stage has a handler for it, render/content/handlers.ts) or as rejected, with
 * the rule the load stage reports at its line and a hint saying what to write
 * instead. The map is typed exhaustive: a node type added to mdast is a compile
 * error here until it is given one or the other, and no node ever reaches the
 * page by mdast-util-to-hast's default rendering.
 *
 * Where a printed construct may stand (a heading's depth, an image alone on its
 * line, a table in the article body) is checked by content-checks.ts.
 */
export type ContentType = keyof RootContentMap;

/** Set in the house style by the render stage. */
export interface Printed {
  print: true;
}

/** Not part of the issue format: the build stops at the node's line. */
export interface Rejected {
  print: false;
  rule: string;
  /** What was found, e.g. “a code block”. */
  message: Message;
  /** What to write instead. */
  hint: Message;
}

const PRINTED: Printed = { print: true };

const unsupported = (message: Message, hint: Message): Rejected => ({ print: false, rule: 'unsupported-markdown', message, hint });

export const CONTENT_MODEL = {
  paragraph: PRINTED,
  heading: PRINTED,
  text: PRINTED,
  strong: PRINTED,
  emphasis: PRINTED,
  break: PRINTED,
  image: PRINTED,
  table: PRINTED,
  tableRow: PRINTED,
  tableCell: PRINTED,
  list: PRINTED,
  listItem: PRINTED,
  blockquote: PRINTED,
  footnoteReference: PRINTED,
  footnoteDefinition: PRINTED,
  link: PRINTED,
  inlineCode: PRINTED,
  html: {
    print: false,
    rule: 'raw-html',
    message: { zh: '刊物正文里不能写 HTML', en: 'raw HTML is not allowed in an issue' },
    hint: { zh: '请改用 Markdown 写这段文字', en: 'write the text as Markdown' },
  },
  code: unsupported(
    {
      zh: '代码块（缩进四个空格的行，或用 ``` 围起来的文字）印不出来',
      en: 'a code block (a line indented by four spaces, or fenced with ```) does not print',
    },
    { zh: '去掉缩进或 ```，把文字写成普通段落', en: 'remove the indentation or the fence, and write the text as a paragraph' },
  ),
  thematicBreak: unsupported(
    { zh: '正文里不能有“---”分隔线', en: 'a “---” rule is not part of the issue body' },
    { zh: '删去即可：版记和它的线是自动生成的', en: 'leave it out: the footer and its rule are generated' },
  ),
  definition: unsupported(
    { zh: '刊物格式不支持链接定义（“[标签]: 网址”）', en: 'a link definition (“[label]: URL”) is not part of the issue format' },
    { zh: '把链接直接写在原处：[文字](网址)', en: 'write the link in place: [text](URL)' },
  ),
  linkReference: unsupported(
    { zh: '刊物格式不支持引用式链接（“[文字][标签]”）', en: 'a reference-style link (“[text][label]”) is not part of the issue format' },
    { zh: '把链接直接写在原处：[文字](网址)', en: 'write the link in place: [text](URL)' },
  ),
  imageReference: unsupported(
    { zh: '刊物格式不支持引用式图片（“![说明][标签]”）', en: 'a reference-style image (“![alt][label]”) is not part of the issue format' },
    { zh: '把图片直接写在原处：![图注](file.png)', en: 'write the image in place: ![caption](file.png)' },
  ),
  delete: unsupported(
    { zh: '删除线文字（~~…~~）不能付印', en: 'struck-through text (~~…~~) does not belong in print' },
    { zh: '删掉这段文字，或改成要印出的样子', en: 'delete the text, or write it as it should print' },
  ),
  yaml: unsupported(
    { zh: '前置信息只能写在文件开头', en: 'front matter belongs at the top of the file only' },
    { zh: '把它移到文件开头的“---”块里', en: 'move it to the “---” block at the top' },
  ),
} as const satisfies Record<ContentType, Printed | Rejected>;

/** The node types the render stage sets. */
export type PrintedType = { [T in ContentType]: (typeof CONTENT_MODEL)[T] extends Printed ? T : never }[ContentType];

/** The model's entry for a node type. */
export const contentOf = (type: ContentType): Printed | Rejected => CONTENT_MODEL[type];
