import type { NoteProse } from '../core/noteProse';
import type { NoteOutline } from '../core/scanCache';
import type { ScanResult } from '../core/scanner';

/** What a scan worker sends back for each file. */
export type ScanMode = 'scan' | 'prose' | 'cache';

/** A batch of files for a scan worker. `knownHash`: skip the parse when the content hash is still this. */
export interface ScanRequest {
  readonly id: number;
  /**
   * `scan`: occurrences and headings (the CLI); `prose`: the prose pieces only (the extension's notes index);
   * `cache`: a scan and the note's outline, from one parse (the CLI with --cache).
   */
  readonly mode: ScanMode;
  readonly maxBytes: number;
  readonly files: readonly { readonly key: string; readonly path: string; readonly knownHash?: string }[];
}

/** The outcome for one file: a scan, "unchanged" (same hash), skipped (binary, too large) or an error. */
export interface FileScan {
  readonly key: string;
  readonly hash?: string;
  readonly unchanged?: boolean;
  readonly scan?: ScanResult;
  readonly prose?: NoteProse;
  readonly outline?: NoteOutline;
  readonly skip?: string;
  readonly error?: string;
}

export interface ScanResponse {
  readonly id: number;
  readonly results: readonly FileScan[];
}
