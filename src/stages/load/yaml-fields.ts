import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { error, type Diagnostic } from '../../diagnostics.js';

/**
 * A parsed YAML document that can say where each field stands, so that a
 * wrong value is reported at its own line, as an editor would look for it.
 */
export class YamlFields {
  readonly diagnostics: Diagnostic[] = [];
  private readonly doc: Document;
  private readonly lines = new LineCounter();
  private aliasBomb = false;

  /** @param lineOffset lines before the YAML text in its file (front matter starts after `---`). */
  constructor(
    text: string,
    private readonly file: string,
    private readonly lineOffset = 0,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines });
    for (const e of this.doc.errors) {
      const at = e.linePos?.[0];
      this.diagnostics.push(
        error('yaml-syntax', (e.message.split('\n')[0] ?? e.message).replace(/ at line \d+, column \d+:?$/, ''), this.place(at?.line, at?.col)),
      );
    }
    // Aliases that multiply (a “billion laughs”) are refused before any field is read.
    if (this.doc.errors.length === 0) {
      try {
        this.doc.toJS({ maxAliasCount: 100 });
      } catch {
        const alias = /\*[\w-]+/.exec(text);
        const at = alias ? this.lines.linePos(alias.index) : undefined;
        this.aliasBomb = true;
        this.diagnostics.push(error('yaml-syntax', 'its aliases (*name) expand to more values than front matter ever holds; write the values out', this.place(at?.line, at?.col)));
      }
    }
    if (!this.broken && this.doc.contents !== null && !this.isMap()) {
      this.report([], 'yaml-shape', 'expected key: value lines');
    }
  }

  private isMap(): boolean {
    const value: unknown = this.doc.toJS();
    return typeof value === 'object' && value !== null && !Array.isArray(value);
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

  report(path: readonly string[], rule: string, message: string): void {
    if (this.broken && rule !== 'yaml-shape') return;
    this.diagnostics.push(error(rule, `${path.length ? path.join('.') + ': ' : ''}${message}`, this.placeOf(path)));
  }

  private raw(path: readonly string[]): unknown {
    if (this.broken || !this.isMap()) return undefined;
    const node = this.doc.getIn(path, true);
    return isNode(node) ? node.toJSON() : node;
  }

  /** Every top-level key not in `known` is a typo until proven otherwise. */
  rejectUnknown(path: readonly string[], known: readonly string[]): void {
    const value = path.length === 0 ? (!this.broken && this.isMap() ? this.doc.toJS() : undefined) : this.raw(path);
    if (typeof value !== 'object' || value === null) return;
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) {
        this.report([...path, key], 'unknown-field', `unknown field; expected one of ${known.join(', ')}`);
      }
    }
  }

  string(path: readonly string[], options: { optional?: boolean; pattern?: RegExp; hint?: string } = {}): string | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) {
      if (!options.optional) this.report(path, 'missing-field', `is required${options.hint ? ` (${options.hint})` : ''}`);
      return undefined;
    }
    const text = typeof value === 'number' ? String(value) : value;
    if (typeof text !== 'string' || text.trim() === '') {
      this.report(path, 'field-type', `must be text${options.hint ? ` (${options.hint})` : ''}`);
      return undefined;
    }
    if (options.pattern && !options.pattern.test(text)) {
      this.report(path, 'field-format', `“${text}” is not in the form ${options.hint ?? String(options.pattern)}`);
      return undefined;
    }
    return text.trim();
  }

  integer(path: readonly string[], options: { min: number; max: number; optional?: boolean }): number | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) {
      if (!options.optional) this.report(path, 'missing-field', 'is required');
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < options.min || value > options.max) {
      this.report(path, 'field-type', `must be a whole number from ${options.min} to ${options.max}`);
      return undefined;
    }
    return value;
  }

  /** How many items an optional list holds, so they can be read one by one; undefined when it is absent. */
  count(path: readonly string[], hint: string): number | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.report(path, 'field-type', `must be a list (${hint})`);
      return 0;
    }
    return value.length;
  }

  strings(path: readonly string[]): string[] | undefined {
    const value = this.raw(path);
    if (value === undefined || value === null) {
      this.report(path, 'missing-field', 'is required (a list: one “- item” per line)');
      return undefined;
    }
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
      this.report(path, 'field-type', 'must be a list of text (one “- item” per line)');
      return undefined;
    }
    return value.map((v: string) => v.trim());
  }
}
