import * as path from 'node:path';
import { formatProblem } from '../core/glossary';
import { buildGlossary } from '../core/glossaryIndex';
import { hashKey, memoized } from './cache';
import { parseGlossaryText, readGlossaryText } from './glossaries';
import { displayPath, type Io } from './main';

/** What `check` prints, and its exit status. */
interface CheckAnswer {
  readonly out: string;
  readonly err: string;
  readonly status: number;
}

/**
 * `llm-glossary check FILE...`: validates glossary files together (as one layer, so ids and names must be unique
 * across them) and prints every problem as `file:line:column: message`. Exit 1 when any error was found. With
 * --cache, the answer is kept under a hash of the files' names and texts, the options and the tool version.
 */
export function runCheck(options: { files: readonly string[]; json: boolean; cache?: { file: string; version: string } }, io: Io): number {
  const texts = options.files.map((f) => ({ display: displayPath(f, io.cwd), ...readGlossaryText(path.resolve(io.cwd, f)) }));
  const compute = () => check(texts, options);
  const key = hashKey({ json: options.json, texts });
  const answer = options.cache ? memoized(options.cache.file, 'check', options.cache.version, key, compute, (l) => io.err(`llm-glossary: ${l}\n`)) : compute();
  if (answer.out) io.out(answer.out);
  if (answer.err) io.err(answer.err);
  return answer.status;
}

function check(texts: readonly (ReturnType<typeof readGlossaryText> & { display: string })[], options: { files: readonly string[]; json: boolean }): CheckAnswer {
  const parsed = texts.map((t) => parseGlossaryText(t, t.display));
  const index = buildGlossary([{ builtin: false, files: parsed }]);
  const problems = [...index.problems].sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
  const errors = problems.filter((p) => p.severity === 'error');
  const status = errors.length > 0 ? 1 : 0;
  if (options.json) return { out: JSON.stringify({ entries: index.entries.size, problems }, null, 2) + '\n', err: '', status };
  const warnings = problems.length - errors.length;
  return {
    out: problems.map((p) => formatProblem(p) + '\n').join(''),
    err:
      `${options.files.length} file${options.files.length === 1 ? '' : 's'}, ${index.entries.size} entries: ` +
      `${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
    status,
  };
}
