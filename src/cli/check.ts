import * as path from 'node:path';
import { formatProblem } from '../core/glossary';
import { buildGlossary } from '../core/glossaryIndex';
import { readGlossaryFile } from './glossaries';
import { displayPath, type Io } from './main';

/**
 * `llm-glossary check FILE...`: validates glossary files together (as one layer, so ids and names must be unique
 * across them) and prints every problem as `file:line:column: message`. Exit 1 when any error was found.
 */
export function runCheck(options: { files: readonly string[]; json: boolean }, io: Io): number {
  const parsed = options.files.map((f) => readGlossaryFile(path.resolve(io.cwd, f), displayPath(f, io.cwd)));
  const index = buildGlossary([{ builtin: false, files: parsed }]);
  const problems = [...index.problems].sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1));
  const errors = problems.filter((p) => p.severity === 'error');
  if (options.json) {
    io.out(JSON.stringify({ entries: index.entries.size, problems }, null, 2) + '\n');
  } else {
    for (const p of problems) io.out(formatProblem(p) + '\n');
    const warnings = problems.length - errors.length;
    io.err(
      `${options.files.length} file${options.files.length === 1 ? '' : 's'}, ${index.entries.size} entries: ` +
        `${errors.length} error${errors.length === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`,
    );
  }
  return errors.length > 0 ? 1 : 0;
}
