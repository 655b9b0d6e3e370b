import { sliceClock, yieldToHost } from './events';
import { INDEX_SLICE_MS } from './limits';
import { proseJson, revivedProse, type NoteProse, type ProseJson } from './noteProse';

/**
 * The notes kept between sessions, by URI: each note's content hash and prose, and the entries it uses where it was
 * matched with the glossary named by `matched` (its fingerprint).
 */
export interface StoredIndex {
  readonly matched?: string;
  readonly notes: Record<string, StoredNote>;
}
export interface StoredNote {
  readonly hash: string;
  readonly prose: NoteProse;
  readonly ids?: readonly string[];
}

/** The layout of the stored index; a file of any other format is discarded. */
const FORMAT = 6;
/** The byte that ends each line (UTF-8 never uses it inside a character). */
const NEWLINE = 0x0a;
/** Numbers per piece in {@link NoteProse.pieces}. */
const STRIDE = 6;

/**
 * The stored form of the notes index: a first line with its format, the version of the tool that wrote it, the
 * number of notes and the glossary they were matched with, then one line per note (`[uri, hash, prose, ids]`, ids
 * left out where not matched), so that neither writing nor reading it holds the host's thread for long: `sliced`
 * yields between slices of notes.
 */
export async function encodeIndex(stored: StoredIndex, version: string | undefined, sliced = false): Promise<Uint8Array> {
  const files = stored.notes;
  const uris = Object.keys(files);
  const encoder = new TextEncoder();
  const lines = [encoder.encode(JSON.stringify({ format: FORMAT, version, notes: uris.length, matched: stored.matched }))];
  const due = sliced ? sliceClock(INDEX_SLICE_MS) : () => false;
  for (const uri of uris) {
    const f = files[uri];
    lines.push(encoder.encode(`\n${JSON.stringify(f.ids ? [uri, f.hash, f.prose, f.ids] : [uri, f.hash, f.prose], proseJson)}`));
    if (due()) await yieldToHost();
  }
  // The bytes are put together line by line as well: never one string of the whole index, nor one encoding of it.
  const out = new Uint8Array(lines.reduce((n, l) => n + l.length, 0));
  let at = 0;
  for (const l of lines) {
    out.set(l, at);
    at += l.length;
    if (due()) await yieldToHost();
  }
  return out;
}

/**
 * The notes of a stored index, or why it cannot be used: not JSON (truncated, corrupted), another format or
 * another version of the tool, fewer notes than its first line says, or a note whose prose does not hold together.
 * All or nothing: one damaged note discards the whole file, since whatever damaged it may have damaged the rest.
 */
export async function decodeIndex(bytes: Uint8Array, version: string | undefined, sliced = false): Promise<StoredIndex | string> {
  const decoder = new TextDecoder();
  const line = (from: number, to: number) => decoder.decode(bytes.subarray(from, to < 0 ? bytes.length : to));
  let at = bytes.indexOf(NEWLINE);
  const head = parseLine(line(0, at));
  if (typeof head === 'string') return head;
  if (!isRecord(head) || typeof head.format !== 'number') return 'not a notes index';
  if (head.format !== FORMAT) return `format ${head.format}, expected ${FORMAT}`;
  if (head.version !== version) return `written by version ${String(head.version ?? 'unknown')}, this is ${version ?? 'unknown'}`;
  if (!Number.isInteger(head.notes)) return 'no notes in it';
  const files: Record<string, StoredNote> = {};
  const due = sliced ? sliceClock(INDEX_SLICE_MS) : () => false;
  for (let n = 0; at >= 0; n++) {
    const next = bytes.indexOf(NEWLINE, at + 1);
    const note = parseLine(line(at + 1, next));
    if (typeof note === 'string') return note;
    if (!Array.isArray(note) || typeof note[0] !== 'string' || !isStoredNote(note[1], note[2]) || !isIdList(note[3])) return `note ${n + 1} is damaged`;
    files[note[0]] = { hash: note[1] as string, prose: revivedProse(note[2] as ProseJson), ...(note[3] ? { ids: note[3] as string[] } : {}) };
    at = next;
    if (due()) await yieldToHost();
  }
  const count = Object.keys(files).length;
  if (count !== head.notes) return `it holds ${count} of its ${String(head.notes)} notes (truncated?)`;
  return typeof head.matched === 'string' ? { matched: head.matched, notes: files } : { notes: files };
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch (e) {
    return `not valid JSON: ${(e as Error).message}`;
  }
}

/** Absent, or a list of entry ids. */
const isIdList = (ids: unknown) => ids === undefined || (Array.isArray(ids) && ids.every((id) => typeof id === 'string'));

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A hash and prose whose pieces (offset, length, line, column, lead, piece length) add up to its text. */
function isStoredNote(hash: unknown, prose: unknown): boolean {
  if (typeof hash !== 'string' || !isRecord(prose)) return false;
  const { text, pieces, headings } = prose;
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
