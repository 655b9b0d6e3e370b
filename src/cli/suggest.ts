import * as fs from 'node:fs';
import * as path from 'node:path';
import { draftEntriesYaml } from '../core/draftEntries';
import { entryTerms } from '../core/glossary';
import { buildGlossary } from '../core/glossaryIndex';
import { parseGlossaryFile } from '../core/glossaryLoader';
import { SuggestCollector, type Suggestion } from '../core/suggest';
import { normalizeTerm } from '../core/text';
import { DEFAULT_LIMITS, tooComplex } from '../core/limits';
import { describeFsError, readNote } from '../node/notes';
import { expandPaths } from './files';
import { loadGlossaries } from './glossaries';
import { displayPath, type Io } from './main';

export interface SuggestOptions {
  readonly paths: readonly string[];
  readonly json: boolean;
  readonly limit: number;
  readonly minFiles: number;
  readonly write?: string;
  readonly glossaries: readonly string[];
  readonly builtin: boolean;
  readonly maxFileSize: number;
}

/**
 * `llm-glossary suggest`: terms the notes use that the glossary lacks, ranked by how many files use them. With
 * `--write FILE`, appends draft entries to FILE (creating it if needed) and never changes the entries already there.
 */
export function runSuggest(options: SuggestOptions, io: Io): number {
  const show = (f: string) => displayPath(f, io.cwd);
  const writeTo = options.write ? path.resolve(io.cwd, options.write) : undefined;
  // The target file's own entries count as known, so a second run does not suggest them again.
  const extra = [...options.glossaries.map((f) => path.resolve(io.cwd, f))];
  if (writeTo && fs.existsSync(writeTo) && !extra.includes(writeTo)) extra.push(writeTo);
  const glossary = loadGlossaries({ builtin: options.builtin, files: extra, display: show });
  let status = glossary.problems.some((p) => p.severity === 'error') ? 1 : 0;
  for (const p of glossary.problems.filter((x) => x.severity === 'error')) io.err(`${p.file}:${p.line}:${p.column}: ${p.message}\n`);

  const { files, missing } = expandPaths(options.paths.map((p) => path.resolve(io.cwd, p)));
  for (const m of missing) {
    io.err(`${show(m)}:1:1: no such file or folder\n`);
    status = 1;
  }
  const collector = new SuggestCollector(glossary);
  for (const f of files) {
    const read = readNote(f, options.maxFileSize);
    const why = 'text' in read ? tooComplex(read.text, { ...DEFAULT_LIMITS, maxChars: Number.MAX_SAFE_INTEGER }) : undefined;
    if ('text' in read && !why) collector.add(show(f), read.text);
    else if ('error' in read) {
      io.err(`${show(f)}:1:1: ${read.error}\n`);
      status = 1;
    }
  }
  const suggestions = collector.results({ minFiles: options.minFiles, limit: options.limit });

  let written: string[] | undefined;
  if (writeTo) {
    const result = appendDrafts(writeTo, suggestions);
    if ('error' in result) {
      io.err(`${show(writeTo)}: ${result.error}\n`);
      return 1;
    }
    written = result.ids;
    io.err(`${show(writeTo)}: appended ${written.length} draft entr${written.length === 1 ? 'y' : 'ies'}\n`);
  }

  if (options.json) {
    io.out(JSON.stringify({ files: files.length, suggestions, written: written ?? null }, null, 2) + '\n');
  } else {
    io.out(table(suggestions, files.length));
  }
  return status;
}

function table(suggestions: readonly Suggestion[], fileCount: number): string {
  const lines = [`${suggestions.length} suggestions from ${fileCount} files (files, uses, term, kind, details):`];
  suggestions.forEach((s, i) => {
    const details = [s.kind === 'pair' ? [s.en, s.abbr].filter(Boolean).join(', ') : '', s.aliasOf ? `new name for "${s.aliasOf}"` : ''].filter(Boolean).join('; ');
    lines.push(`${String(i + 1).padStart(4)}. ${String(s.files).padStart(4)} ${String(s.count).padStart(5)}  ${s.term}  [${s.kind}]${details ? `  ${details}` : ''}`);
  });
  return lines.join('\n') + '\n';
}

/** Appends draft entries at the end of a glossary file; the existing text is kept byte for byte. */
function appendDrafts(file: string, suggestions: readonly Suggestion[]): { ids: string[] } | { error: string } {
  let text = '';
  if (fs.existsSync(file)) {
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      return { error: `cannot read: ${describeFsError(e)}` };
    }
  }
  const parsed = parseGlossaryFile(text, file);
  if (text.trim() && !/^entries:[ \t]*(#.*)?\r?$/m.test(text)) {
    return { error: 'cannot append: the file has no block "entries:" list to add to (expected a line "entries:")' };
  }
  const lastKey = [...text.matchAll(/^([A-Za-z_][\w-]*):/gm)].pop()?.[1];
  if (text.trim() && lastKey !== 'entries') return { error: 'cannot append: "entries:" is not the last top-level field of the file' };
  const ids = new Set(parsed.entries.map((e) => e.id.value));
  const index = buildGlossary([{ builtin: false, files: [parsed] }]);
  const names = new Set([...index.entries.values()].flatMap((e) => entryTerms(e).map((t) => normalizeTerm(t, false))));
  const { yaml, ids: added } = draftEntriesYaml(suggestions, { ids, names });
  if (!added.length) return { ids: [] };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const prefix = text.trim() ? (text.endsWith('\n') ? '' : eol) : '# Draft entries written by llm-glossary suggest: fill in the definitions, then remove "draft: true".\nentries:\n';
  const addition = prefix + (eol === '\n' ? yaml : yaml.replace(/\n/g, eol));
  try {
    fs.appendFileSync(file, addition, 'utf8');
  } catch (e) {
    return { error: `cannot write: ${describeFsError(e)}` };
  }
  return { ids: added };
}
