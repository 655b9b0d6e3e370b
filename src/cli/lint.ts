import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatProblem } from '../core/glossary';
import type { GlossaryIndex } from '../core/glossaryIndex';
import { DEFAULT_LIMITS } from '../core/limits';
import { scanNoteText } from '../core/scanner';
import { applyEdits, autoFixEdits, lintTerminology, type TermFinding, type TermSettings } from '../core/terminology';
import { LineIndex } from '../core/text';
import { readNote } from '../node/notes';
import { expandPaths } from './files';
import { loadGlossaries } from './glossaries';
import { displayPath, type Io } from './main';

export interface LintOptions {
  readonly paths: readonly string[];
  readonly json: boolean;
  readonly fix: boolean;
  readonly settings: TermSettings;
  readonly glossaries: readonly string[];
  readonly builtin: boolean;
  readonly maxFileSize: number;
}

/** One finding as printed: 1-based line and column (UTF-16), end exclusive. */
interface Printed {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: string;
  entry: string;
  message: string;
  text: string;
  preferred: string | null;
}

/** One change `--fix` made. */
interface Change {
  file: string;
  line: number;
  column: number;
  from: string;
  to: string;
}

/**
 * `llm-glossary lint PATH...`: the terminology rules over notes, printed as `file:line:column: rule: message`.
 * With `fix`, preferred replacements and introductions are written back (atomically, prose only) and the notes are
 * linted again, so what is printed is what remains. Exit 0 clean, 1 findings or input errors.
 */
export function runLint(options: LintOptions, io: Io): number {
  const show = (f: string) => displayPath(f, io.cwd);
  const glossary = loadGlossaries({ builtin: options.builtin, files: options.glossaries.map((f) => path.resolve(io.cwd, f)), display: show });
  const errors: string[] = glossary.problems.filter((p) => p.severity === 'error').map(formatProblem);
  const { files, missing } = expandPaths(options.paths.map((p) => path.resolve(io.cwd, p)));
  for (const m of missing) errors.push(`${show(m)}:1:1: no such file or folder`);
  const findings: Printed[] = [];
  const changes: Change[] = [];
  for (const f of files) {
    const read = readNote(f, options.maxFileSize);
    if ('error' in read) errors.push(`${show(f)}:1:1: ${read.error}`);
    if (!('text' in read)) continue;
    let text = read.text;
    if (options.fix) {
      const fixed = fixNote(text, glossary, options.settings);
      if (fixed.text !== text) {
        writeAtomically(f, fixed.text);
        changes.push(...fixed.changes.map((c) => ({ file: show(f), ...c })));
        text = fixed.text;
      }
    }
    const lines = new LineIndex(text);
    findings.push(...lintText(text, glossary, options.settings).map((x) => printed(show(f), text, lines, x)));
  }
  if (options.json) io.out(JSON.stringify({ findings, changes, errors }, null, 2) + '\n');
  else {
    for (const c of changes) io.out(`${c.file}:${c.line}:${c.column}: fixed: ${c.from} → ${c.to}\n`);
    for (const x of findings) io.out(`${x.file}:${x.line}:${x.column}: ${x.rule}: ${x.message}\n`);
    for (const e of errors) io.err(`${e}\n`);
    const n = findings.length;
    io.err(`${files.length} file${files.length === 1 ? '' : 's'}: ${n} finding${n === 1 ? '' : 's'}${options.fix ? `, ${changes.length} fixed` : ''}\n`);
  }
  return findings.length > 0 || errors.length > 0 ? 1 : 0;
}

/** The findings of one note's text (none for a note too complex to scan). */
function lintText(text: string, glossary: GlossaryIndex, settings: TermSettings): TermFinding[] {
  const r = scanNoteText(text, glossary, { ...DEFAULT_LIMITS, maxChars: Number.MAX_SAFE_INTEGER });
  return 'scan' in r ? lintTerminology({ text, scan: r.scan }, (id) => glossary.get(id), settings) : [];
}

/** Applies the automatic fixes to a note's text: what it becomes and each change, at its place in the old text. */
export function fixNote(text: string, glossary: GlossaryIndex, settings: TermSettings): { text: string; changes: Omit<Change, 'file'>[] } {
  const edits = autoFixEdits(lintText(text, glossary, settings));
  const lines = new LineIndex(text);
  const changes = edits.map((e) => ({ ...lines.position(e.start), from: text.slice(e.start, e.end), to: e.newText }));
  return { text: applyEdits(text, edits), changes };
}

function printed(file: string, text: string, lines: LineIndex, f: TermFinding): Printed {
  const s = lines.position(f.start);
  const e = lines.position(f.end);
  return {
    file,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    rule: f.rule,
    severity: f.severity,
    entry: f.entryId,
    message: f.message,
    text: text.slice(f.start, f.end),
    preferred: f.args.preferred ?? null,
  };
}

/** Writes a file by writing a temporary file beside it and renaming it over the original. */
function writeAtomically(file: string, text: string): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, text, { mode: fs.statSync(file).mode });
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
