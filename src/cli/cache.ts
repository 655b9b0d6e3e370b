// The CLI's --cache: one file per command, holding each note's content hash, its outline (prose pieces, headings)
// and its result, so an unchanged note is not read twice and a glossary change re-matches prose without parsing.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GlossaryDigest } from '../core/glossaryDelta';
import { NOTE_PROSE_FORMAT, proseJson } from '../core/noteProse';
import { parseOutline, type NoteOutline } from '../core/scanCache';
import type { GlossarySources } from './glossaries';

/** Bump when what the cache stores, or how a result is computed from it, changes. */
export const CACHE_FORMAT = 3;

/** Where caches go when --cache-location is not given: a folder in the working folder. */
export const DEFAULT_CACHE_LOCATION = '.llm-glossary-cache';

/** The first line of a cache file: whose it is, and what its results were computed with. */
interface Header {
  readonly tool: 'llm-glossary';
  readonly format: number;
  readonly proseFormat: number;
  readonly version: string;
  readonly command: string;
  /** A hash of the glossary and of the options that change results: results are valid only under the same key. */
  readonly key: string;
  /** Data that belongs with the key (such as the glossary's own problems). */
  readonly extra?: unknown;
  /**
   * Byte length of the {@link ResultBasis} (JSON) written right after the header line: what the results were
   * computed with, for telling which of them a new glossary leaves unchanged. Parsed only when asked for.
   */
  readonly basis?: number;
}

/** The glossary results were computed with, and a key of everything else they depend on (options, notes' outlines). */
export interface ResultBasis {
  readonly rest: string;
  readonly glossary: GlossaryDigest;
}

/**
 * A note as cached: its hash, and why it was skipped, or its result (when the key matched), or else its outline.
 * A result is raw bytes in parts (what the command prints for the note, in each output format), never decoded.
 */
export interface CacheEntry {
  readonly hash: string;
  readonly skip?: string;
  readonly result?: readonly Uint8Array[];
  readonly outline?: NoteOutline;
  /** The ids of the entries the note's matches name (with a result). */
  readonly entryIds?: readonly string[];
}

/** A note as found in the cache: its outline is parsed only when asked for. */
export interface CachedNote {
  readonly hash: string;
  readonly skip?: string;
  readonly result?: readonly Uint8Array[];
  outline(): NoteOutline | undefined;
  /** The outline as stored (its JSON, UTF-8; empty: none), for a scan worker to parse. */
  readonly outlineBytes?: Uint8Array;
  /** When results are not valid for the key: the note's result under the cache's old key, and the entries it names. */
  readonly previous?: { readonly result: readonly Uint8Array[]; readonly entryIds: readonly string[] };
}

/** A note's record in the file: a line of JSON, then the raw bytes of its result parts and its outline's JSON. */
interface Meta {
  readonly f: string;
  readonly h: string;
  readonly s?: string;
  /** Byte lengths: each result part (none when there is no valid result), then the outline's JSON (0: none). */
  readonly n: readonly number[];
  /** With a result: the ids of the entries the note's matches name. */
  readonly e?: readonly string[];
}

/** What the cache holds for one note as read: its record line parsed, its bytes kept undecoded until needed. */
interface Stored {
  readonly meta: Meta;
  result: readonly Uint8Array[];
  entryIds?: readonly string[];
  readonly outline: Uint8Array;
  /** Its result was computed in this run (valid under the new key). */
  current?: boolean;
}

/** The tool version in cache keys: package.json's version. */
export function toolVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/** The cache file of a command: in the folder --cache-location names (or the default folder), or that file. */
export function cacheFile(location: string | undefined, command: string, cwd: string): string {
  const at = path.resolve(cwd, location ?? DEFAULT_CACHE_LOCATION);
  let folder = location === undefined || /[\\/]$/.test(location);
  try {
    folder ||= fs.statSync(at).isDirectory();
  } catch {
    /* not there yet: a file, unless the name ends with a slash */
  }
  return folder ? path.join(at, `${command}.jsonl`) : at;
}

