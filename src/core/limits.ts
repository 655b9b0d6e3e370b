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

/** Word segmentations of short Han texts the matcher remembers (a few MB at most; forgotten all at once when full). */
export const HAN_SEGMENTATIONS_KEPT = 50_000;

/** An export's where-used index lists at most this many line links per chapter (then "+N more"). */
export const EXPORT_LINES_PER_CHAPTER = 12;
/** Term completion: how much must be typed, how far back a typed name may start, how many entries are offered. */
export const COMPLETION_LIMITS = {
  /** Characters (UTF-16 units) typed before anything is offered: two, so a single 大 or "a" offers nothing. */
  minTyped: 2,
  /** The longest typed text taken as the start of a name. */
  maxTyped: 64,
  /** Entries offered at most (the list is incomplete: typing on asks again); two letters begin up to ~180 entries. */
  maxItems: 200,
  /** Characters around the cursor looked at to tell a Chinese note from an English one. */
  languageWindow: 300,
} as const;
/** Pause after typing before a note's terminology diagnostics are computed again (ms). */
export const TERMINOLOGY_DEBOUNCE_MS = 300;
/**
 * Pauses before the glossary is reloaded after a user glossary file changed (ms): edits come in bursts while
 * typing; a save is final, so it reloads at once; other changes (on disk, created, deleted, closed) wait a little.
 */
export const GLOSSARY_RELOAD_DELAY_MS = { edited: 250, saved: 0, other: 150 } as const;

/**
 * Longest stretch of matching the notes index does on the host's thread before it yields (a background re-match)
 * or leaves the rest to a background re-match (a count asked for at once), so no task blocks the editor long.
 */
export const INDEX_SLICE_MS = 15;

/**
 * A scan worker that has had nothing to read for this long (ms) is stopped, so the memory of its parses goes back
 * to the system (about a hundred megabytes after ten thousand notes); the next read starts a new one.
 */
export const READER_IDLE_MS = 30_000;

/** Quiet time before the notes index is saved after a change (a build, a re-match, a saved note). */
export const INDEX_SAVE_DELAY_MS = 1000;

/**
 * CLI --cache: when more names than this differ between the cache's glossary and the current one, every note is
 * matched again instead of being checked for changed names one by one (an edit this large changes most answers).
 */
export const MAX_CHANGED_NAMES = 2000;
