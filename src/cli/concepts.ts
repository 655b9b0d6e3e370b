import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ScanPool, type PoolFile } from '../node/scanPool';
import type { FileScan } from '../node/scanProtocol';
import { renderReport, reportEntries, type ReportOptions } from '../core/conceptsReport';
import { formatProblem } from '../core/glossary';
import type { GlossaryIndex } from '../core/glossaryIndex';
import { GlossaryDelta, glossaryDigest, type GlossaryDigest } from '../core/glossaryDelta';
import { entryIdsOf, parseOutline, scanOutline } from '../core/scanCache';
import { proseText } from '../core/noteProse';
import type { ScanResult } from '../core/scanner';
import { glossaryFingerprint, hashKey, NotesCache, type CachedNote } from './cache';
import { expandPaths } from './files';
import { cachedScanOfFile, readNote, scanNote } from '../node/notes';
import { glossaryFromSources, readGlossarySources } from './glossaries';
import { displayPath, type Io } from './main';

export interface ConceptsOptions {
  readonly paths: readonly string[];
  readonly json: boolean;
  readonly line?: number;
  readonly glossaries: readonly string[];
  readonly builtin: boolean;
  readonly maxFileSize: number;
  /** Worker threads for large folders (default: the machine's cores); 1 scans on the main thread. */
  readonly jobs?: number;
  /** --cache: the cache file, and the tool version its results are valid for. */
  readonly cache?: { readonly file: string; readonly version: string };
}

/** A problem with an input: a glossary file or a note. */
interface InputProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** Folders with at least this many notes are scanned by worker threads, one per core. */
const PARALLEL_FROM = 8;

/** What one note gave: its report, or why it was skipped, or the error that kept it from being read. */
type Outcome = { readonly rendered: Uint8Array; readonly entryIds?: readonly string[] } | { readonly skip: string } | { readonly error: string };

/** How notes are scanned: the glossary (loaded on first use), the options, the worker threads to use. */
interface Scanning {
  readonly options: ConceptsOptions;
  readonly glossary: () => GlossaryIndex;
  readonly cores: number;
}

/** `llm-glossary concepts`: the concepts of each note, per chapter, as a table or as JSON. */
export async function runConcepts(options: ConceptsOptions, io: Io): Promise<number> {
  const show = (f: string) => displayPath(f, io.cwd);
  const sources = readGlossarySources({ builtin: options.builtin, files: options.glossaries.map((f) => path.resolve(io.cwd, f)) });
  let loaded: GlossaryIndex | undefined;
  const scanning: Scanning = { options, glossary: () => (loaded ??= glossaryFromSources(sources, show)), cores: options.jobs ?? os.availableParallelism() };
  const { files, missing } = expandPaths(options.paths.map((p) => path.resolve(io.cwd, p)));
  const glossaryProblems = () => scanning.glossary().problems.map((p) => ({ file: p.file, line: p.line, column: p.column, message: p.message, severity: p.severity }));
  let outcomes: Map<string, Outcome>;
  let problems: ReturnType<typeof glossaryProblems>;
  if (options.cache) {
    const rest = hashKey({ line: options.line ?? null, maxFileSize: options.maxFileSize });
    const key = hashKey({ glossary: glossaryFingerprint(sources), rest });
    const warn = (line: string) => io.err(`llm-glossary: ${line}\n`);
    const cache = NotesCache.open(options.cache.file, 'concepts', options.cache.version, warn);
    let digested: GlossaryDigest | undefined;
    const digest = () => (digested ??= glossaryDigest(scanning.glossary().patterns, reportEntries(scanning.glossary().entries.values())));
    let delta: GlossaryDelta | undefined | null = null;
    // The old answers a glossary edit leaves unchanged are kept (worked out only if some note has an old answer).
    const unchanged = () => (delta === null ? (delta = cache.basis?.rest === rest ? GlossaryDelta.between(cache.basis.glossary, digest()) : undefined) : delta);
    outcomes = await cachedOutcomes(files, scanning, cache, key, unchanged);
    const extra = cache.extraFor(key) as { cwd: string; problems: typeof problems } | undefined;
    problems = extra?.cwd === io.cwd ? extra.problems : glossaryProblems();
    cache.prune(new Set(files), (f) => fs.existsSync(f));
    cache.save(key, { cwd: io.cwd, problems }, warn, () => ({ rest, glossary: digest() }));
  } else {
    outcomes = await scanOutcomes(files, scanning);
    problems = glossaryProblems();
  }
  const errors: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  for (const { severity, ...p } of problems) (severity === 'error' ? errors : warnings).push(p);
  for (const m of missing) errors.push({ file: show(m), line: 1, column: 1, message: 'no such file or folder' });
  const results: { file: string; rendered: Uint8Array }[] = [];
  for (const f of files) {
    const r = outcomes.get(f)!;
    if ('error' in r) errors.push({ file: show(f), line: 1, column: 1, message: r.error });
    else if ('skip' in r) warnings.push({ file: show(f), line: 1, column: 1, message: r.skip });
    else results.push({ file: show(f), rendered: r.rendered });
  }

  if (options.json) {
    for (const part of jsonOutput(results, errors, warnings)) io.out(part);
  } else {
    for (const part of tableOutput(results)) io.out(part);
    for (const p of errors) io.err(`${formatProblem({ ...p, endLine: p.line, endColumn: p.column, severity: 'error' })}\n`);
    for (const p of warnings) io.err(`${formatProblem({ ...p, endLine: p.line, endColumn: p.column, severity: 'warning' })}\n`);
  }
  return errors.length > 0 ? 1 : 0;
}