/** A hash of everything a glossary is built from: which layers, and each file's exact text (or read error). */
export function glossaryFingerprint(sources: GlossarySources): string {
  const h = createHash('sha1');
  const add = (s: string) => h.update(`${s.length}:`).update(s);
  if (!sources.builtin) add('no-builtin');
  else if ('bin' in sources.builtin) {
    add(createHash('sha1').update(sources.builtin.bin).digest('hex'));
    for (const [file, bytes] of sources.builtin.yamlBytes) add(`${file} ${createHash('sha1').update(bytes).digest('hex')}`);
  }
  const texts = sources.builtin && 'yaml' in sources.builtin ? [...sources.builtin.yaml, ...sources.files] : sources.files;
  for (const t of texts) {
    add(t.file);
    add('text' in t ? t.text : `error ${t.error}`);
  }
  return h.digest('hex');
}

/** A hash of a result key's parts. */
export function hashKey(parts: unknown): string {
  return createHash('sha1').update(JSON.stringify(parts)).digest('hex');
}

/**
 * One command's cache file. `open` reads it (a missing file is an empty cache; a corrupt one, or one written by
 * another version or command, is ignored with one line on stderr and rewritten); `save` writes it atomically.
 *
 * The file: a header line (JSON), the basis (JSON, as many bytes as the header says), then per note a line of JSON ({@link Meta}) followed by its raw bytes, then a
 * line that counts the notes and holds the SHA-1 of all before it (a damaged or truncated file is detected). Raw bytes let an unchanged run copy each note's answer to the output untouched.
 */
export class NotesCache {
  private readonly notes = new Map<string, Stored>();
  private readonly fresh = new Map<string, CacheEntry>();
  private header: Header | undefined;
  /** The stored basis as read (JSON, UTF-8), and parsed once asked for. */
  private basisBytes: Uint8Array | undefined;
  private basisParsed: ResultBasis | undefined;
  private changed = false;

  private constructor(
    readonly file: string,
    private readonly command: string,
    private readonly version: string,
  ) {}

  static open(file: string, command: string, version: string, warn: (line: string) => void): NotesCache {
    const cache = new NotesCache(file, command, version);
    let buf: Buffer;
    try {
      buf = fs.readFileSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') warn(`cannot read the cache ${file} (${(e as Error).message}); not using it`);
      return cache;
    }
    const why = cache.load(buf);
    if (why) {
      warn(`ignoring the cache ${file}: ${why}; it will be rewritten`);
      cache.notes.clear();
      cache.header = undefined;
      cache.basisBytes = undefined;
      cache.changed = true;
    }
    return cache;
  }

  /** Reads the file; says what is wrong with it, if anything. */
  private load(buf: Buffer): string | undefined {
    let at = 0;
    const line = (): unknown => {
      const nl = buf.indexOf(10, at);
      if (nl < 0) throw new Error('truncated');
      const v = JSON.parse(buf.toString('utf8', at, nl)) as unknown;
      at = nl + 1;
      return v;
    };
    let header: Header;
    try {
      header = line() as Header;
    } catch {
      return 'not a cache file (or corrupt)';
    }
    if (header?.tool !== 'llm-glossary' || header.format !== CACHE_FORMAT || header.proseFormat !== NOTE_PROSE_FORMAT || header.version !== this.version) {
      return `written by ${header?.tool === 'llm-glossary' ? `version ${header.version} (cache format ${header.format})` : 'another program'}`;
    }
    if (header.command !== this.command) return `written by the "${header.command}" command`;
    try {
      if (header.basis !== undefined) {
        if (!Number.isInteger(header.basis) || header.basis < 0 || at + header.basis > buf.length) throw new Error('corrupt');
        this.basisBytes = buf.subarray(at, (at += header.basis));
      }
      for (;;) {
        const start = at;
        const meta = line() as Meta & { notes?: number; sha1?: string };
        if (meta.notes !== undefined) {
          if (meta.notes !== this.notes.size || at !== buf.length) throw new Error('corrupt');
          if (meta.sha1 !== createHash('sha1').update(buf.subarray(0, start)).digest('hex')) throw new Error('corrupt');
          break;
        }
        if (typeof meta.f !== 'string' || typeof meta.h !== 'string' || !Array.isArray(meta.n) || meta.n.length === 0) throw new Error('corrupt');
        if (meta.e !== undefined && !(Array.isArray(meta.e) && meta.e.every((id) => typeof id === 'string'))) throw new Error('corrupt');
        const parts = meta.n.map((n) => {
          if (!Number.isInteger(n) || n < 0 || at + n > buf.length) throw new Error('corrupt');
          return buf.subarray(at, (at += n));
        });
        this.notes.set(meta.f, { meta, result: parts.slice(0, -1), entryIds: meta.e, outline: parts[parts.length - 1] });
      }
    } catch {
      return 'truncated or corrupt';
    }
    this.header = header;
    return undefined;
  }

