/**
 * Character classes and length-preserving normalisation shared by the matcher and the glossary checks.
 * Every function maps one UTF-16 code unit to one code unit, so offsets in normalised text equal offsets in
 * the source.
 */

/** True for Han ideographs, kana, Hangul and CJK punctuation: such characters never join a Latin word. */
export function isCjk(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // radicals, CJK punctuation, kana, bopomofo, Han
    (code >= 0xac00 && code <= 0xd7af) || // Hangul syllables
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe4f) || // CJK compatibility forms
    (code >= 0xff00 && code <= 0xffef) // full-width and half-width forms
  );
}

/** True for a Han ideograph (the characters that make up Chinese terms). */
export function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

const wordCharRe = /[\p{L}\p{N}_]/u;
const asciiWord = new Uint8Array(128);
for (let c = 0; c < 128; c++) asciiWord[c] = /[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? 1 : 0;

/**
 * True where a code unit continues a Latin-script word: letters, digits and underscore, but not CJK characters
 * (which count as a boundary) and not surrogates (emoji and rare ideographs).
 */
export function isWordChar(code: number): boolean {
  if (code < 128) return asciiWord[code] === 1;
  if (isCjk(code) || (code >= 0xd800 && code <= 0xdfff)) return false;
  return wordCharRe.test(String.fromCharCode(code));
}

/**
 * Normalises one code unit for matching: full-width ASCII to ASCII, every kind of space, line break and hyphen
 * to a plain space. Case is left alone.
 */
export function normalizeCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0; // full-width ASCII
  switch (code) {
    case 0x2d: // -
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2013: // en dash, as in "term frequency–inverse document frequency"
    case 0x09:
    case 0x0a:
    case 0x0d:
    case 0xa0: // no-break space
    case 0x2007:
    case 0x202f:
    case 0x2028:
    case 0x2029:
    case 0x3000: // ideographic space
      return 0x20;
  }
  if (code >= 0x2000 && code <= 0x200a) return 0x20;
  return code;
}

const lowerCache = new Map<number, number>();
/** Lower-cases one code unit where that keeps it one code unit. */
export function lowerCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code;
  let l = lowerCache.get(code);
  if (l === undefined) {
    const s = String.fromCharCode(code).toLowerCase();
    l = s.length === 1 ? s.charCodeAt(0) : code;
    lowerCache.set(code, l);
  }
  return l;
}

/** Normalises a term as the matcher compares it: normalised code units, runs of spaces folded, trimmed. */
export function normalizeTerm(term: string, caseSensitive: boolean): string {
  let out = '';
  for (let i = 0; i < term.length; i++) {
    let c = normalizeCode(term.charCodeAt(i));
    if (!caseSensitive) c = lowerCode(c);
    if (c === 0x20 && (out.length === 0 || out.charCodeAt(out.length - 1) === 0x20)) continue;
    out += String.fromCharCode(c);
  }
  return out.endsWith(' ') ? out.slice(0, -1) : out;
}

/**
 * The default case policy: acronyms and mixed-case names (two or more capital letters, such as CoT, GPT,
 * RMSNorm) match case-sensitively; other terms do not.
 */
export function defaultCaseSensitive(term: string): boolean {
  let capitals = 0;
  for (const ch of term) if (ch !== ch.toLowerCase() && ch === ch.toUpperCase()) capitals++;
  return capitals >= 2;
}

/**
 * Binary search in ascending numbers (every `stride`-th one, from the first): the index, counted in strides, of
 * the last that is at most `x`, or 0 when none is.
 */
