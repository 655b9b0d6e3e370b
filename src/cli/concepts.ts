import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ScanPool } from '../node/scanPool';
import type { FileScan } from '../node/scanProtocol';
import stringWidth from 'string-width';
import { documentConcepts, type ConceptUse, type DocumentConcepts } from '../core/concepts';
import { formatProblem } from '../core/glossary';
import type { GlossaryIndex } from '../core/glossaryIndex';
import { scanOutline } from '../core/scanCache';
import type { ScanResult } from '../core/scanner';
import { glossaryFingerprint, hashKey, NotesCache } from './cache';
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
type Outcome = { readonly rendered: Uint8Array } | { readonly skip: string } | { readonly error: string };

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
    const key = hashKey({ glossary: glossaryFingerprint(sources), line: options.line ?? null, maxFileSize: options.maxFileSize });
    const warn = (line: string) => io.err(`llm-glossary: ${line}\n`);
    const cache = NotesCache.open(options.cache.file, 'concepts', options.cache.version, warn);
    outcomes = await cachedOutcomes(files, scanning, cache, key);
    const extra = cache.extraFor(key) as { cwd: string; problems: typeof problems } | undefined;
    problems = extra?.cwd === io.cwd ? extra.problems : glossaryProblems();
    cache.prune(new Set(files), (f) => fs.existsSync(f));
    cache.save(key, { cwd: io.cwd, problems }, warn);
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
    io.out(jsonOutput(results, errors, warnings));
  } else {
    io.out(tableOutput(results));
    for (const p of errors) io.err(`${formatProblem({ ...p, endLine: p.line, endColumn: p.column, severity: 'error' })}\n`);
    for (const p of warnings) io.err(`${formatProblem({ ...p, endLine: p.line, endColumn: p.column, severity: 'warning' })}\n`);
  }
  return errors.length > 0 ? 1 : 0;
}

/** Whether `count` notes are scanned by worker threads. */
function parallel(count: number, s: Scanning): boolean {
  return count >= PARALLEL_FROM && s.cores > 1;
}

/** Reads and scans `files`, by worker threads (`mode`) when there are many; each result goes to `onResult`. */
async function scanFiles(files: readonly string[], s: Scanning, mode: 'scan' | 'cache', onResult: (r: FileScan) => void): Promise<void> {
  const glossary = s.glossary();
  if (!parallel(files.length, s)) {
    const scan = mode === 'cache' ? cachedScanOfFile : scanNote;
    for (const f of files) onResult({ key: f, ...scan(f, s.options.maxFileSize, glossary) });
    return;
  }
  const pool = new ScanPool({ patterns: glossary.patterns, trie: glossary.trie, mode, size: Math.min(s.cores, Math.ceil(files.length / PARALLEL_FROM)) });
  try {
    await pool.scan(files.map((f) => ({ key: f, path: f })), s.options.maxFileSize, onResult);
  } finally {
    await pool.close();
  }
}

/** The outcome of a scanned note. */
function outcomeOf(r: FileScan, s: Scanning): Outcome {
  if (r.error !== undefined) return { error: r.error };
  if (r.skip !== undefined) return { skip: r.skip };
  return { rendered: render(r.scan!, s.glossary(), s.options) };
}

/** Every note scanned (large folders by worker threads). */
async function scanOutcomes(files: readonly string[], s: Scanning): Promise<Map<string, Outcome>> {
  const out = new Map<string, Outcome>();
  if (files.length > 0) await scanFiles(files, s, 'scan', (r) => out.set(r.key, outcomeOf(r, s)));
  return out;
}

/**
 * With --cache: a note whose content hash is in the cache gives its cached report (or, after a change of the
 * glossary or of an option, its cached prose matched again, without a parse); the others are scanned and cached.
 * Notes skipped for their size or for binary content are checked again each run (that costs no parse).
 */
async function cachedOutcomes(files: readonly string[], s: Scanning, cache: NotesCache, key: string): Promise<Map<string, Outcome>> {
  const out = new Map<string, Outcome>();
  const toScan: string[] = [];
  const part = s.options.json ? 0 : 1;
  for (const f of files) {
    const read = readNote(f, s.options.maxFileSize);
    if (!('text' in read)) {
      out.set(f, read);
      if ('error' in read) cache.delete(f);
      continue;
    }
    const e = cache.get(f, read.hash, key);
    const outline = e && e.skip === undefined && !e.result?.[part].length ? e.outline() : undefined;
    if (e?.skip !== undefined) out.set(f, { skip: e.skip });
    else if (e?.result?.[part].length) out.set(f, { rendered: e.result[part] });
    else if (outline) {
      const rendered = render(scanOutline(outline, s.glossary().matcher), s.glossary(), s.options);
      cache.setResult(f, withPart(e?.result, part, rendered));
      out.set(f, { rendered });
    } else toScan.push(f);
  }
  if (toScan.length > 0) {
    await scanFiles(toScan, s, 'cache', (r) => {
      out.set(r.key, outcomeOf(r, s));
      const o = out.get(r.key)!;
      if (r.hash === undefined) cache.delete(r.key);
      else cache.set(r.key, { hash: r.hash, skip: r.skip, outline: r.outline, result: 'rendered' in o ? withPart(undefined, part, o.rendered) : undefined });
    });
  }
  return out;
}

