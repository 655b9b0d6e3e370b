// Alphabetical order for a bilingual glossary: English by letter, Chinese by the pinyin of its characters.

/** The pinyin collation of Chinese (in Node and every browser with full ICU); Latin letters sort by letter. */
const collator = new Intl.Collator('zh-u-co-pinyin', { sensitivity: 'variant', numeric: true });

/** Compares two names: Chinese by pinyin, others by letter, case only as a last resort. */
export function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/**
 * ICU's pinyin tailoring places an index mark, U+FDD0 followed by the letter, just before the first character
 * read with that letter; comparing a character with the marks tells its pinyin initial.
 */
const MARKS = [...LETTERS].map((l) => `\uFDD0${l}`);
const HAN = /^\p{Script=Han}/u;

/** The index letter of a name: its first Latin letter, the pinyin initial of its first Han character, else `#`. */
export function indexLetter(name: string): string {
  const first = name.trim().normalize('NFKC');
  const c = first.charAt(0).toUpperCase();
  if (c >= 'A' && c <= 'Z') return c;
  if (!HAN.test(first)) return '#';
  const ch = String.fromCodePoint(first.codePointAt(0)!);
  let letter = '#';
  for (let i = 0; i < MARKS.length; i++) if (collator.compare(ch, MARKS[i]) >= 0) letter = LETTERS[i];
  return letter;
}

/** Orders index letters: `#` (digits, symbols, other scripts) first, then A to Z. */
export function compareLetters(a: string, b: string): number {
  return a === b ? 0 : a === '#' ? -1 : b === '#' ? 1 : a < b ? -1 : 1;
}