/** Whether `count` notes are scanned by worker threads. */
function parallel(count: number, s: Scanning): boolean {
  return count >= PARALLEL_FROM && s.cores > 1;
}

/**
 * Reads and scans `files`, by worker threads (`mode`) when there are many; each result goes to `onResult`. A file
 * with an outline (mode `cache`) is not read: its outline is matched again.
 */
async function scanFiles(files: readonly PoolFile[], s: Scanning, mode: 'scan' | 'cache', onResult: (r: FileScan) => void): Promise<void> {
  if (files.length === 0) return;
  const glossary = s.glossary();
  if (!parallel(files.length, s)) {
    const scan = mode === 'cache' ? cachedScanOfFile : scanNote;
    for (const f of files) onResult(f.outline ? rematchHere(f.key, f.outline, glossary) : { key: f.key, ...scan(f.path, s.options.maxFileSize, glossary) });
    return;
  }
  const report = { entries: reportEntries(glossary.entries.values()), options: reportOptions(s.options) };
  const pool = new ScanPool({ patterns: glossary.patterns, trie: glossary.trie, mode, report, size: Math.min(s.cores, Math.ceil(files.length / PARALLEL_FROM)) });
  try {
    await pool.scan(files, s.options.maxFileSize, onResult);
  } finally {
    await pool.close();
  }
}

/** A note's cached outline matched again on this thread. */
function rematchHere(key: string, bytes: Uint8Array, glossary: GlossaryIndex): FileScan {
  const outline = parseOutline(bytes);
  return outline ? { key, scan: scanOutline(outline, glossary.matcher) } : { key, badOutline: true };
}

/** The options of a note's report. */
function reportOptions(o: ConceptsOptions): ReportOptions {
  return { json: o.json, line: o.line };
}

/** The outcome of a scanned note (rendered by the worker that scanned it, or else here). */
function outcomeOf(r: FileScan, s: Scanning): Outcome {
  if (r.error !== undefined) return { error: r.error };
  if (r.skip !== undefined) return { skip: r.skip };
  if (r.rendered) return { rendered: r.rendered, entryIds: r.entryIds };
  return { rendered: render(r.scan!, s.glossary(), reportOptions(s.options)), entryIds: entryIdsOf(r.scan!) };
}

/** Every note scanned (large folders by worker threads). */
async function scanOutcomes(files: readonly string[], s: Scanning): Promise<Map<string, Outcome>> {
  const out = new Map<string, Outcome>();
  await scanFiles(files.map((f) => ({ key: f, path: f })), s, 'scan', (r) => out.set(r.key, outcomeOf(r, s)));
  return out;
}

/**
 * With --cache: a note whose content hash is in the cache gives its cached report; after a glossary change, its
 * old report when `delta` says the change cannot reach it, else its cached prose matched again (without a parse;
 * so too after an option change). The others are scanned and cached.
 * Notes skipped for their size or for binary content are checked again each run (that costs no parse). With many
 * notes, worker threads do both the matching again and the scans.
 */
