import { DEFAULT_LIMITS, tooComplex, type DocumentLimits } from './limits';
import { parseMarkdown } from './markdown';
import type { TermMatcher } from './matcher';
import { collectProse, matchProse, type Occurrence } from './scanner';
import { resolveSenses } from './senses';
import { lastAtMost, LineIndex } from './text';

/** Characters kept on each side of a piece of prose: the matcher looks just outside a span for word boundaries. */
const CONTEXT = 2;

/**
 * The prose of a note: what the notes index keeps, so a glossary change re-matches notes instead of re-parsing.
 * Each prose range (a text node) is kept with the characters around it, so it can be matched again without the
 * note. Compact, for cheap transfer from a worker and cheap storage: the pieces' texts end to end in `units` (UTF-16
 * code units, so offsets are a string's), and six numbers per piece in `pieces`: offset of the prose in the note,
 * its length, its 1-based line and UTF-16 column, the characters of context before it, and the length of the
 * piece's text (context included). Both are typed arrays, whose bytes live outside the JavaScript heap: the prose of
 * ten thousand notes as strings and number arrays would be hundreds of megabytes that every young-generation garbage
 * collection copies as the notes arrive. As JSON (the stored index, the CLI cache) the units are a string and the
 * pieces a plain list ({@link proseJson}, {@link revivedProse}).
 */
export interface NoteProse {
  readonly units: Uint16Array;
  readonly pieces: Int32Array;
  /** Where each heading starts (offsets in the note): sections, for resolving the senses of ambiguous words. */
  readonly headings: readonly number[];
}

/**
 * The format of {@link NoteProse} as stored (by the notes index, whose persisted format is this number, and by the
 * CLI cache): change it whenever the pieces change meaning.
 */
export const NOTE_PROSE_FORMAT = 4;

/** Numbers per piece in {@link NoteProse.pieces}. */
const STRIDE = 6;

/** The prose pieces of a note, or why it is not scanned (too large, too deeply nested, unparsable). */
export function proseOfNote(text: string, limits: DocumentLimits = DEFAULT_LIMITS): { prose: NoteProse } | { skip: string } {
  const why = tooComplex(text, limits);
  if (why) return { skip: `skipped: ${why}` };
  try {
    const lines = new LineIndex(text);
    const { ranges, headings } = collectProse(parseMarkdown(text), text, lines);
    return { prose: proseOfRanges(text, ranges, headings, lines) };
  } catch (e) {
    return { skip: `skipped: could not be parsed (${(e as Error).message})` };
  }
}

/** The prose pieces of a parsed note: each prose range with its context, and where its headings start. */
export function proseOfRanges(text: string, ranges: readonly number[], headings: readonly { start: number }[], lines: LineIndex): NoteProse {
  const texts: string[] = [];
  const pieces: number[] = [];
  for (let i = 0; i < ranges.length; i += 2) {
    const [start, end] = [ranges[i], ranges[i + 1]];
    const from = Math.max(0, start - CONTEXT);
    const piece = text.slice(from, Math.min(text.length, end + CONTEXT));
    const { line, column } = lines.position(start);
    texts.push(piece);
    pieces.push(start, end - start, line, column, start - from, piece.length);
  }
  return { units: unitsOf(texts.join('')), pieces: Int32Array.from(pieces), headings: headings.map((h) => h.start) };
}

/** A `JSON.stringify` replacer that writes a {@link NoteProse} as {@link ProseJson}: its text and plain numbers. */
export function proseJson(_key: string, value: unknown): unknown {
  if (!isProse(value)) return value;
  return { text: proseText(value), pieces: Array.from(value.pieces), headings: value.headings };
}

function isProse(value: unknown): value is NoteProse {
  return (value as NoteProse | undefined)?.units instanceof Uint16Array && (value as NoteProse).pieces instanceof Int32Array;
}

/** A {@link NoteProse} as JSON holds it: the pieces' texts as one string, the pieces a plain list of numbers. */
export interface ProseJson {
  readonly text: string;
  readonly pieces: readonly number[];
  readonly headings: readonly number[];
}

/** A {@link NoteProse} read back from JSON (its pieces already checked). */
export function revivedProse(json: ProseJson): NoteProse {
  return { units: unitsOf(json.text), pieces: Int32Array.from(json.pieces), headings: json.headings };
}

/** The pieces' texts end to end, as one string (what a glossary change is checked against). */
export function proseText(prose: NoteProse): string {
  return textOfUnits(prose.units, 0, prose.units.length);
}

function unitsOf(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}

/** Code units per `String.fromCharCode` call: well under every engine's limit on arguments. */
const UNITS_PER_CALL = 8192;

/** The string of code units `from`..`to`, lone surrogates kept as they are (a `TextDecoder` would replace them). */
function textOfUnits(units: Uint16Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i += UNITS_PER_CALL) s += String.fromCharCode.apply(null, units.subarray(i, Math.min(to, i + UNITS_PER_CALL)) as unknown as number[]);
  return s;
}

/** The glossary terms in a note's prose: the same occurrences as a full scan of the note. */
export function matchNoteProse(prose: NoteProse, matcher: TermMatcher): Occurrence[] {
  const out: Occurrence[] = [];
  const ranges: number[] = [];
  const texts: string[] = [];
  const p = prose.pieces;
  for (let i = 0, at = 0; i < p.length; at += p[i + 5], i += STRIDE) {
    const piece = { start: p[i], length: p[i + 1], line: p[i + 2], column: p[i + 3], lead: p[i + 4] };
    const text = textOfUnits(prose.units, at, at + p[i + 5]);
    const lines = new LineIndex(text);
    const origin = lines.position(piece.lead);
    for (const o of matchProse(text, [piece.lead, piece.lead + piece.length], matcher, lines)) out.push(shift(o, piece, origin));
    ranges.push(piece.start, piece.start + piece.length);
    texts.push(text.slice(piece.lead, piece.lead + piece.length));
  }
  return resolveSenses(proseOf(ranges, texts), out, prose.headings.map((start) => ({ start })));
}

/** The stored prose as the sense resolver reads it: any span inside a piece, by binary search for the piece. */
function proseOf(ranges: readonly number[], texts: readonly string[]) {
  const slice = (a: number, z: number) => {
    const i = lastAtMost(ranges, a, 2);
    return texts[i]?.slice(a - ranges[2 * i], z - ranges[2 * i]) ?? '';
  };
  return { ranges, slice };
}

interface Piece {
  readonly start: number;
  readonly line: number;
  readonly column: number;
  readonly lead: number;
}

/** An occurrence found in a piece's own text, placed back in the note. */
function shift(o: Occurrence, p: Piece, origin: { line: number; column: number }): Occurrence {
  const place = (line: number, column: number) =>
    line === origin.line ? { line: p.line, column: p.column + column - origin.column } : { line: p.line + line - origin.line, column };
  const s = place(o.line, o.column);
  const e = place(o.endLine, o.endColumn);
  const delta = p.start - p.lead;
  return { ...o, start: o.start + delta, end: o.end + delta, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}

/** A fast 53-bit hash of a text (cyrb53), to tell whether a note changed. Not for security. */
export function hashText(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16) + `:${text.length}`;
}
