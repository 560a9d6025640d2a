/**
 * How a note is marked in the text and in the notes list: a circled number
 * (①…㊿), as Chinese periodicals mark notes; an article with more notes than
 * there are circled numbers marks all of them [1], [2] ….
 */
const CIRCLED: readonly string[] = [
  ...Array.from({ length: 20 }, (_, i) => String.fromCodePoint(0x2460 + i)),
  ...Array.from({ length: 15 }, (_, i) => String.fromCodePoint(0x3251 + i)),
  ...Array.from({ length: 15 }, (_, i) => String.fromCodePoint(0x32b1 + i)),
];

/** The mark of note `number` (1-based) in an article of `count` notes. */
export const noteMark = (number: number, count: number): string => (count <= CIRCLED.length ? CIRCLED[number - 1]! : `[${number}]`);
