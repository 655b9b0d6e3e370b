import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GlossaryProblem } from '../core/glossary';
import { parseGlossaryFile } from '../core/glossaryLoader';
import { compileBuiltin } from '../core/precompiled';
import { builtinGlossaryFiles } from '../cli/glossaries';
import { entryForms } from './wordForms';

/**
 * Writes the compiled built-in glossary (dist/glossary.bin) from the YAML files, with every entry's word forms
 * and Traditional-script variants, its index and its matcher's trie, and where each entry's details are in its
 * YAML file; returns the problems found. Run by the build, so nothing at run time needs the inflection or
 * script-conversion libraries, nor builds the index of the built-in glossary on its own.
 */
export function compileGlossary(dir: string, out: string): GlossaryProblem[] {
  const sources = builtinGlossaryFiles(dir).map((f) => {
    const text = fs.readFileSync(f, 'utf8');
    return { parsed: parseGlossaryFile(text, `glossary/${path.basename(f)}`), text };
  });
  const { bytes, index } = compileBuiltin(sources, entryForms);
  fs.writeFileSync(out, bytes);
  // The problems of the glossary as the extension and the CLI will load it, forms included.
  return index.problems.slice();
}
