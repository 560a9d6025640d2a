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

/** JSON.parse's complaint at the line it points to (V8 gives the offset as “position N”). */
function syntaxError(cause: unknown, text: string, file: string): Diagnostic {
  const message = cause instanceof Error ? cause.message : String(cause);
  const offset = /position (\d+)/.exec(message)?.[1];
  const said = (problem: string) => ({ zh: `JSON 格式有误（${problem}）；请检查这里的逗号、引号和括号`, en: problem });
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
      const field = keys.length > 0 ? `${keys.join('.')}: ` : '';
      // The schemas' own words are English: the Chinese text says what kind of problem it is, and quotes them.
      return error('config-field', { zh: `配置写错了：${field}${issue.message}`, en: `${field}${issue.message}` }, placeOf(keys));
    }),
  };
}
