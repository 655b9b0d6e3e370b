import type { ReportOptions } from '../core/conceptsReport';
import type { NoteProse } from '../core/noteProse';
import type { NoteOutline } from '../core/scanCache';
import type { ScanResult } from '../core/scanner';

/** What a scan worker sends back for each file. */
export type ScanMode = 'scan' | 'prose' | 'cache';

/**
 * A batch of files for a scan worker. `knownHash`: skip the parse when the content hash is still this. `outline`
 * (mode `cache`): the note's cached outline (its JSON, UTF-8), matched again instead of reading the note.
 */
export interface ScanRequest {
  readonly id: number;
  /**
   * `scan`: occurrences and headings (the CLI); `prose`: the prose pieces only (the extension's notes index);
   * `cache`: a scan and the note's outline, from one parse (the CLI with --cache).
   */
  readonly mode: ScanMode;
  readonly maxBytes: number;
  /** `path`: a file path, or a `file:` URI that the worker turns into one. */
  readonly files: readonly { readonly key: string; readonly path: string; readonly knownHash?: string; readonly outline?: Uint8Array }[];
  /** With `scan` or `cache`: send each note's report, rendered as UTF-8, instead of its scan. */
  readonly render?: ReportOptions;
}

/** The outcome for one file: a scan, "unchanged" (same hash), skipped (binary, too large) or an error. */
export interface FileScan {
  readonly key: string;
  readonly hash?: string;
  readonly unchanged?: boolean;
  readonly scan?: ScanResult;
  /** The note's report (UTF-8), when the request asked for it: then there is no `scan`. */
  readonly rendered?: Uint8Array;
  /** With `rendered`: the ids of the entries the scan's matches name (what the report may show). */
  readonly entryIds?: readonly string[];
  readonly prose?: NoteProse;
  readonly outline?: NoteOutline;
  readonly skip?: string;
  readonly error?: string;
  /** The cached outline sent could not be used (not an outline): the note must be scanned. */
  readonly badOutline?: boolean;
}

export interface ScanResponse {
  readonly id: number;
  readonly results: readonly FileScan[];
}