async function cachedOutcomes(files: readonly string[], s: Scanning, cache: NotesCache, key: string, delta: () => GlossaryDelta | undefined): Promise<Map<string, Outcome>> {
  const out = new Map<string, Outcome>();
  const work: PoolFile[] = [];
  const cached = new Map<string, CachedNote>();
  const part = s.options.json ? 0 : 1;
  for (const f of files) {
    const read = readNote(f, s.options.maxFileSize);
    if (!('text' in read)) {
      out.set(f, read);
      if ('error' in read) cache.delete(f);
      continue;
    }
    const e = cache.get(f, read.hash, key);
    if (e?.skip !== undefined) out.set(f, { skip: e.skip });
    else if (e?.result?.[part].length) out.set(f, { rendered: e.result[part] });
    else if (e?.previous?.result[part]?.length && unaffected(e, delta)) {
      out.set(f, { rendered: e.previous.result[part] });
      cache.setResult(f, e.previous.result, e.previous.entryIds);
    } else {
      if (e?.outlineBytes?.length) cached.set(f, e);
      // A copy: the stored bytes are a view of the whole cache file, which a message would copy whole.
      work.push({ key: f, path: f, outline: e?.outlineBytes?.length ? new Uint8Array(e.outlineBytes) : undefined });
    }
  }
  const bad: string[] = [];
  await scanFiles(work, s, 'cache', (r) => {
    const e = cached.get(r.key);
    if (r.badOutline) return void bad.push(r.key);
    const o = outcomeOf(r, s);
    out.set(r.key, o);
    if (e) cache.setResult(r.key, withPart(e.result, part, (o as { rendered: Uint8Array }).rendered), (o as { entryIds?: readonly string[] }).entryIds);
    else if (r.hash === undefined) cache.delete(r.key);
    else cache.set(r.key, freshEntry(r, r.hash, o, part));
  });
  // A cached outline that could not be used: the note is scanned as if it were not cached.
  if (bad.length) {
    await scanFiles(bad.map((f) => ({ key: f, path: f })), s, 'cache', (r) => {
      const o = outcomeOf(r, s);
      out.set(r.key, o);
      if (r.hash === undefined) cache.delete(r.key);
      else cache.set(r.key, freshEntry(r, r.hash, o, part));
    });
  }
  return out;
}

/** A scanned note's cache entry: its hash, outline and result (in part `part`), or why it was skipped. */
function freshEntry(r: FileScan, hash: string, o: Outcome, part: number) {
  const rendered = 'rendered' in o ? o : undefined;
  return { hash, skip: r.skip, outline: r.outline, result: rendered && withPart(undefined, part, rendered.rendered), entryIds: rendered?.entryIds };
}

/**
 * Whether a note's old answer (computed under the cache's old glossary) still holds: no name that differs between
 * that glossary and this one occurs in its prose, and no entry it shows differs (see {@link GlossaryDelta}).
 */
function unaffected(e: CachedNote, delta: () => GlossaryDelta | undefined): boolean {
  const d = delta();
  const prose = d && e.outline()?.prose;
  const text = prose && proseText(prose);
  return text !== undefined && !d!.affects(text, e.previous!.entryIds);
}

/** What the CLI prints for one note, less its file name, as UTF-8 (so the cache keeps it as is). */
function render(scan: ScanResult, glossary: GlossaryIndex, options: ReportOptions): Uint8Array {
  return Buffer.from(renderReport(scan, glossary, options));
}

/** A cached result (part 0 the JSON, part 1 the table; empty: not rendered yet) with one part set. */
function withPart(result: readonly Uint8Array[] | undefined, part: number, rendered: Uint8Array): Uint8Array[] {
  const parts = result?.length === 2 ? [...result] : [new Uint8Array(0), new Uint8Array(0)];
  parts[part] = rendered;
  return parts;
}

/**
 * The --json output, written out as `JSON.stringify(..., null, 2)` would write it (JSON text never holds a raw
 * line break, so indenting at line breaks is exact), with each note's part as rendered before.
 */
function jsonOutput(files: readonly { file: string; rendered: Uint8Array }[], errors: readonly InputProblem[], warnings: readonly InputProblem[]): Uint8Array[] {
  const array = (xs: readonly InputProblem[]) => JSON.stringify(xs, null, 2).replace(/\n/g, '\n  ');
  const parts: Uint8Array[] = [Buffer.from(`{\n  "files": [${files.length === 0 ? ']' : ''}`)];
  files.forEach((f, i) => parts.push(Buffer.from(`${i === 0 ? '' : ','}\n    {\n      "file": ${JSON.stringify(f.file)},`), f.rendered));
  parts.push(Buffer.from(`${files.length === 0 ? '' : '\n  ]'},\n  "errors": ${array(errors)},\n  "warnings": ${array(warnings)}\n}\n`));
  return parts;
}

/** The table output: each note's table, a blank line between notes. */
function tableOutput(files: readonly { file: string; rendered: Uint8Array }[]): Uint8Array[] {
  return files.flatMap((f, i) => [Buffer.from(`${i === 0 ? '' : '\n'}${f.file}`), f.rendered]);
}
