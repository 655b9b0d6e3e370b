import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GlossaryProblem } from '../core/glossary';
import { indexLayers } from '../core/builtinGlossary';
import type { GlossaryIndex, GlossaryLayer } from '../core/glossaryIndex';
import { parseGlossaryFile, type ParsedGlossaryFile } from '../core/glossaryLoader';
import { describeFsError } from '../node/notes';
import { loadBuiltin, type BuiltinGlossary } from '../core/precompiled';

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

/** Parses the built-in glossary's YAML files (the build compiles this into dist/glossary.bin). */
export function parseBuiltinGlossary(dir = builtinGlossaryDir()): ParsedGlossaryFile[] {
  return builtinGlossaryFiles(dir).map((f) => readGlossaryFile(f, `glossary/${path.basename(f)}`));
}

/** The built-in glossary: compiled beside the bundle when it is there and current, else the YAML files. */
export function builtinGlossary(): BuiltinGlossary {
  const compiled = path.resolve(__dirname, 'glossary.bin');
  try {
    const newest = Math.max(...builtinGlossaryFiles().map((f) => fs.statSync(f).mtimeMs));
    if (fs.statSync(compiled).mtimeMs >= newest) return loadBuiltin(new Uint8Array(fs.readFileSync(compiled)));
  } catch {
    /* no compiled glossary, or one of another format: parse the YAML */
  }
  const files = parseBuiltinGlossary();
  return { files: () => files, fileCount: files.length };
}

/** Loads the built-in glossary (unless turned off) and the given user files, each user file its own layer. */
export function loadGlossaries(options: { builtin: boolean; files: readonly string[]; display?: (f: string) => string }): GlossaryIndex {
  const display = options.display ?? ((f: string) => f);
  const layers: GlossaryLayer[] = options.files.map((f) => ({ builtin: false, files: [readGlossaryFile(f, display(f))] }));
  return indexLayers(options.builtin ? builtinGlossary() : undefined, layers);
}
