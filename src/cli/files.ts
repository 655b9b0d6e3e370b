import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_LIMITS, tooComplex } from '../core/limits';
import { looksBinary } from '../node/binary';

/** Markdown file endings the CLI reads. */
export const MARKDOWN_EXTENSIONS = ['.md', '.markdown'];

/**
 * Expands the PATH arguments: a file is taken as given; a folder yields every Markdown file inside it,
 * recursively, in sorted order, skipping `node_modules` and dot folders. Paths that do not exist are returned in
 * `missing`.
 */
export function expandPaths(args: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string) => {
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      missing.push(dir);
      return;
    }
    names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const d of names) {
      const p = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (d.name.startsWith('.') || d.name === 'node_modules') continue;
        walk(p);
      } else if ((d.isFile() || d.isSymbolicLink()) && MARKDOWN_EXTENSIONS.includes(path.extname(d.name).toLowerCase())) {
        files.push(p);
      }
    }
  };
  for (const a of args) {
    let st: fs.Stats;
    try {
      st = fs.statSync(a);
    } catch {
      missing.push(a);
      continue;
    }
    if (st.isDirectory()) walk(a);
    else files.push(a);
  }
  return { files, missing };
}

/** The outcome of reading a note: its text, or why it was skipped. */
export type ReadResult = { text: string } | { skip: string } | { error: string };

/**
 * Reads a note as UTF-8. Files over `maxBytes`, and binary files (a NUL byte, or mostly invalid UTF-8), are
 * skipped with a reason instead of being scanned.
 */
export function readNote(file: string, maxBytes: number): ReadResult {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (e) {
    return { error: describeFsError(e) };
  }
  if (size > maxBytes) return { skip: `skipped: ${size} bytes is over the limit of ${maxBytes} (--max-file-size)` };
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    return { error: describeFsError(e) };
  }
  if (looksBinary(buf)) return { skip: 'skipped: not a text file (binary content)' };
  const text = buf.toString('utf8');
  const why = tooComplex(text, { ...DEFAULT_LIMITS, maxChars: Number.MAX_SAFE_INTEGER });
  return why ? { skip: `skipped: ${why}` } : { text };
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
