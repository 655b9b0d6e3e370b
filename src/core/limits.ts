/** Limits that keep a pathological note from freezing the editor or the CLI. */
export interface DocumentLimits {
  /** Notes longer than this many characters are not scanned. */
  readonly maxChars: number;
  /** Deeper nesting of lists and block quotes than this is not scanned (the parser slows down badly). */
  readonly maxNesting: number;
  /** Notes with more lines than this are not scanned (100,000 table rows or headings cost gigabytes to parse). */
  readonly maxLines: number;
}

/** Real notes in the benchmark corpus have at most 2,530 lines; a 1 MB note made from it has 14,663. */
export const DEFAULT_LIMITS: DocumentLimits = { maxChars: 2_000_000, maxNesting: 64, maxLines: 40_000 };

/**
 * Why a note should not be scanned, or undefined when it is fine: larger than the limit, more lines than the
 * limit, a NUL byte (binary content), or container nesting deeper than the limit (`> > > …`, `- - - …`, or deep indentation). Linear time.
 */
export function tooComplex(text: string, limits: DocumentLimits = DEFAULT_LIMITS): string | undefined {
  if (text.length > limits.maxChars) return `larger than ${limits.maxChars} characters (${text.length})`;
  if (text.includes('\u0000')) return 'contains NUL characters (binary content)';
  let depth = 0;
  let indent = 0;
  let atLineStart = true;
  let lines = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 10 || text.charCodeAt(i + 1) !== 10) lines++;
      if (lines > limits.maxLines) return `longer than ${limits.maxLines} lines`;
      depth = 0;
      indent = 0;
      atLineStart = true;
      continue;
    }
    if (!atLineStart) continue;
    if (c === 32 || c === 9) {
      indent += c === 9 ? 4 : 1;
      if (indent / 2 > limits.maxNesting) return `nested deeper than ${limits.maxNesting} levels (indentation at offset ${i})`;
      continue;
    }
    // Container markers: > - * + (a list marker needs a space after it).
    const next = text.charCodeAt(i + 1);
    if (c === 62 /* > */ || ((c === 45 || c === 42 || c === 43) && (next === 32 || next === 9))) {
      if (++depth > limits.maxNesting) return `nested deeper than ${limits.maxNesting} levels (at offset ${i})`;
      continue;
    }
    atLineStart = false;
  }
  return undefined;
}

/** Pause after typing before a note's terminology diagnostics are computed again (ms). */
export const TERMINOLOGY_DEBOUNCE_MS = 300;
