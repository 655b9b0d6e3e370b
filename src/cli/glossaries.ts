import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GlossaryProblem } from '../core/glossary';
import { buildGlossary, type GlossaryIndex, type GlossaryLayer } from '../core/glossaryIndex';
import { parseGlossaryFile, type ParsedGlossaryFile } from '../core/glossaryLoader';
import { describeFsError } from '../node/notes';
import { revive, type PrecompiledGlossary } from '../core/precompiled';

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

/** Parses the built-in glossary's YAML files (the build precompiles this into dist/glossary.json). */
export function parseBuiltinGlossary(dir = builtinGlossaryDir()): ParsedGlossaryFile[] {
  return builtinGlossaryFiles(dir).map((f) => readGlossaryFile(f, `glossary/${path.basename(f)}`));
}

/** The built-in glossary: precompiled JSON beside the bundle when it is there and current, else the YAML files. */
export function builtinGlossary(): ParsedGlossaryFile[] {
  const json = path.resolve(__dirname, 'glossary.json');
  try {
    const newest = Math.max(...builtinGlossaryFiles().map((f) => fs.statSync(f).mtimeMs));
    if (fs.statSync(json).mtimeMs >= newest) return revive(JSON.parse(fs.readFileSync(json, 'utf8')) as PrecompiledGlossary);
  } catch {
    /* no precompiled glossary: parse the YAML */
  }
  return parseBuiltinGlossary();
}

/** Loads the built-in glossary (unless turned off) and the given user files, each user file its own layer. */
export function loadGlossaries(options: { builtin: boolean; files: readonly string[]; display?: (f: string) => string }): GlossaryIndex {
  const display = options.display ?? ((f: string) => f);
  const layers: GlossaryLayer[] = [];
  if (options.builtin) layers.push({ builtin: true, files: builtinGlossary() });
  for (const f of options.files) layers.push({ builtin: false, files: [readGlossaryFile(f, display(f))] });
  return buildGlossary(layers);
}
