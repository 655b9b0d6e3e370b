import * as fs from 'node:fs';
import type { GlossaryProblem } from '../core/glossary';
import { buildGlossary } from '../core/glossaryIndex';
import { precompile, revive } from '../core/precompiled';
import { parseBuiltinGlossary } from '../cli/glossaries';
import { entryForms } from './wordForms';

/**
 * Writes the precompiled built-in glossary (dist/glossary.json) from the YAML files, with every entry's word forms
 * and Traditional-script variants; returns the problems found. Run by the build, so nothing at run time needs the
 * inflection or script-conversion libraries.
 */
export function compileGlossary(dir: string, out: string): GlossaryProblem[] {
  const compiled = precompile(parseBuiltinGlossary(dir), entryForms);
  fs.writeFileSync(out, JSON.stringify(compiled));
  // The problems of the glossary as the extension and the CLI will load it, forms included.
  return buildGlossary([{ builtin: true, files: revive(compiled) }]).problems.slice();
}
