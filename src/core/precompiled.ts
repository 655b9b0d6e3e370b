import type { SenseSpec, SourceRange, TermLanguage } from './glossary';
import type { Located, ParsedGlossaryFile, RawEntry } from './glossaryLoader';

/** A place in the file as `[line, column, endLine, endColumn]`: half the size of an object in JSON. */
type Range = [number, number, number, number];
/** A located string as `[value, ...range]`. */
type Loc = [string, number, number, number, number];
type CompactEntry = Omit<RawEntry, 'fields' | 'range' | 'id' | 'en' | 'zh' | 'abbr' | 'aliases' | 'related' | 'senses' | 'notIn' | 'preferred' | 'avoid'> & {
  preferred?: Partial<Record<TermLanguage, Loc>>;
  avoid?: Partial<Record<TermLanguage, Loc[]>>;
  senses: [SenseSpec, ...Range][];
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
  readonly format: 3;
  readonly files: readonly { file: string; entries: CompactEntry[]; problems: ParsedGlossaryFile['problems'] }[];
}

const strip = (r: SourceRange): Range => [r.line, r.column, r.endLine, r.endColumn];
const loc = (l: Located<string>): Loc => [l.value, ...strip(l.range)];

/**
 * Turns parsed glossary files into compact JSON-safe data (file names stored once per file), with each entry's
 * generated word forms and variants when `forms` is given, so loading needs no inflection at run time.
 */
export function precompile(files: readonly ParsedGlossaryFile[], forms?: (e: RawEntry) => readonly string[]): PrecompiledGlossary {
  return {
    format: 3,
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
        senses: e.senses.map((x): [SenseSpec, ...Range] => [x.value, ...strip(x.range)]),
        notIn: e.notIn.map(loc),
        preferred: e.preferred && mapLanguages(e.preferred, loc),
        avoid: e.avoid && mapLanguages(e.avoid, (l) => l.map(loc)),
      })),
    })),
  };
}

/** Revives precompiled data into parsed glossary files. */
export function revive(data: PrecompiledGlossary): ParsedGlossaryFile[] {
  if (data?.format !== 3 || typeof data.files?.map !== 'function') throw new Error('not a precompiled glossary (format 3)');
  return data.files.map((f) => {
    const at = (r: readonly unknown[], i = 0): SourceRange => ({ file: f.file, line: r[i] as number, column: r[i + 1] as number, endLine: r[i + 2] as number, endColumn: r[i + 3] as number });
    const back = (l: Loc): Located<string> => ({ value: l[0], range: at(l, 1) });
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
          senses: (e.senses ?? []).map((x) => ({ value: x[0], range: at(x, 1) })),
          notIn: (e.notIn ?? []).map(back),
          preferred: e.preferred && mapLanguages(e.preferred, back),
          avoid: e.avoid && mapLanguages(e.avoid, (l) => l.map(back)),
        }),
      ),
    };
  });
}

/** Maps the per-language values of a `preferred` or `avoid` field. */
function mapLanguages<A, B>(o: Partial<Record<TermLanguage, A>>, f: (a: A) => B): Partial<Record<TermLanguage, B>> {
  const out: Partial<Record<TermLanguage, B>> = {};
  for (const [l, v] of Object.entries(o) as [TermLanguage, A][]) out[l] = f(v);
  return out;
}