/**
 * What the CLI prints for one note, less its file name, as UTF-8 (so the cache keeps it as is): with --json, its
 * object after the "file" member, indented as in the output's "files" array; else its table after the file name.
 */
function render(scan: ScanResult, glossary: GlossaryIndex, options: Pick<ConceptsOptions, 'json' | 'line'>): Uint8Array {
  const dc = documentConcepts(scan, glossary, { line: options.line });
  return Buffer.from(options.json ? nestedJson(fileJson(dc)) : fileTable(dc));
}

/** Where a note's object sits in the --json output: its text there, less its opening brace. */
const NEST_HEAD = '[\n  [\n    {';
const NEST_TAIL = '\n  ]\n]';

/**
 * `JSON.stringify(o, null, 2)` with every line after the first indented four more spaces, less the opening brace:
 * written two arrays deep, so JSON.stringify indents it in one pass (o is an object with members).
 */
function nestedJson(o: object): string {
  const s = JSON.stringify([[o]], null, 2);
  return s.slice(NEST_HEAD.length, s.length - NEST_TAIL.length);
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
function jsonOutput(files: readonly { file: string; rendered: Uint8Array }[], errors: readonly InputProblem[], warnings: readonly InputProblem[]): Buffer {
  const array = (xs: readonly InputProblem[]) => JSON.stringify(xs, null, 2).replace(/\n/g, '\n  ');
  const parts: Uint8Array[] = [Buffer.from(`{\n  "files": [${files.length === 0 ? ']' : ''}`)];
  files.forEach((f, i) => parts.push(Buffer.from(`${i === 0 ? '' : ','}\n    {\n      "file": ${JSON.stringify(f.file)},`), f.rendered));
  parts.push(Buffer.from(`${files.length === 0 ? '' : '\n  ]'},\n  "errors": ${array(errors)},\n  "warnings": ${array(warnings)}\n}\n`));
  return Buffer.concat(parts);
}

/** The table output: each note's table, a blank line between notes. */
function tableOutput(files: readonly { file: string; rendered: Uint8Array }[]): Buffer {
  return Buffer.concat(files.flatMap((f, i) => [Buffer.from(`${i === 0 ? '' : '\n'}${f.file}`), f.rendered]));
}

function conceptJson(u: ConceptUse) {
  const e = u.entry;
  return {
    id: e.id,
    en: e.en,
    zh: e.zh ?? null,
    abbr: e.abbr ?? null,
    aliases: e.abbr ? [e.abbr, ...e.aliases] : [...e.aliases],
    category: e.category,
    level: e.level,
    count: u.occurrences.length,
    occurrences: u.occurrences.map((o) => ({
      line: o.line,
      column: o.column,
      endLine: o.endLine,
      endColumn: o.endColumn,
      offset: o.start,
      endOffset: o.end,
      text: o.text,
      ...(o.senses ? { senses: { chosen: o.entryId, candidates: o.senses.candidates, by: o.senses.by } } : {}),
    })),
  };
}

function fileJson(dc: DocumentConcepts) {
  return {
    concepts: dc.concepts.map(conceptJson),
    chapters: dc.chapters.map((c) => ({
      title: c.chapter.title,
      line: c.chapter.line,
      endLine: c.chapter.endLine,
      preamble: c.chapter.preamble,
      concepts: c.concepts.map((u) => ({ id: u.entry.id, count: u.occurrences.length })),
    })),
  };
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}

function conceptName(u: ConceptUse): string {
  const e = u.entry;
  const abbr = e.abbr && e.abbr !== e.en ? ` (${e.abbr})` : '';
  return e.zh ? `${e.en}${abbr} / ${e.zh}` : `${e.en}${abbr}`;
}

/** A note's table, less the file name that starts it. */
function fileTable(dc: DocumentConcepts): string {
  const uses = dc.concepts.reduce((n, u) => n + u.occurrences.length, 0);
  const lines = [`: ${dc.concepts.length} concept${dc.concepts.length === 1 ? '' : 's'}, ${uses} use${uses === 1 ? '' : 's'}`];
  for (const c of dc.chapters) {
    const title = c.chapter.preamble ? (c.chapter.depth === 0 && c.chapter.line === 1 && dc.chapters.length === 1 ? '(whole file)' : '(before the first heading)') : c.chapter.title;
    lines.push('', `  ${title}  [lines ${c.chapter.line}-${c.chapter.endLine}]`);
    if (c.concepts.length === 0) {
      lines.push('    (no concepts)');
      continue;
    }
    const names = c.concepts.map(conceptName);
    const width = Math.max(stringWidth('Concept'), ...names.map((n) => stringWidth(n)));
    lines.push(`    ${pad('Concept', width)}  Count  First line`);
    c.concepts.forEach((u, i) => {
      lines.push(`    ${pad(names[i], width)}  ${String(u.occurrences.length).padStart(5)}  ${String(u.occurrences[0].line).padStart(10)}`);
    });
  }
  return lines.join('\n') + '\n';
}