  /** Whether results in the cache were computed under `key`. */
  resultsValidFor(key: string): boolean {
    return this.header?.key === key;
  }

  /** What the stored results were computed with (whatever the key now). */
  get basis(): ResultBasis | undefined {
    if (this.basisParsed || !this.basisBytes) return this.basisParsed;
    try {
      return (this.basisParsed = JSON.parse(Buffer.from(this.basisBytes).toString('utf8')) as ResultBasis);
    } catch {
      return undefined; // checked by the file's checksum: only a file that was written wrong gets here
    }
  }

  /** The data stored with the key, when the key matches. */
  extraFor(key: string): unknown {
    return this.resultsValidFor(key) ? this.header?.extra : undefined;
  }

  /**
   * A note as cached, when its content hash is `hash`: its skip reason, or its result when results are valid for
   * `key`, and its outline, parsed on demand (undefined when it cannot be parsed: the note is scanned again).
   */
  get(file: string, hash: string, key: string): CachedNote | undefined {
    const s = this.notes.get(file);
    if (s?.meta.h !== hash) return undefined;
    if (s.meta.s !== undefined) return { hash, skip: s.meta.s, outline: () => undefined };
    const valid = this.resultsValidFor(key) || s.current;
    const result = valid && s.result.length > 0 ? s.result : undefined;
    const previous = !valid && s.result.length > 0 && s.entryIds ? { result: s.result, entryIds: s.entryIds } : undefined;
    return { hash, result, previous, outline: () => parseOutline(s.outline), outlineBytes: s.outline };
  }

  /** Records a note's new entry (kept until `save`). */
  set(file: string, entry: CacheEntry): void {
    this.fresh.set(file, entry);
    this.changed = true;
  }

  /** Records a note's new result and the entries it names, its outline unchanged (it is written back as it was read). */
  setResult(file: string, result: readonly Uint8Array[], entryIds: readonly string[] | undefined): void {
    const s = this.notes.get(file);
    if (!s) return;
    s.result = result;
    s.entryIds = entryIds;
    s.current = true;
    this.changed = true;
  }

  /** Forgets the cached notes that are not in `kept` and fail `exists` (deleted since). */
  prune(kept: ReadonlySet<string>, exists: (file: string) => boolean): void {
    for (const f of [...this.notes.keys()]) if (!kept.has(f) && !this.fresh.has(f) && !exists(f)) this.delete(f);
  }

  /** Forgets a note (one that is gone or could not be read). */
  delete(file: string): void {
    if (this.notes.delete(file) || this.fresh.delete(file)) this.changed = true;
  }

  /**
   * Writes the cache if anything changed: new entries, plus the old ones (their results dropped when the key
   * changed), to a temporary file renamed over the cache, so a reader never sees half a file.
   */
  save(key: string, extra: unknown, warn: (line: string) => void, basis?: () => ResultBasis): void {
    const keep = this.resultsValidFor(key);
    if (!this.changed && keep && JSON.stringify(extra) === JSON.stringify(this.header?.extra)) return;
    const made = keep && this.basisBytes ? undefined : basis?.();
    const basisBytes = made ? Buffer.from(JSON.stringify(made)) : keep ? this.basisBytes : undefined;
    const header: Header = { tool: 'llm-glossary', format: CACHE_FORMAT, proseFormat: NOTE_PROSE_FORMAT, version: this.version, command: this.command, key, extra, basis: basisBytes?.byteLength };
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      // In chunks: a large workspace's cache can be longer than the longest string JavaScript allows.
      const fd = fs.openSync(tmp, 'w');
      try {
        const write = chunkWriter(fd);
        write(JSON.stringify(header) + '\n');
        if (basisBytes) write(basisBytes);
        let count = 0;
        const note = (f: string, hash: string, skip: string | undefined, result: readonly Uint8Array[], outline: Uint8Array, entryIds: readonly string[] | undefined) => {
          const meta: Meta = { f, h: hash, s: skip, n: [...result.map((r) => r.byteLength), outline.byteLength], e: result.length ? entryIds : undefined };
          write(JSON.stringify(meta) + '\n');
          for (const r of result) write(r);
          write(outline);
          count++;
        };
        for (const [f, s] of this.notes) if (!this.fresh.has(f)) note(f, s.meta.h, s.meta.s, keep || s.current ? s.result : [], s.outline, s.entryIds);
        for (const [f, e] of this.fresh) note(f, e.hash, e.skip, e.result ?? [], e.outline ? Buffer.from(JSON.stringify(e.outline, proseJson)) : new Uint8Array(0), e.entryIds);
        write(undefined);
        fs.writeSync(fd, JSON.stringify({ notes: count, sha1: write.digest() }) + '\n');
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, this.file);
    } catch (e) {
      warn(`cannot write the cache ${this.file}: ${(e as Error).message}`);
      fs.rmSync(tmp, { force: true });
    }
  }
}

