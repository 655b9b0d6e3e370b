import type { ParsedGlossaryFile } from './glossaryLoader';
import { parseGlossaryFile } from './glossaryLoader';
import { revive, type PrecompiledGlossary } from './precompiled';
import { decodeText, type Logger } from './workspace';

/** Where the built-in glossary is: the JSON precompiled at build time, and the YAML files as a fallback. */
export interface BuiltinGlossaryFiles {
  readonly readFile: (uri: string) => Promise<Uint8Array>;
  /** URI of `dist/glossary.json`. */
  readonly precompiled: string;
  /** The YAML files of `glossary/`, each with its display name (`glossary/models.yaml`). */
  readonly yamlFiles: () => Promise<readonly { uri: string; file: string }[]>;
}

/** Reads the built-in glossary: the precompiled JSON, or, where that is missing, the YAML files. */
export async function readBuiltinGlossary(files: BuiltinGlossaryFiles, log: Logger): Promise<ParsedGlossaryFile[]> {
  try {
    return revive(JSON.parse(decodeText(await files.readFile(files.precompiled))) as PrecompiledGlossary);
  } catch (e) {
    log.warn(`precompiled glossary unavailable (${(e as Error).message}); parsing the YAML files`);
  }
  const out: ParsedGlossaryFile[] = [];
  for (const f of await files.yamlFiles()) out.push(parseGlossaryFile(decodeText(await files.readFile(f.uri)), f.file));
  return out;
}
