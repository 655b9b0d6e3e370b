import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildGlossary, type GlossaryIndex } from '../../src/core/glossaryIndex';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { loadBuiltin, type BuiltinGlossary } from '../../src/core/precompiled';
import { builtinYamlBytes } from '../../src/cli/glossaries';
import type { IndexStorage } from '../../src/core/notesIndex';
import { scanDocument } from '../../src/core/scanner';

/** The repository root (tests run from out/test/unit, sources live in test/). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export function fixture(...parts: string[]): string {
  return fs.readFileSync(path.join(FIXTURES, ...parts), 'utf8');
}

/** A glossary built from inline YAML files (one layer each, in order). */
export function glossaryFrom(...files: { name: string; text: string }[]): GlossaryIndex {
  return buildGlossary(files.map((f) => ({ builtin: false, files: [parseGlossaryFile(f.text, f.name)] })));
}

/** The unit-test glossary in test/fixtures/glossaries/terms.glossary.yaml. */
export function termsGlossary(): GlossaryIndex {
  const g = glossaryFrom({ name: 'terms.glossary.yaml', text: fixture('glossaries', 'terms.glossary.yaml') });
  if (g.problems.length) throw new Error(`fixture glossary has problems: ${JSON.stringify(g.problems)}`);
  return g;
}

/** The built-in glossary as the build compiled it (dist/glossary.bin), loaded as the extension loads it. */
export function compiledBuiltin(): BuiltinGlossary {
  const yaml = builtinYamlBytes(path.join(ROOT, 'glossary'));
  return loadBuiltin(new Uint8Array(fs.readFileSync(path.join(ROOT, 'dist', 'glossary.bin'))), (f) => yaml.get(f));
}

/** The entry each use of `surface` in `text` gets from the compiled built-in glossary, in order. */
export function builtinSense(): (text: string, surface: string) => string[] {
  const builtin = compiledBuiltin().alone!;
  return (text, surface) => scanDocument(text, builtin).occurrences.filter((o) => o.text === surface).map((o) => o.entryId);
}

/** One test per row: [a sentence, a surface in it, the entries its uses of the surface get]. */
export function itSenses(cases: readonly (readonly [string, string, readonly string[]])[], sense = builtinSense()): void {
  for (const [text, surface, want] of cases) {
    it(`${surface}: ${text.replace(/\s+/g, ' ').slice(0, 50)}`, () => assert.deepEqual(sense(text, surface), want));
  }
}

/** Notes index storage in a variable, kept as text to read and damage; `version` is the host's tool version. */
export function memoryStorage(initial?: string, version?: string): IndexStorage & { text: string | undefined; writes: number } {
  const s = {
    text: initial,
    writes: 0,
    version,
    read: async () => (s.text === undefined ? undefined : new TextEncoder().encode(s.text)),
    write: async (bytes: Uint8Array) => {
      s.writes++;
      s.text = new TextDecoder().decode(bytes);
    },
  };
  return s;
}
