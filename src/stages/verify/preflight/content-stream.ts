/**
 * A tokenizer for PDF content streams (ISO 32000 §7.8.2), just enough for a
 * preflight: operators with their number and name operands. Strings, arrays
 * and dictionaries are read past (as `null`), and inline images (BI … ID …
 * EI) come out as one `BI` operation whose operands are the image dictionary.
 *
 * It is also the preflight's check of the content's syntax (which `qpdf
 * --check` made by parsing every page again, 0.07 s of its 0.08): what a RIP
 * could not read throws a ContentSyntaxError: a string, array or dictionary
 * that never ends, a stray closing delimiter, a bad hex string, an inline
 * image without its end, and an operator PDF does not have (outside BX … EX,
 * where unknown operators are allowed).
 */
export type Operand = number | Name | null;

export class Name {
  constructor(readonly value: string) {}
}

export interface Operation {
  operator: string;
  operands: Operand[];
}

export class ContentSyntaxError extends Error {
  constructor(
    readonly offset: number,
    readonly problem: string,
  ) {
    super(`byte ${offset}: ${problem}`);
  }
}

/** Every operator of PDF 2.0 (ISO 32000-2, Annex A). */
const OPERATORS = new Set(
  (
    'b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh ' +
    'T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y \' "'
  ).split(' '),
);

