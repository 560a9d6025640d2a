import { constants } from 'node:fs';
import { type FileHandle, open, realpath } from 'node:fs/promises';
import path from 'node:path';
import { type Diagnostic, error, type Place } from '../diagnostics.js';
import type { Message } from '../message.js';

/** The largest files a build reads: an issue's text and its publication file, an image, a PDF to preflight. */
export const MAX_BYTES = { text: 4 * 1024 * 1024, image: 30 * 1024 * 1024, pdf: 500 * 1024 * 1024 } as const;

export type ReadProblem = 'missing' | 'unreadable' | 'not-regular' | 'too-large' | 'outside';

export type Read = { bytes: Buffer } | { problem: ReadProblem; message: Message };

export interface ReadOptions {
  maxBytes: number;
  /** A folder the file's real path (symbolic links followed) must be inside. */
  within?: string;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;

function kindOf(stats: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
}): Message {
  if (stats.isDirectory()) return { zh: '文件夹', en: 'a folder' };
  if (stats.isFIFO()) return { zh: '命名管道（FIFO）', en: 'a named pipe (FIFO)' };
  if (stats.isSocket()) return { zh: '套接字', en: 'a socket' };
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return { zh: '设备', en: 'a device' };
  return { zh: '特殊文件', en: 'a special file' };
}

/**
 * Reads a file a build was given, never waiting on it and never reading
 * more than it should: it must be a regular file (a named pipe would block
 * the read for ever, a device never end), of at most `maxBytes`, and with
 * `within`, its real path must be inside that folder (a symbolic link
 * cannot bring in a file from elsewhere). Opened without blocking, then
 * checked on the open file, so that it cannot be swapped between the check
 * and the read.
 */
export async function readInput(file: string, options: ReadOptions): Promise<Read> {
  if (options.within) {
    const real = await realpath(file).catch(() => undefined);
    const folder = await realpath(options.within).catch(() => path.resolve(options.within!));
    if (real && !real.startsWith(folder + path.sep))
      return {
        problem: 'outside',
        message: {
          zh: `这是指向 ${real} 的链接，在 ${folder} 之外；请把文件本身放进来`,
          en: `this is a link to ${real}, outside ${folder}`,
        },
      };
  }
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      return { problem: 'missing', message: { zh: '没有这个文件', en: 'there is no such file' } };
    const why = code === 'EACCES' ? { zh: '没有读取权限', en: 'permission denied' } : { zh: code, en: code };
    return { problem: 'unreadable', message: { zh: `这个文件读不出来（${why.zh}）`, en: `this file cannot be read (${why.en})` } };
  }
  try {
    const stats = await handle.stat();
    const kind = kindOf(stats);
    if (!stats.isFile())
      return { problem: 'not-regular', message: { zh: `这是${kind.zh}，不是文件`, en: `this is ${kind.en}, not a file` } };
    if (stats.size > options.maxBytes) {
      const size = megabytes(stats.size);
      const most = megabytes(options.maxBytes);
      return {
        problem: 'too-large',
        message: { zh: `这个文件有 ${size}，最多只读 ${most}`, en: `this file is ${size}; files up to ${most} are read` },
      };
    }
    return { bytes: await handle.readFile() };
  } catch (cause) {
    const why = (cause as NodeJS.ErrnoException).code ?? String(cause);
    return { problem: 'unreadable', message: { zh: `这个文件读不出来（${why}）`, en: `this file cannot be read (${why})` } };
  } finally {
    await handle.close();
  }
}

/** The one-line diagnostic for a file that could not be read, its rule named for the problem (file-missing, file-not-regular …). */
export function readProblem(read: Extract<Read, { problem: ReadProblem }>, place: Place): Diagnostic {
  return error(`file-${read.problem}`, read.message, place);
}

export interface DecodedText {
  text: string;
  /** The file began with a byte order mark. */
  bom: boolean;
  /** Its lines ended in CR LF (Windows). */
  crlf: boolean;
}

/** The first byte sequence that is not UTF-8, as a 1-based line. */
function lineOfBadByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        decoder.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line;
}

/**
 * The text of a file that must be UTF-8: a byte order mark is dropped, CR LF
 * and lone CR line ends become LF (line numbers are unchanged), and UTF-16 or
 * other encodings are named, with the line of the first bad byte.
 */
export function decodeText(bytes: Uint8Array, file: string): { value?: DecodedText; diagnostics: Diagnostic[] } {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes.length >= 4 && bytes.subarray(0, 64).filter((b) => b === 0).length * 4 >= Math.min(64, bytes.length));
  if (utf16)
    return {
      diagnostics: [
        error(
          'file-encoding',
          { zh: '这个文件是 UTF-16 编码；请另存为 UTF-8', en: 'this file is UTF-16 text; save it as UTF-8' },
          { file, line: 1 },
        ),
      ],
    };
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    const line = lineOfBadByte(bytes);
    return {
      diagnostics: [
        error(
          'file-encoding',
          { zh: '这一行不是 UTF-8 文字；请把文件另存为 UTF-8', en: 'this line is not UTF-8 text; save the file as UTF-8' },
          { file, line },
        ),
      ],
    };
  }
  const crlf = raw.includes('\r\n');
  return { value: { text: raw.replace(/\r\n?/g, '\n'), bom, crlf }, diagnostics: [] };
}

/** The text again as the file had it: its byte order mark and its CR LF line ends, for writing it back (lint --fix). */
export function encodeText(text: string, as: Omit<DecodedText, 'text'>): string {
  return (as.bom ? '\uFEFF' : '') + (as.crlf ? text.replace(/\n/g, '\r\n') : text);
}

/** Reads and decodes a text input: one diagnostic when it cannot be read or is not UTF-8. */
export async function readTextInput(
  file: string,
  shown: string,
  options: Omit<ReadOptions, 'maxBytes'> = {},
): Promise<{ value?: DecodedText; diagnostics: Diagnostic[] }> {
  const read = await readInput(file, { maxBytes: MAX_BYTES.text, ...options });
  if ('problem' in read) return { diagnostics: [readProblem(read, { file: shown })] };
  return decodeText(read.bytes, shown);
}