export function lastAtMost(sorted: readonly number[], x: number, stride = 1): number {
  let lo = 0;
  let hi = Math.floor((sorted.length - 1) / stride);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (sorted[mid * stride] <= x) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** Index (even) of the `[start, end]` pair of ascending offset pairs that holds `x`, ends included; -1 when none does. */
export function pairAt(pairs: readonly number[], x: number): number {
  const i = 2 * lastAtMost(pairs, x, 2);
  return pairs[i] <= x && x <= pairs[i + 1] ? i : -1;
}

/** What a {@link LineIndex} reads of a text: a string, or {@link Pieces}. */
export interface CharCodes {
  readonly length: number;
  charCodeAt(i: number): number;
}

/** Maps offsets to 1-based lines and UTF-16 columns; CRLF, LF and lone CR all end a line. */
export class LineIndex {
  private readonly starts: number[];
  private readonly length: number;

  constructor(text: string | CharCodes, starts?: number[]) {
    this.length = text.length;
    if (starts) {
      this.starts = starts;
      return;
    }
    this.starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /**
   * The index of `text`, which is this index's text with `[start, end)` replaced by `inserted` characters: only
   * the edited lines are read again. A line starts after LF, or after a CR that no LF follows, so the starts up to
   * `start - 1` and from `end + 2` on (shifted) depend on unchanged characters only.
   */
  edited(start: number, end: number, inserted: number, text: CharCodes): LineIndex {
    const old = this.starts;
    const delta = inserted - (end - start);
    const out: number[] = [];
    let i = 0;
    while (i < old.length && old[i] < start) out.push(old[i++]);
    if (out.length === 0) out.push(0);
    const last = Math.min(start + inserted + 1, text.length);
    for (let p = Math.max(start, 1); p <= last; p++) {
      const c = text.charCodeAt(p - 1);
      if (c === 10 || (c === 13 && text.charCodeAt(p) !== 10)) out.push(p);
    }
    while (i < old.length && old[i] < end + 2) i++;
    while (i < old.length) out.push(old[i++] + delta);
    return new LineIndex(text, out);
  }

  /** Number of lines (a final line break starts one more, empty, line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number } {
    const lo = lastAtMost(this.starts, offset);
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }

  /** Offset of a 1-based line and column (clamped to the text). */
  offset(line: number, column: number): number {
    const l = Math.min(Math.max(line, 1), this.starts.length);
    return Math.min(this.starts[l - 1] + Math.max(column, 1) - 1, this.length);
  }

  /** Offset where a 1-based line starts. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1];
  }
}

/** Characters per piece of a {@link Pieces} text (a piece that an edit makes longer than twice this is split). */
const PIECE = 8192;

/**
 * A long text kept as pieces, so an edit and the reads near it never copy the whole text: a flat copy of a
 * megabyte of text is made only when {@link Pieces.toString} asks for it (and kept).
 */
export class Pieces {
  private flat: string | undefined;

  private constructor(
    private readonly parts: readonly string[],
    /** Offset where each part starts, ascending; one more at the end (the length). */
    private readonly starts: readonly number[],
  ) {}

  static of(text: string): Pieces {
    const parts: string[] = [];
    for (let i = 0; i < text.length; i += PIECE) parts.push(text.slice(i, i + PIECE));
    const p = Pieces.from(parts.length ? parts : ['']);
    p.flat = text;
    return p;
  }

  private static from(all: string[]): Pieces {
    const kept = all.filter((s) => s.length > 0);
    const parts = kept.length ? kept : [''];
    const starts = [0];
    for (const s of parts) starts.push(starts[starts.length - 1] + s.length);
    return new Pieces(parts, starts);
  }

  get length(): number {
    return this.starts[this.starts.length - 1];
  }

  /** Index of the part holding offset `i` (the last part for the end of the text). */
  private partAt(i: number): number {
    return Math.min(lastAtMost(this.starts, i), this.parts.length - 1);
  }

  charCodeAt(i: number): number {
    if (i < 0 || i >= this.length) return NaN;
    const k = this.partAt(i);
    return this.parts[k].charCodeAt(i - this.starts[k]);
  }

  slice(from: number, to: number): string {
    const a = Math.max(0, Math.min(from, this.length));
    const b = Math.max(a, Math.min(to, this.length));
    if (this.flat !== undefined) return this.flat.slice(a, b);
    let out = '';
    for (let k = this.partAt(a); k < this.parts.length && this.starts[k] < b; k++) {
      out += this.parts[k].slice(Math.max(0, a - this.starts[k]), b - this.starts[k]);
    }
    return out;
  }

  /** The text with `[start, end)` replaced by `insert`. */
  replace(start: number, end: number, insert: string): Pieces {
    const first = this.partAt(start);
    const last = this.partAt(end);
    const middle = this.parts[first].slice(0, start - this.starts[first]) + insert + this.parts[last].slice(end - this.starts[last]);
    const split: string[] = [];
    if (middle.length > 2 * PIECE) for (let i = 0; i < middle.length; i += PIECE) split.push(middle.slice(i, i + PIECE));
    else split.push(middle);
    return Pieces.from([...this.parts.slice(0, first), ...split, ...this.parts.slice(last + 1)]);
  }

  toString(): string {
    return (this.flat ??= this.parts.join(''));
  }
}