// One table lookup per byte: the tokenizer reads every byte of every page.
const SPACE = 1;
const DELIMITER = 2;
const NUMBER_START = 4;
const HEX = 8;
const CLASS = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[byte] = SPACE;
for (const ch of '()<>[]{}/%') CLASS[ch.charCodeAt(0)] = DELIMITER;
for (const ch of '+-.0123456789') CLASS[ch.charCodeAt(0)] = NUMBER_START;
for (const ch of '0123456789ABCDEFabcdef') CLASS[ch.charCodeAt(0)]! |= HEX;
const isSpace = (byte: number | undefined) => byte !== undefined && CLASS[byte] === SPACE;
const isRegular = (byte: number | undefined) => byte !== undefined && (CLASS[byte]! & (SPACE | DELIMITER)) === 0;

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  get done(): boolean {
    this.skipSpace();
    return this.pos >= this.bytes.length;
  }

  skipSpace(): void {
    const { bytes } = this;
    while (this.pos < bytes.length) {
      if (isSpace(bytes[this.pos])) this.pos++;
      else if (bytes[this.pos] === 0x25 /* % */)
        while (this.pos < bytes.length && bytes[this.pos] !== 0x0a && bytes[this.pos] !== 0x0d) this.pos++;
      else break;
    }
  }

  word(): string {
    const start = this.pos;
    while (isRegular(this.bytes[this.pos])) this.pos++;
    let word = '';
    for (let i = start; i < this.pos; i++) word += String.fromCharCode(this.bytes[i]!);
    return word;
  }

  /**
   * A number read straight from the bytes: most of a page's content is
   * glyph positions (`17.328 0 Td <001A> Tj`), and a string per number
   * made the preflight slow. Anything that is not a plain PDF number is null.
   */
  number(): number | null {
    const { bytes } = this;
    const start = this.pos;
    let sign = 1;
    if (bytes[this.pos] === 0x2d /* - */ || bytes[this.pos] === 0x2b /* + */) sign = bytes[this.pos++] === 0x2d ? -1 : 1;
    let value = 0;
    let digits = 0;
    while (bytes[this.pos]! >= 0x30 && bytes[this.pos]! <= 0x39) {
      value = value * 10 + bytes[this.pos++]! - 0x30;
      digits++;
    }
    if (bytes[this.pos] === 0x2e /* . */) {
      this.pos++;
      let scale = 1;
      while (bytes[this.pos]! >= 0x30 && bytes[this.pos]! <= 0x39) {
        scale /= 10;
        value += (bytes[this.pos++]! - 0x30) * scale;
        digits++;
      }
    }
    if (digits > 0 && !isRegular(bytes[this.pos])) return sign * value;
    this.pos = start;
    this.word();
    return null;
  }

  /** A literal string, with nested parentheses and escapes. */
  skipString(): void {
    const start = this.pos;
    let depth = 0;
    do {
      const byte = this.bytes[this.pos++];
      if (byte === 0x5c /* \ */) this.pos++;
      else if (byte === 0x28) depth++;
      else if (byte === 0x29) depth--;
    } while (depth > 0 && this.pos < this.bytes.length);
    if (depth > 0) throw new ContentSyntaxError(start, 'a string that never ends');
  }

  /** <hex digits>, white space allowed between them. */
  skipHexString(): void {
    const start = this.pos;
    const end = this.bytes.indexOf(0x3e /* > */, start);
    if (end < 0) throw new ContentSyntaxError(start, 'a hex string that never ends');
    for (let i = start + 1; i < end; i++) {
      if ((CLASS[this.bytes[i]!]! & (HEX | SPACE)) === 0)
        throw new ContentSyntaxError(i, 'a hex string with characters that are not hex digits');
    }
    this.pos = end + 1;
  }

  /** Reads one operand, or returns undefined at an operator (left unread). */
  operand(): Operand | undefined {
    this.skipSpace();
    const byte = this.bytes[this.pos];
    const next = this.bytes[this.pos + 1];
    if (byte === 0x2f /* / */) {
      this.pos++;
      return new Name(this.word().replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
    }
    if (byte === 0x28) {
      this.skipString();
      return null;
    }
    if (byte === 0x3c /* < */ && next === 0x3c) {
      this.skipNested(0x3c, 0x3e, 2);
      return null;
    }
    if (byte === 0x3c) {
      this.skipHexString();
      return null;
    }
    if (byte === 0x5b /* [ */) {
      this.skipNested(0x5b, 0x5d, 1);
      return null;
    }
    if (byte !== undefined && (CLASS[byte]! & NUMBER_START) !== 0) return this.number();
    const start = this.pos;
    const word = this.word();
    if (word === 'true' || word === 'false' || word === 'null') return null;
    this.pos = start;
    return undefined;
  }

  /** Arrays and dictionaries, which may hold strings with brackets in them. */
  private skipNested(open: number, close: number, width: number): void {
    const start = this.pos;
    let depth = 0;
    do {
      const byte = this.bytes[this.pos];
      if (byte === 0x28) this.skipString();
      else if (byte === open && (width === 1 || this.bytes[this.pos + 1] === open)) {
        depth++;
        this.pos += width;
      } else if (byte === close && (width === 1 || this.bytes[this.pos + 1] === close)) {
        depth--;
        this.pos += width;
      } else this.pos++;
    } while (depth > 0 && this.pos < this.bytes.length);
    if (depth > 0) throw new ContentSyntaxError(start, width === 1 ? 'an array that never ends' : 'a dictionary that never ends');
  }

  /** After `ID` and one white-space byte: the image data runs to the first `EI` between white space. */
  skipInlineImageData(): void {
    const { bytes } = this;
    const start = this.pos;
    this.pos++;
    while (this.pos < bytes.length) {
      if (
        bytes[this.pos] === 0x45 &&
        bytes[this.pos + 1] === 0x49 &&
        isSpace(bytes[this.pos - 1]) &&
        (this.pos + 2 >= bytes.length || !isRegular(bytes[this.pos + 2]))
      ) {
        this.pos += 2;
        return;
      }
      this.pos++;
    }
    throw new ContentSyntaxError(start, 'an inline image without its EI');
  }
}

export function* operations(bytes: Uint8Array): Generator<Operation> {
  const reader = new Reader(bytes);
  let operands: Operand[] = [];
  let compatibility = 0; // BX … EX sections, where unknown operators are to be ignored
  while (!reader.done) {
    const operand = reader.operand();
    if (operand !== undefined) {
      operands.push(operand);
      continue;
    }
    const at = reader.pos;
    const operator = reader.word();
    if (!operator) throw new ContentSyntaxError(at, `an unexpected ${String.fromCharCode(bytes[at]!)}`);
    if (!OPERATORS.has(operator) && compatibility === 0)
      throw new ContentSyntaxError(at, `${JSON.stringify(operator)}, which is not a PDF operator`);
    if (operator === 'BX') compatibility++;
    if (operator === 'EX') compatibility = Math.max(0, compatibility - 1);
    if (operator === 'BI') {
      const dict: Operand[] = [];
      for (let value = reader.operand(); value !== undefined; value = reader.operand()) dict.push(value);
      reader.word(); // ID
      reader.skipInlineImageData();
      yield { operator: 'BI', operands: dict };
    } else {
      yield { operator, operands };
    }
    operands = [];
  }
}
