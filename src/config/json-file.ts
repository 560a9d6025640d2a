import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as v from 'valibot';
import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';
import { type Diagnostic, error, type Place, type Result } from '../diagnostics.js';

/**
 * Where a field of a JSON text is (its key), or where its nearest parent
 * that is there is. JSON is YAML, whose parser knows its nodes' places.
 */
function placesIn(text: string, file: string): (keys: readonly (string | number)[]) => Place {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const at = (offset: number): Place => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  return (keys) => {
    for (let depth = keys.length; depth > 0; depth--) {
      const parent = depth === 1 ? doc.contents : doc.getIn(keys.slice(0, depth - 1), true);
      const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === keys[depth - 1]) : undefined;
      if (isNode(pair?.key) && pair.key.range) return at(pair.key.range[0]);
      const node = doc.getIn(keys.slice(0, depth), true);
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    return isNode(doc.contents) && doc.contents.range ? at(doc.contents.range[0]) : { file, line: 1, column: 1 };
  };
}

/** Schema messages for fields that are missing or not known, which valibot words as keys expected and received. */
export const FIELDS_MESSAGE = (issue: v.ObjectIssue | v.StrictObjectIssue): string =>
  issue.expected === 'never' ? 'unknown field' : 'is required';

/**
 * What a schema found wrong, in Chinese, by the kind of check that failed;
 * the schema's own words (valibot's, or the English each schema gives) follow
 * it, quoted.
 */
function issueInChinese(issue: v.BaseIssue<unknown>): string {
  switch (issue.type) {
    case 'strict_object':
    case 'object':
    case 'record':
      if (issue.expected === 'never') return '没有这个字段；请检查拼写，或删去它';
      return issue.received === 'undefined' ? '缺少这个字段，必须填写' : '要写成 { … } 形式的对象';
    case 'string':
      return '要写成加引号的文字';
    case 'non_empty':
      return '不能为空';
    case 'number':
      return '要写成数字（不加引号）';
    case 'integer':
      return '要写成整数';
    case 'min_value':
      return `不能小于 ${String(issue.requirement)}`;
    case 'max_value':
      return `不能大于 ${String(issue.requirement)}`;
    case 'picklist':
      return `只能是这几个之一：${issue.expected
        ?.replace(/^\(|\)$/g, '')
        .split(' | ')
        .join('、')}`;
    default:
      return '这个值不对';
  }
}

/** What JSON.parse's complaint means, in Chinese, for the slips made by hand; any other as a general hint. */
const JSON_SLIPS: [RegExp, string][] = [
  [/^Expected ',' or '[}\]]' after/, '上一项后面缺少逗号“,”，或者括号没有配对'],
  [/^Expected double-quoted property name/, '这里应是加双引号的字段名：JSON 最后一项后面不能有逗号，字段名要用双引号'],
  [/^Expected property name/, '这里应是加双引号的字段名：JSON 的字段名和文字都要用双引号，不能用单引号'],
  [/^Unterminated string/, '这段文字的双引号没有收尾'],
  [/^Bad control character/, '文字里直接写了换行或 Tab；在 JSON 里要写成 \\n 或 \\t'],
  [/^Unexpected non-whitespace character after JSON/, '最外层的括号已经结束，后面还有内容：括号多了一个，或者没有配对'],
];

const jsonSlipInChinese = (problem: string) =>
  JSON_SLIPS.find(([form]) => form.test(problem))?.[1] ?? '不是合法的 JSON：请检查这里及上一行的逗号、引号和括号';

/** JSON.parse's complaint at the line it points to (V8 gives the offset as “position N”). */
function syntaxError(cause: unknown, text: string, file: string): Diagnostic {
  const message = cause instanceof Error ? cause.message : String(cause);
  const offset = /position (\d+)/.exec(message)?.[1];
  const said = (problem: string) => ({ zh: `${jsonSlipInChinese(problem)}（JSON 解析器原文：“${problem}”）`, en: problem });
  if (offset === undefined) return error('config-syntax', said(message), { file, line: 1 });
  const before = text.slice(0, Number(offset)).split('\n');
  return error('config-syntax', said(message.replace(/ in JSON at position \d+.*$/s, '')), {
    file,
    line: before.length,
    column: before.at(-1)!.length + 1,
  });
}

/**
 * A JSON file of the project's own configuration, read and checked against
 * its schema: its value, or a diagnostic at the line of each field that is
 * wrong, saying which and why. `shown` is the file as messages name it.
 */
export async function readJsonFile<const S extends v.GenericSchema>(
  file: string,
  schema: S,
  shown = path.relative(process.cwd(), file),
): Promise<Result<v.InferOutput<S>>> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined)
    return {
      diagnostics: [
        error('config-missing', { zh: '这个文件读不出来（不存在，或没有读取权限）', en: 'cannot read this file' }, { file: shown }),
      ],
    };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    return { diagnostics: [syntaxError(cause, text, shown)] };
  }
  const checked = v.safeParse(schema, data);
  if (checked.success) return { value: checked.output, diagnostics: [] };
  const placeOf = placesIn(text, shown);
  return {
    diagnostics: checked.issues.map((issue) => {
      const keys = issue.path?.map((item) => (typeof item.key === 'number' ? item.key : String(item.key))) ?? [];
      const field = keys.join('.');
      const message = {
        zh: `${field ? `字段 ${field}：` : ''}${issueInChinese(issue)}（校验原文：“${issue.message}”）`,
        en: `${field ? `${field}: ` : ''}${issue.message}`,
      };
      return error('config-field', message, placeOf(keys));
    }),
  };
}
