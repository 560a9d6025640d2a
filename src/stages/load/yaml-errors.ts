/**
 * The YAML parser's errors as an editor reads them: what is wrong with the
 * front matter (or publication.yaml), said in Chinese and English, at the
 * place to fix it, with the parser's own words quoted after, for whoever
 * wants them. The common slips of hand-written front matter each have their
 * own explanation: a tab for indentation, lines not aligned, a field written
 * twice, a quote or a bracket left open, a full-width colon, a “: ” inside a
 * value.
 */
import { type Document, isCollection, isScalar, type LineCounter, visit, type YAMLError } from 'yaml';
import type { Message } from '../../message.js';

/** One error, explained, and the offset in the YAML text where to look. */
export interface YamlProblem {
  message: Message;
  offset: number;
}

/** The source text around an error: the text, its lines, and the document the parser made of it. */
interface Source {
  text: string;
  doc: Document;
  lines: LineCounter;
  /** The line of the file an offset of the text is on (front matter starts after its `---`). */
  fileLine(offset: number): number;
}

/** The text of the line an offset is on. */
function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? undefined : end);
}

/** The start of the first line at or after `offset` that is not a comment or blank: the parser may stop at a comment above the line it means. */
function pastComments(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const rest = /^(?:[ \t]*(?:#.*)?\n)*[ \t]*/.exec(text.slice(lineStart))![0];
  return lineStart === offset || /^\s*#/.test(lineAt(text, offset)) ? lineStart + rest.length : offset;
}

/** The field a line starts (“title” of `  title: …`), if it starts one. */
const keyOf = (line: string) => /^\s*(?:-\s+)?([^\s:#][^:#]*?)\s*:(?:\s|$)/.exec(line)?.[1];

/**
 * Where the innermost node that `pick` accepts and that holds `offset` opens:
 * a quoted value or a bracketed list left open runs on to where the parser
 * gave up, which is not where the editor has to add what is missing.
 */
function openingOf(doc: Document, offset: number, pick: (node: unknown) => boolean): number | undefined {
  let found: number | undefined;
  const look = (_: unknown, node: unknown) => {
    const range = (node as { range?: [number, number, number] }).range;
    if (pick(node) && range && range[0] <= offset && offset <= range[2] && (found === undefined || range[0] > found)) found = range[0];
  };
  visit(doc, { Scalar: look, Map: look, Seq: look });
  return found;
}

/** The key of a map written again at `offset`, and where the map has it first. */
function keyWrittenTwice(doc: Document, offset: number): { key: string; first: number } | undefined {
  let found: { key: string; first: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const keys = map.items.map((pair) => pair.key).filter(isScalar);
      const again = keys.find((key) => key.range?.[0] === offset);
      const first = again && keys.find((key) => key.value === again.value);
      if (first?.range) found = { key: String(first.value), first: first.range[0] };
    },
  });
  return found;
}

/** “(first on line 4)”: where a field written twice was written first. */
const lineNote = (line: number): Message => ({ zh: `（第一次在第 ${line} 行）`, en: ` (first on line ${line})` });

const isQuoted = (node: unknown) => isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
const isFlow = (node: unknown) => isCollection(node) && node.flow === true;

const TEXTS = {
  tab: {
    zh: '这一行用 Tab 键缩进了；YAML 只认空格，请把 Tab 换成空格',
    en: 'this line is indented with a tab; YAML takes spaces only: replace the tab with spaces',
  },
  indent: {
    zh: '这一行的缩进和同一层的其他行不一样；同一层的字段（或列表项）要用空格缩进到同一列',
    en: 'this line is indented unlike the others of its level; indent the fields (or list items) of one level to the same column, with spaces',
  },
  deeper: {
    zh: '这一行比上一行多缩进了；若是新的字段，请与上一行对齐',
    en: 'this line is indented further than the one before; align it with that line if it is a field of its own',
  },
  colon: {
    zh: '这一行不是“字段: 值”：字段名后面要有半角冒号和一个空格',
    en: 'this line is not “field: value”: a field name is followed by a colon and a space',
  },
  fullWidthColon: {
    zh: '这一行用了全角冒号“：”；字段名后面要用半角冒号加一个空格“: ”',
    en: 'this line has a full-width colon “：”; a field name is followed by a half-width colon and a space, “: ”',
  },
  unexpected: {
    zh: '这里多出了 YAML 读不懂的内容；若值有引号，引号要把整个值包住',
    en: 'there is something here YAML cannot read; if the value is quoted, the quotes must hold all of it',
  },
  other: {
    zh: 'YAML 格式有误；请检查这一行的冒号、缩进和引号',
    en: 'the YAML cannot be read here; check the colon, indentation and quotes of this line',
  },
} satisfies Record<string, Message>;

/** What is wrong, for the error's kind (its code, and for some codes its wording). */
function explain(error: YAMLError, source: Source): YamlProblem {
  const at = error.pos[0];
  const line = lineAt(source.text, at);
  const said = (message: Message, offset = at) => ({ message, offset });
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return said(TEXTS.tab);
    case 'DUPLICATE_KEY': {
      const twice = keyWrittenTwice(source.doc, at);
      const key = twice?.key ?? keyOf(line) ?? line.trim();
      const where = twice ? lineNote(source.fileLine(twice.first)) : { zh: '', en: '' };
      return said({
        zh: `字段“${key}”写了两次${where.zh}；请删去多余的一个`,
        en: `the field “${key}” is written twice${where.en}; remove one of them`,
      });
    }
    case 'MISSING_CHAR':
      if (/quote/.test(error.message)) {
        const quote = /closing (["'])/.exec(error.message)?.[1] ?? '"';
        return said(
          {
            zh: `这个值的引号 ${quote} 没有收尾的 ${quote}；请在值的末尾补上，或者去掉开头的引号`,
            en: `the quote ${quote} of this value is never closed; add a ${quote} at the end of the value, or remove the opening one`,
          },
          openingOf(source.doc, at, isQuoted) ?? at,
        );
      }
      if (/^Sequence item/.test(error.message)) return said(TEXTS.indent);
      if (/^Implicit map keys/.test(error.message)) return said(line.includes('：') ? TEXTS.fullWidthColon : TEXTS.colon);
      return said(TEXTS.other);
    case 'MULTILINE_IMPLICIT_KEY':
      return said(line.includes('：') ? TEXTS.fullWidthColon : TEXTS.colon);
    case 'BAD_INDENT':
      if (/^Flow (sequence|mapping)/.test(error.message)) {
        return said(
          {
            zh: '这里的括号“[”或“{”没有配对的“]”或“}”；请在同一行补上，或把列表改成每行一个“- 项目”',
            en: 'this “[” or “{” is never closed; close it on the same line, or write the list as one “- item” per line',
          },
          openingOf(source.doc, at, isFlow) ?? at,
        );
      }
      return said(TEXTS.indent, pastComments(source.text, at));
    case 'BLOCK_AS_IMPLICIT_KEY': {
      if (/block sequence/.test(error.message)) return said(TEXTS.indent);
      const key = keyOf(line);
      const field = key ? { zh: `“${key}”`, en: ` of “${key}”` } : { zh: '这一行', en: '' };
      if (/:(\s|$)/.test(line.slice(line.indexOf(':') + 1))) {
        return said({
          zh: `${field.zh}的值里有“: ”；请给整个值加上引号`,
          en: `the value${field.en} holds “: ”; put the whole value in quotes`,
        });
      }
      // Else the next line, indented further, reads as more of this line's value.
      const next = source.text.indexOf('\n', at) + 1;
      const indent = (text: string) => /^ */.exec(text)![0].length;
      if (next > 0 && indent(lineAt(source.text, next)) > indent(line)) return said(TEXTS.deeper, next + indent(lineAt(source.text, next)));
      return said(TEXTS.other);
    }
    case 'BAD_SCALAR_START': {
      const first = source.text[at] ?? '';
      return said({
        zh: `值不能以“${first}”开头；请给整个值加上引号`,
        en: `a value cannot start with “${first}”; put the whole value in quotes`,
      });
    }
    case 'UNEXPECTED_TOKEN':
      return said(TEXTS.unexpected);
    default:
      return said(TEXTS.other);
  }
}

/**
 * The first error of the parse, explained, or undefined when there is none.
 * Only the first: after a slip the parser often misreads what follows it,
 * and what it then says of the lines after misleads more than it helps.
 */
export function yamlProblem(errors: readonly YAMLError[], source: Source): YamlProblem | undefined {
  const error = errors[0];
  if (!error) return undefined;
  const problem = explain(error, source);
  // The parser's own words, first line only, without its place (the diagnostic gives that).
  const original = (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, '');
  return {
    offset: problem.offset,
    message: {
      zh: `${problem.message.zh}（YAML 解析器原文：“${original}”）`,
      en: `${problem.message.en} (the YAML parser says: “${original}”)`,
    },
  };
}
