import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GlossaryProblem } from '../core/glossary';
import { indexLayers } from '../core/builtinGlossary';
import type { GlossaryIndex, GlossaryLayer } from '../core/glossaryIndex';
import { parseGlossaryFile, type ParsedGlossaryFile } from '../core/glossaryLoader';
import { describeFsError } from '../node/notes';
import { openBuiltin, type BuiltinGlossary, type CompiledGlossary } from '../core/precompiled';

/** The folder of the glossary shipped with the package (`glossary/` beside `dist/`). */
export function builtinGlossaryDir(): string {
  return path.resolve(__dirname, '..', 'glossary');
}

/** The display name of a built-in glossary file (`glossary/models.yaml`). */
const displayName = (file: string) => `glossary/${path.basename(file)}`;

/** The YAML files of the built-in glossary, sorted. */
export function builtinGlossaryFiles(dir = builtinGlossaryDir()): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f));
}

/** A glossary file's text as read, or why it could not be read. */
export type GlossaryText = { readonly file: string; readonly text: string } | { readonly file: string; readonly error: string };

/** Reads a glossary file's text; a file that cannot be read gives the reason instead of an exception. */
export function readGlossaryText(file: string): GlossaryText {
  try {
    return { file, text: fs.readFileSync(file, 'utf8') };
  } catch (e) {
    return { file, error: describeFsError(e) };
  }
}

/** Parses a glossary file's text; an unreadable file becomes a problem at its start. */
export function parseGlossaryText(read: GlossaryText, display = read.file): ParsedGlossaryFile {
  if ('text' in read) return parseGlossaryFile(read.text, display);
  const problem: GlossaryProblem = { file: display, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', message: `cannot read glossary file: ${read.error}` };
  return { file: display, entries: [], problems: [problem] };
}

/** Reads and parses one glossary file; a file that cannot be read becomes a problem, not an exception. */
export function readGlossaryFile(file: string, display = file): ParsedGlossaryFile {
  return parseGlossaryText(readGlossaryText(file), display);
}

/** The bytes of the built-in glossary's YAML files, by display name: what the compiled glossary's entries point into. */
export function builtinYamlBytes(dir = builtinGlossaryDir()): ReadonlyMap<string, Uint8Array> {
  return new Map(builtinGlossaryFiles(dir).map((f) => [displayName(f), new Uint8Array(fs.readFileSync(f))]));
}

/** Parses the built-in glossary's YAML files (the build compiles this into dist/glossary.bin). */
export function parseBuiltinGlossary(dir = builtinGlossaryDir()): ParsedGlossaryFile[] {
  return builtinGlossaryFiles(dir).map((f) => readGlossaryFile(f, displayName(f)));
}

/**
 * Where the built-in glossary comes from: the compiled file beside the bundle when it is there and current, with
 * the YAML files its entries point into (by display name), else the YAML.
 */
export type BuiltinSource = { readonly bin: Uint8Array; readonly yamlBytes: ReadonlyMap<string, Uint8Array> } | { readonly yaml: GlossaryText[] };

function builtinSource(): BuiltinSource {
  const compiled = path.resolve(__dirname, 'glossary.bin');
  try {
    const files = builtinGlossaryFiles();
    const newest = Math.max(...files.map((f) => fs.statSync(f).mtimeMs));
    if (fs.statSync(compiled).mtimeMs >= newest) {
      return { bin: new Uint8Array(fs.readFileSync(compiled)), yamlBytes: builtinYamlBytes() };
    }
  } catch {
    /* no compiled glossary: parse the YAML */
  }
  return { yaml: builtinGlossaryFiles().map(readGlossaryText) };
}

/**
 * The built-in glossary from its source. A compiled file of another format falls back to the YAML; so does one
 * whose YAML files are not those it was compiled from, with one line on stderr.
 */
function builtinFrom(source: BuiltinSource): BuiltinGlossary {
  if ('bin' in source) {
    let compiled: CompiledGlossary | undefined;
    try {
      compiled = openBuiltin(source.bin);
    } catch {
      /* another format: parse the YAML */
    }
    try {
      if (compiled) return compiled.load((f) => source.yamlBytes.get(f));
    } catch (e) {
      process.stderr.write(`llm-glossary: the compiled built-in glossary does not match its YAML (${(e as Error).message}); parsing the YAML files\n`);
    }
  }
  const files = ('yaml' in source ? source.yaml : builtinGlossaryFiles().map(readGlossaryText)).map((t) => parseGlossaryText(t, displayName(t.file)));
  return { files: () => files, fileCount: files.length };
}

/** The built-in glossary: compiled beside the bundle when it is there and current, else the YAML files. */
export function builtinGlossary(): BuiltinGlossary {
  return builtinFrom(builtinSource());
}

/** The texts a glossary is built from, read once: so a fingerprint of them describes exactly what was loaded. */
export interface GlossarySources {
  readonly builtin?: BuiltinSource;
  readonly files: readonly GlossaryText[];
}

/** Reads the built-in glossary (unless turned off) and the given user files. */
export function readGlossarySources(options: { builtin: boolean; files: readonly string[] }): GlossarySources {
  return { builtin: options.builtin ? builtinSource() : undefined, files: options.files.map(readGlossaryText) };
}

/** Builds the glossary from its sources: the built-in layer, then each user file its own layer. */
export function glossaryFromSources(sources: GlossarySources, display: (f: string) => string = (f) => f): GlossaryIndex {
  const user: GlossaryLayer[] = sources.files.map((t) => ({ builtin: false, files: [parseGlossaryText(t, display(t.file))] }));
  return indexLayers(sources.builtin ? builtinFrom(sources.builtin) : undefined, user);
}

/** Loads the built-in glossary (unless turned off) and the given user files, each user file its own layer. */
export function loadGlossaries(options: { builtin: boolean; files: readonly string[]; display?: (f: string) => string }): GlossaryIndex {
  return glossaryFromSources(readGlossarySources(options), options.display);
}
