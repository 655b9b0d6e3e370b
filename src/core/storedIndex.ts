import type { NoteProse } from './noteProse';

/** The notes kept between sessions: each note's content hash and prose, by URI. */
export type StoredNotes = Record<string, { readonly hash: string; readonly prose: NoteProse }>;

/** The layout of the stored index; a file of any other format is discarded. */
const FORMAT = 4;
/** Numbers per piece in {@link NoteProse.pieces}. */
const STRIDE = 6;

/** The stored form of the notes index, tagged with its format and the version of the tool that wrote it. */
export function encodeIndex(files: StoredNotes, version: string | undefined): string {
  return JSON.stringify({ format: FORMAT, version, files });
}

/**
 * The notes of a stored index, or why it cannot be used: not JSON (truncated, corrupted), another format or
 * another version of the tool, or a note whose prose does not hold together. All or nothing: one damaged note
 * discards the whole file, since whatever damaged it may have damaged the rest.
 */
export function decodeIndex(text: string, version: string | undefined): StoredNotes | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return `not valid JSON: ${(e as Error).message}`;
  }
  if (!isRecord(data) || typeof data.format !== 'number') return 'not a notes index';
  if (data.format !== FORMAT) return `format ${data.format}, expected ${FORMAT}`;
  if (data.version !== version) return `written by version ${String(data.version ?? 'unknown')}, this is ${version ?? 'unknown'}`;
  if (!isRecord(data.files)) return 'no notes in it';
  for (const [uri, note] of Object.entries(data.files)) if (!isStoredNote(note)) return `the entry of ${uri} is damaged`;
  return data.files as StoredNotes;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A hash and prose whose pieces (offset, length, line, column, lead, piece length) add up to its text. */
function isStoredNote(note: unknown): boolean {
  if (!isRecord(note) || typeof note.hash !== 'string' || !isRecord(note.prose)) return false;
  const { text, pieces, headings } = note.prose;
  if (typeof text !== 'string' || !Array.isArray(pieces) || pieces.length % STRIDE !== 0) return false;
  if (!Array.isArray(headings) || !headings.every((h) => Number.isInteger(h))) return false;
  let total = 0;
  for (let i = 0; i < pieces.length; i += STRIDE) {
    for (let k = 0; k < STRIDE; k++) if (!Number.isInteger(pieces[i + k]) || (pieces[i + k] as number) < 0) return false;
    const [length, lead, size] = [pieces[i + 1] as number, pieces[i + 4] as number, pieces[i + 5] as number];
    if (lead + length > size) return false;
    total += size;
  }
  return total === text.length;
}
