import * as fs from 'node:fs';
import type { GlossaryProblem } from '../core/glossary';
import { compileBuiltin } from '../core/precompiled';
import { parseBuiltinGlossary } from '../cli/glossaries';
import { entryForms } from './wordForms';

/**
 * Writes the compiled built-in glossary (dist/glossary.bin) from the YAML files, with every entry's word forms
 * and Traditional-script variants, its index and its matcher's trie; returns the problems found. Run by the build,
 * so nothing at run time needs the inflection or script-conversion libraries, nor builds the index of the
 * built-in glossary on its own.
 */
export function compileGlossary(dir: string, out: string): GlossaryProblem[] {
  const { bytes, index } = compileBuiltin(parseBuiltinGlossary(dir), entryForms);
  fs.writeFileSync(out, bytes);
  // The problems of the glossary as the extension and the CLI will load it, forms included.
  return index.problems.slice();
}
