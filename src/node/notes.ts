// Reading notes from disk, shared by the CLI and the scan workers.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { DEFAULT_LIMITS } from '../core/limits';
import { proseOfNote } from '../core/noteProse';
import { scanWithOutline } from '../core/scanCache';
import { scanNoteText } from '../core/scanner';
import type { GlossaryIndex } from '../core/glossaryIndex';
import type { FileScan } from './scanProtocol';

/** A NUL byte in the first 8 KiB, or more than 10 % invalid UTF-8 sequences there, marks a binary file. */
export function looksBinary(buf: Buffer): boolean {
  const head = buf.subarray(0, 8192);
  if (head.includes(0)) return true;
  const decoded = head.toString('utf8');
  let bad = 0;
  for (let i = 0; i < decoded.length; i++) if (decoded.charCodeAt(i) === 0xfffd) bad++;
  return head.length > 0 && bad / head.length > 0.1;
}

/** The outcome of reading a note: its text, or why it was skipped. */
export type ReadResult = { text: string; hash: string } | { skip: string } | { error: string };

/**
 * Reads a note as UTF-8, with the SHA-1 of its bytes. Files over `maxBytes` (checked again after reading: a file
 * may grow in between), binary files (a NUL byte, or mostly invalid UTF-8) and what is not a regular file (a named
 * pipe would block the reader) are skipped with a reason.
 */
export function readNote(file: string, maxBytes: number): ReadResult {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    return { error: describeFsError(e) };
  }
  const tooLarge = (size: number) => ({ skip: `skipped: ${size} bytes is over the limit of ${maxBytes} (--max-file-size)` });
  if (!stat.isFile()) return { skip: 'skipped: not a regular file' };
  if (stat.size > maxBytes) return tooLarge(stat.size);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    return { error: describeFsError(e) };
  }
  if (buf.length > maxBytes) return tooLarge(buf.length);
  if (looksBinary(buf)) return { skip: 'skipped: not a text file (binary content)' };
  return { text: buf.toString('utf8'), hash: createHash('sha1').update(buf).digest('hex') };
}

export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err.code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, expected a file';
    default:
      return err.message ?? String(e);
  }
}

/**
 * Reads and scans a note: its scan, or "unchanged" when its hash is still `knownHash`, or why it was skipped, or
 * the error that kept it from being read.
 */
export function scanNote(file: string, maxBytes: number, glossary: Pick<GlossaryIndex, 'matcher'>, knownHash?: string): Omit<FileScan, 'key'> {
  const read = readNote(file, maxBytes);
  if (!('text' in read)) return read;
  if (read.hash === knownHash) return { hash: read.hash, unchanged: true };
  // The size was checked in bytes while reading; lines and nesting are checked here.
  const r = scanNoteText(read.text, glossary, { ...DEFAULT_LIMITS, maxChars: Number.MAX_SAFE_INTEGER });
  return { hash: read.hash, ...r };
}

/** Reads a note and collects its prose pieces, or "unchanged" when its hash is still `knownHash`. */
export function proseOfFile(file: string, maxBytes: number, knownHash?: string): Omit<FileScan, 'key'> {
  const read = readNote(file, maxBytes);
  if (!('text' in read)) return read;
  if (read.hash === knownHash) return { hash: read.hash, unchanged: true };
  return { hash: read.hash, ...proseOfNote(read.text, { ...DEFAULT_LIMITS, maxChars: Number.MAX_SAFE_INTEGER }) };
}

/** Reads a note and scans it, keeping its outline for the CLI cache (prose, headings), from one parse. */
export function cachedScanOfFile(file: string, maxBytes: number, glossary: Pick<GlossaryIndex, 'matcher'>): Omit<FileScan, 'key'> {
  const read = readNote(file, maxBytes);
  if (!('text' in read)) return read;
  return { hash: read.hash, ...scanWithOutline(read.text, glossary, { ...DEFAULT_LIMITS, maxChars: Number.MAX_SAFE_INTEGER }) };
}
