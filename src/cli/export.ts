import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatProblem } from '../core/glossary';
import type { DisplayLanguage } from '../core/hover';
import { chapterCount, encodeHref, renderExport, type ExportFormat, type ExportGroup, type ExportNote } from '../core/export';
import { describeFsError, scanNote } from '../node/notes';
import { expandPaths } from './files';
import { loadGlossaries } from './glossaries';
import { displayPath, type Io } from './main';

export interface ExportCliOptions {
  readonly paths: readonly string[];
  readonly format: ExportFormat;
  readonly line?: number;
  readonly chapter?: number;
  readonly out?: string;
  readonly language: DisplayLanguage;
  readonly group: ExportGroup;
  readonly glossaries: readonly string[];
  readonly builtin: boolean;
  readonly maxFileSize: number;
}

/**
 * `llm-glossary export`: the concepts of the notes as Anki cards, CSV or a Markdown glossary, on stdout or in the
 * `--out` file, which is written to a temporary file beside it and renamed over it (an existing file is replaced).
 */
export function runExport(options: ExportCliOptions, io: Io): number {
  const show = (f: string) => displayPath(f, io.cwd);
  const problems: string[] = [];
  let status = 0;
  const glossary = loadGlossaries({ builtin: options.builtin, files: options.glossaries.map((f) => path.resolve(io.cwd, f)), display: show });
  for (const p of glossary.problems) {
    problems.push(formatProblem(p));
    if (p.severity === 'error') status = 1;
  }
  const out = options.out === undefined ? undefined : path.resolve(io.cwd, options.out);
  const { files, missing } = expandPaths(options.paths.map((p) => path.resolve(io.cwd, p)));
  for (const m of missing) {
    problems.push(`${show(m)}:1:1: no such file or folder`);
    status = 1;
  }
  if (out && options.paths.some((p) => path.resolve(io.cwd, p) === out)) {
    io.err(`llm-glossary: export: --out ${show(out)} is one of the notes being exported; choose another file\n`);
    return 2;
  }
  // A glossary exported into a folder before is not a note of the next export of that folder.
  const notesFound = out ? files.filter((f) => f !== out) : files;
  const linkFrom = out ? path.dirname(out) : io.cwd;
  const notes: ExportNote[] = [];
  for (const f of notesFound) {
    const r = scanNote(f, options.maxFileSize, glossary);
    if (r.error) {
      problems.push(`${show(f)}:1:1: ${r.error}`);
      status = 1;
    } else if (r.skip) problems.push(`${show(f)}:1:1: warning: ${r.skip}`);
    else if (r.scan) {
      if (options.chapter !== undefined && options.chapter > chapterCount(r.scan)) {
        problems.push(`${show(f)}:1:1: warning: --chapter ${options.chapter}: the note has ${chapterCount(r.scan)} chapter(s)`);
      }
      notes.push({ name: show(f), href: encodeHref(path.relative(linkFrom, f).split(path.sep).join('/')), scan: r.scan });
    }
  }
  const result = renderExport(notes, glossary, { ...options });
  if (out) {
    const error = writeAtomically(out, result.text);
    if (error) problems.push(`${show(out)}: cannot write: ${error}`);
    else problems.push(`${show(out)}: ${result.concepts} concept(s) from ${result.chapters} chapter(s) of ${notes.length} note(s), ${Buffer.byteLength(result.text)} bytes`);
    if (error) status = 1;
  } else {
    io.out(result.text);
  }
  for (const p of problems) io.err(`${p}\n`);
  return status;
}

/** Writes a file through a temporary file in the same folder and a rename, so readers never see half a file. */
function writeAtomically(file: string, text: string): string | undefined {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) return 'is a folder, expected a file';
    fs.writeFileSync(tmp, text, 'utf8');
    fs.renameSync(tmp, file);
    return undefined;
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    return describeFsError(e);
  }
}
