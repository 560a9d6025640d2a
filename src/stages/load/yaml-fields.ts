import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import { type Diagnostic, error } from '../../diagnostics.js';
import type { Message } from '../../message.js';
import { yamlProblem } from './yaml-errors.js';

const hinted = (hint: Message | undefined): Message => (hint ? { zh: `（${hint.zh}）`, en: ` (${hint.en})` } : { zh: '', en: '' });

/**
 * A parsed YAML document that can say where each field stands, so that a
 * wrong value is reported at its own line, as an editor would look for it.
 */
export class YamlFields {
  readonly diagnostics: Diagnostic[] = [];
  private readonly doc: Document;
  private readonly lines = new LineCounter();
  private aliasBomb = false;
  /** The whole document as plain values, made once: every field read asks whether it is a map. */
  private value: unknown;

  /** @param lineOffset lines before the YAML text in its file (front matter starts after `---`). */
  constructor(
    text: string,
    private readonly file: string,
    private readonly lineOffset = 0,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines });
    const source = { text, doc: this.doc, lines: this.lines, fileLine: (offset: number) => this.lines.linePos(offset).line + lineOffset };
    const problem = yamlProblem(this.doc.errors, source);
    if (problem) {
      const at = this.lines.linePos(problem.offset);
      this.diagnostics.push(error('yaml-syntax', problem.message, this.place(at.line, at.col)));
    }
    // Aliases that multiply (a “billion laughs”) are refused before any field is read.
    if (this.doc.errors.length === 0) {
      try {
        this.value = this.doc.toJS({ maxAliasCount: 100 });
      } catch {
        const alias = /\*[\w-]+/.exec(text);
        const at = alias ? this.lines.linePos(alias.index) : undefined;
        this.aliasBomb = true;
        const message = {
          zh: '这里的别名（*名称）展开后的值太多，前置信息不会有这么多；请把值直接写出来',
          en: 'its aliases (*name) expand to more values than front matter ever holds; write the values out',
        };
        this.diagnostics.push(error('yaml-syntax', message, this.place(at?.line, at?.col)));
      }
    }
    if (!this.broken && this.doc.contents !== null && !this.isMap()) {
      this.report([], 'yaml-shape', { zh: '应当是“字段: 值”的一行行', en: 'expected key: value lines' });
    }
  }

  private isMap(): boolean {
    return typeof this.value === 'object' && this.value !== null && !Array.isArray(this.value);
  }

  private place(line?: number, column?: number) {
    return { file: this.file, line: line === undefined ? undefined : line + this.lineOffset, column };
  }

  /** Where a field is, or where its parent is when it is missing. */
  private placeOf(path: readonly string[]) {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? this.doc.contents : this.doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const pos = this.lines.linePos(node.range[0]);
        return this.place(pos.line, pos.col);
      }
    }
    return this.place(1, 1);
  }

  /** Where a field's value starts in the file, when it is there. */
  position(path: readonly string[]): { line: number; column: number } | undefined {
    const node = this.broken ? undefined : this.doc.getIn(path, true);
    if (!isNode(node) || !node.range) return undefined;
    const pos = this.lines.linePos(node.range[0]);
    return { line: pos.line + this.lineOffset, column: pos.col };
  }

  /** After a syntax error every field would look missing; say only what is wrong. */
  private get broken(): boolean {
    return this.doc.errors.length > 0 || this.aliasBomb;
  }

  /** A problem with the field at `path`; the message follows the field's name (“date：……” / “date: …”). */
  report(path: readonly string[], rule: string, message: Message): void {
    if (this.broken && rule !== 'yaml-shape') return;
    const field = path.join('.');
    const text = path.length ? { zh: `${field}：${message.zh}`, en: `${field}: ${message.en}` } : message;
    this.diagnostics.push(error(rule, text, this.placeOf(path)));
  }

  private raw(path: readonly string[]): unknown {
    if (this.broken || !this.isMap()) return undefined;
    const node = this.doc.getIn(path, true);
    return isNode(node) ? node.toJSON() : node;
  }

  /** Every top-level key not in `known` is a typo until proven otherwise. */
  rejectUnknown(path: readonly string[], known: readonly string[]): void {
    const value = path.length === 0 ? (!this.broken && this.isMap() ? this.value : undefined) : this.raw(path);
    if (typeof value !== 'object' || value === null) return;
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        this.report([...path, key], 'unknown-field', {
          zh: `没有这个字段，可用的字段是 ${known.join('、')}`,
          en: `unknown field; expected one of ${known.join(', ')}`,
        });
      }
    }
  }

  /** `hint` says what the value looks like, for the message when it is missing or wrong. */
  string(path: readonly string[], options: { optional?: boolean; pattern?: RegExp; hint?: Message } = {}): string | undefined {
    const value = this.raw(path);
    const hint = hinted(options.hint);
    if (value === undefined || value === null) {
      if (!options.optional) this.report(path, 'missing-field', { zh: `必须填写${hint.zh}`, en: `is required${hint.en}` });
      return undefined;
    }
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || text.trim() === '') {
      this.report(path, 'field-type', { zh: `要填文字${hint.zh}`, en: `must be text${hint.en}` });
      return undefined;
    }
    if (options.pattern && !options.pattern.test(text)) {
      const form = options.hint ?? { zh: String(options.pattern), en: String(options.pattern) };
      this.report(path, 'field-format', { zh: `“${text}”的格式不对，应为 ${form.zh}`, en: `“${text}” is not in the form ${form.en}` });
      return undefined;
    }
    return text.trim();
  }

  integer(path: readonly string[], options: { min: number; max: number; optional?: boolean }): number | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) {
      if (!options.optional) this.report(path, 'missing-field', { zh: '必须填写', en: 'is required' });
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < options.min || value > options.max) {
      this.report(path, 'field-type', {
        zh: `要填 ${options.min} 到 ${options.max} 之间的整数`,
        en: `must be a whole number from ${options.min} to ${options.max}`,
      });
      return undefined;
    }
    return value;
  }

  /** How many items an optional list holds, so they can be read one by one; undefined when it is absent. */
  count(path: readonly string[], hint: Message): number | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.report(path, 'field-type', { zh: `要写成列表（${hint.zh}）`, en: `must be a list (${hint.en})` });
      return 0;
    }
    return value.length;
  }

  strings(path: readonly string[]): string[] | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) {
      this.report(path, 'missing-field', { zh: '必须填写（列表：每行一个“- 项目”）', en: 'is required (a list: one “- item” per line)' });
      return undefined;
    }
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
      this.report(path, 'field-type', { zh: '要写成文字列表（每行一个“- 项目”）', en: 'must be a list of text (one “- item” per line)' });
      return undefined;
    }
    return value.map((v: string) => v.trim());
  }
}