/**
 * Writes to a file in batches of a few megabytes (`undefined` flushes), each batch with one gathering write (no
 * copy into one buffer), keeping a SHA-1 of what it wrote.
 */
function chunkWriter(fd: number): ((data: string | Uint8Array | undefined) => void) & { digest(): string } {
  let parts: Uint8Array[] = [];
  let size = 0;
  const hash = createHash('sha1');
  const write = (data: string | Uint8Array | undefined) => {
    if (data !== undefined && data.length > 0) {
      const b = typeof data === 'string' ? Buffer.from(data) : data;
      parts.push(b);
      size += b.byteLength;
    }
    if (size > 8 << 20 || (data === undefined && size > 0)) {
      for (const p of parts) hash.update(p);
      writeAll(fd, parts);
      parts = [];
      size = 0;
    }
  };
  return Object.assign(write, { digest: () => hash.digest('hex') });
}

/** Writes every byte of `parts`, in order, in as few calls as the system allows. */
function writeAll(fd: number, parts: Uint8Array[]): void {
  for (let i = 0; i < parts.length; ) {
    const batch = parts.slice(i, i + 512); // below IOV_MAX
    let written = fs.writevSync(fd, batch);
    for (const p of batch) {
      if (written >= p.byteLength) {
        written -= p.byteLength;
        i++;
        continue;
      }
      parts[i] = p.subarray(written); // a short write: the rest of this part goes in the next call
      break;
    }
  }
}

/** A whole answer kept under a key (for commands whose inputs are few files, such as `check`). */
interface Memo {
  readonly tool: 'llm-glossary';
  readonly format: number;
  readonly version: string;
  readonly command: string;
  readonly key: string;
  readonly value: unknown;
}

/**
 * The answer cached under `key` in `file`, or else `compute()`'s, which is then cached (atomically). A corrupt
 * cache, or one of another version or command, is ignored with one line on stderr and rewritten.
 */
export function memoized<T>(file: string, command: string, version: string, key: string, compute: () => T, warn: (line: string) => void): T {
  let memo: Memo | undefined;
  try {
    memo = JSON.parse(fs.readFileSync(file, 'utf8')) as Memo;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') warn(`ignoring the cache ${file}: not a cache file (or corrupt); it will be rewritten`);
  }
  if (memo && (memo.tool !== 'llm-glossary' || memo.format !== CACHE_FORMAT || memo.version !== version || memo.command !== command)) {
    warn(`ignoring the cache ${file}: written by ${memo.tool === 'llm-glossary' ? `version ${memo.version} (cache format ${memo.format}) of the "${memo.command}" command` : 'another program'}; it will be rewritten`);
    memo = undefined;
  }
  if (memo?.key === key) return memo.value as T;
  const value = compute();
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify({ tool: 'llm-glossary', format: CACHE_FORMAT, version, command, key, value } satisfies Memo));
    fs.renameSync(tmp, file);
  } catch (e) {
    warn(`cannot write the cache ${file}: ${(e as Error).message}`);
    fs.rmSync(tmp, { force: true });
  }
  return value;
}
