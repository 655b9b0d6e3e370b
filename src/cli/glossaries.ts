import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GlossaryProblem } from '../core/glossary';
import { buildGlossary, type GlossaryIndex, type GlossaryLayer } from '../core/glossaryIndex';
import { parseGlossaryFile, type ParsedGlossaryFile } from '../core/glossaryLoader';
import { describeFsError } from './files';

/** The folder of the glossary shipped with the package (`glossary/` beside `dist/`). */
export function builtinGlossaryDir(): string {
  return path.resolve(__dirname, '..', 'glossary');
}

/** The YAML files of the built-in glossary, sorted. */
export function builtinGlossaryFiles(dir = builtinGlossaryDir()): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** Reads and parses one glossary file; a file that cannot be read becomes a problem, not an exception. */
export function readGlossaryFile(file: string, display = file): ParsedGlossaryFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    const problem: GlossaryProblem = { file: display, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', message: `cannot read glossary file: ${describeFsError(e)}` };
    return { file: display, entries: [], problems: [problem] };
  }
  return parseGlossaryFile(text, display);
}

/** Loads the built-in glossary (unless turned off) and the given user files, each user file its own layer. */
export function loadGlossaries(options: { builtin: boolean; files: readonly string[]; display?: (f: string) => string }): GlossaryIndex {
  const display = options.display ?? ((f: string) => f);
  const layers: GlossaryLayer[] = [];
  if (options.builtin) {
    layers.push({ builtin: true, files: builtinGlossaryFiles().map((f) => readGlossaryFile(f, path.join('glossary', path.basename(f)))) });
  }
  for (const f of options.files) layers.push({ builtin: false, files: [readGlossaryFile(f, display(f))] });
  return buildGlossary(layers);
}
