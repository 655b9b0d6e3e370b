// What npm run eval and its one-off helpers share: the compiled built-in glossary and the scorer's name index.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { entryTerms } from '../src/core/glossary';
import type { GlossaryIndex } from '../src/core/glossaryIndex';
import { loadBuiltin as loadCompiled } from '../src/core/precompiled';
import { builtinYamlBytes } from '../src/cli/glossaries';
import { normalizeTerm } from '../src/core/text';

/** The repository root (the scripts run from out/eval). */
export const ROOT = path.resolve(__dirname, '..', '..');

/** The built-in glossary as the extension and the CLI load it: dist/glossary.bin, forms included. */
export function loadBuiltin(): GlossaryIndex {
  const yaml = builtinYamlBytes(path.join(ROOT, 'glossary'));
  return loadCompiled(new Uint8Array(fs.readFileSync(path.join(ROOT, 'dist', 'glossary.bin'))), (f) => yaml.get(f)).alone!;
}

/** Entry ids by normalised name: every name an entry is matched by, generated forms included. */
export function nameIndex(glossary: GlossaryIndex): Map<string, Set<string>> {
  const byName = new Map<string, Set<string>>();
  const add = (name: string, id: string) => {
    const k = normalizeTerm(name, false);
    if (!byName.has(k)) byName.set(k, new Set());
    byName.get(k)!.add(id);
  };
  for (const e of glossary.entries.values()) for (const n of entryTerms(e)) add(n, e.id);
  for (const p of glossary.patterns) if (!p.kind || p.kind === 'name') add(p.term, p.entryId);
  return byName;
}
