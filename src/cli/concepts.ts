import * as os from 'node:os';
import * as path from 'node:path';
import { ScanPool } from '../node/scanPool';
import type { FileScan } from '../node/scanProtocol';
import stringWidth from 'string-width';
import { documentConcepts, type ConceptUse, type DocumentConcepts } from '../core/concepts';
import { formatProblem, type GlossaryProblem } from '../core/glossary';
import { expandPaths } from './files';
import { scanNote } from '../node/notes';
import { loadGlossaries } from './glossaries';
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

/** `llm-glossary concepts`: the concepts of each note, per chapter, as a table or as JSON. */
export async function runConcepts(options: ConceptsOptions, io: Io): Promise<number> {
  const show = (f: string) => displayPath(f, io.cwd);
  const glossary = loadGlossaries({
    builtin: options.builtin,
    files: options.glossaries.map((f) => path.resolve(io.cwd, f)),
    display: show,
  });
  const errors: InputProblem[] = [];
  const warnings: InputProblem[] = [];
  const fromProblem = (p: GlossaryProblem): InputProblem => ({ file: p.file, line: p.line, column: p.column, message: p.message });
  for (const p of glossary.problems) (p.severity === 'error' ? errors : warnings).push(fromProblem(p));

  const { files, missing } = expandPaths(options.paths.map((p) => path.resolve(io.cwd, p)));
  for (const m of missing) errors.push({ file: show(m), line: 1, column: 1, message: 'no such file or folder' });

  // Large folders are read and scanned by worker threads; small ones here. Either way each note gives a FileScan.
  const byFile = new Map<string, FileScan>();
  const cores = options.jobs ?? os.availableParallelism();
  if (files.length >= PARALLEL_FROM && cores > 1) {
    const pool = new ScanPool({ patterns: glossary.patterns, trie: glossary.trie, size: Math.min(cores, Math.ceil(files.length / PARALLEL_FROM)) });
    try {
      await pool.scan(files.map((f) => ({ key: f, path: f })), options.maxFileSize, (r) => byFile.set(r.key, r));
    } finally {
      await pool.close();
    }
  } else {
    for (const f of files) byFile.set(f, { key: f, ...scanNote(f, options.maxFileSize, glossary) });
  }
  const results: { file: string; concepts: DocumentConcepts }[] = [];
  for (const f of files) {
    const r = byFile.get(f)!;
    if (r.error) errors.push({ file: show(f), line: 1, column: 1, message: r.error });
    else if (r.skip) warnings.push({ file: show(f), line: 1, column: 1, message: r.skip });
    else if (r.scan) results.push({ file: show(f), concepts: documentConcepts(r.scan, glossary, { line: options.line }) });
  }

  if (options.json) {
    io.out(JSON.stringify({ files: results.map((r) => fileJson(r.file, r.concepts)), errors, warnings }, null, 2) + '\n');
  } else {
    io.out(results.map((r) => fileTable(r.file, r.concepts)).join('\n'));
    for (const p of errors) io.err(`${formatProblem({ ...p, endLine: p.line, endColumn: p.column, severity: 'error' })}\n`);
    for (const p of warnings) io.err(`${formatProblem({ ...p, endLine: p.line, endColumn: p.column, severity: 'warning' })}\n`);
  }
  return errors.length > 0 ? 1 : 0;
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

function fileJson(file: string, dc: DocumentConcepts) {
  return {
    file,
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

function fileTable(file: string, dc: DocumentConcepts): string {
  const uses = dc.concepts.reduce((n, u) => n + u.occurrences.length, 0);
  const lines = [`${file}: ${dc.concepts.length} concept${dc.concepts.length === 1 ? '' : 's'}, ${uses} use${uses === 1 ? '' : 's'}`];
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
