import { buildGlossary, type GlossaryIndex, type GlossaryLayer } from './glossaryIndex';
import { parseGlossaryFile, type ParsedGlossaryFile } from './glossaryLoader';
import { once } from './lazy';
import { hashText } from './noteProse';
import { openBuiltin, type BuiltinGlossary } from './precompiled';
import { decodeText, type Logger } from './workspace';

export type { BuiltinGlossary } from './precompiled';

/** Where the built-in glossary is: the file compiled at build time, and the YAML files as a fallback. */
export interface BuiltinGlossaryFiles {
  readonly readFile: (uri: string) => Promise<Uint8Array>;
  /** URI of `dist/glossary.bin`. */
  readonly precompiled: string;
  /** The YAML files of `glossary/`, each with its display name (`glossary/models.yaml`). */
  readonly yamlFiles: () => Promise<readonly { uri: string; file: string }[]>;
  /** URI of a YAML file of `glossary/` by its display name. */
  readonly yamlUri: (file: string) => string;
}

/**
 * Reads the built-in glossary: the compiled file with the YAML files its entries' details are read from, or,
 * where it is missing, unreadable or not compiled from those files, the YAML files parsed.
 */
export async function readBuiltinGlossary(files: BuiltinGlossaryFiles, log: Logger): Promise<BuiltinGlossary> {
  try {
    const compiled = openBuiltin(await files.readFile(files.precompiled));
    const yaml = new Map(await Promise.all(compiled.yamlFiles.map(async (f) => [f, await files.readFile(files.yamlUri(f))] as const)));
    return compiled.load((f) => yaml.get(f));
  } catch (e) {
    log.warn(`precompiled glossary unavailable (${(e as Error).message}); parsing the YAML files`);
  }
  const out: ParsedGlossaryFile[] = [];
  const texts: string[] = [];
  for (const f of await files.yamlFiles()) {
    const text = decodeText(await files.readFile(f.uri));
    texts.push(f.file, text);
    out.push(parseGlossaryFile(text, f.file));
  }
  return { files: () => out, fileCount: out.length, fingerprint: once(() => `yaml:${hashText(texts.join('\0'))}`) };
}

/**
 * The glossary of the built-in layer (if any) under the user's layers. The built-in glossary on its own is the
 * index compiled with it; merging with user layers revives its files and builds the index.
 */
export function indexLayers(builtin: BuiltinGlossary | undefined, user: readonly GlossaryLayer[]): GlossaryIndex {
  if (builtin?.alone && user.length === 0) return builtin.alone;
  return buildGlossary([...(builtin ? [{ builtin: true, files: builtin.files() }] : []), ...user], { base: builtin?.alone });
}
