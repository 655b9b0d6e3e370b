import type { SenseSpec, SourceRange } from './glossary';
import type { Located, ParsedGlossaryFile, RawEntry } from './glossaryLoader';

type Range = Omit<SourceRange, 'file'>;
type Loc = { value: string; range: Range };
type CompactEntry = Omit<RawEntry, 'fields' | 'range' | 'id' | 'en' | 'zh' | 'abbr' | 'aliases' | 'related' | 'senses' | 'notIn'> & {
  senses: { value: SenseSpec; range: Range }[];
  notIn: Loc[];
  fields: string[];
  range: Range;
  id: Loc;
  en: Loc;
  zh?: Loc;
  abbr?: Loc;
  aliases: Loc[];
  related: Loc[];
};

/** The built-in glossary as parsed at build time, so activation reads JSON instead of parsing YAML. */
export interface PrecompiledGlossary {
  readonly format: 1;
  readonly files: readonly { file: string; entries: CompactEntry[]; problems: ParsedGlossaryFile['problems'] }[];
}

const strip = ({ file: _file, ...r }: SourceRange): Range => r;
const loc = (l: Located<string>): Loc => ({ value: l.value, range: strip(l.range) });

/**
 * Turns parsed glossary files into compact JSON-safe data (file names stored once per file), with each entry's
 * generated word forms and variants when `forms` is given, so loading needs no inflection at run time.
 */
export function precompile(files: readonly ParsedGlossaryFile[], forms?: (e: RawEntry) => readonly string[]): PrecompiledGlossary {
  return {
    format: 1,
    files: files.map((f) => ({
      file: f.file,
      problems: f.problems,
      entries: f.entries.map((e) => ({
        ...e,
        ...(forms ? { forms: [...forms(e)] } : {}),
        fields: [...e.fields],
        range: strip(e.range),
        id: loc(e.id),
        en: loc(e.en),
        zh: e.zh && loc(e.zh),
        abbr: e.abbr && loc(e.abbr),
        aliases: e.aliases.map(loc),
        related: e.related.map(loc),
        senses: e.senses.map((x) => ({ value: x.value, range: strip(x.range) })),
        notIn: e.notIn.map(loc),
      })),
    })),
  };
}

/** Revives precompiled data into parsed glossary files. */
export function revive(data: PrecompiledGlossary): ParsedGlossaryFile[] {
  if (data?.format !== 1 || typeof data.files?.map !== 'function') throw new Error('not a precompiled glossary (format 1)');
  return data.files.map((f) => {
    const at = (r: Range): SourceRange => ({ file: f.file, ...r });
    const back = (l: Loc): Located<string> => ({ value: l.value, range: at(l.range) });
    return {
      file: f.file,
      problems: f.problems,
      entries: f.entries.map(
        (e): RawEntry => ({
          ...e,
          fields: new Set(e.fields),
          range: at(e.range),
          id: back(e.id),
          en: back(e.en),
          zh: e.zh && back(e.zh),
          abbr: e.abbr && back(e.abbr),
          aliases: e.aliases.map(back),
          related: e.related.map(back),
          senses: (e.senses ?? []).map((x) => ({ value: x.value, range: at(x.range) })),
          notIn: (e.notIn ?? []).map(back),
        }),
      ),
    };
  });
}
