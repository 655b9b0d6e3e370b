import type { GlossaryEntry, GlossaryProblem, SenseSpec, SourceRange, TermLanguage } from './glossary';
import { buildGlossary, GlossaryIndex } from './glossaryIndex';
import type { Located, ParsedGlossaryFile, RawEntry } from './glossaryLoader';
import { later, once } from './lazy';
import type { CompiledTrie, MatchPattern, PatternTable } from './matcher';
import { decodeText } from './workspace';
import { contentHash, derivedValues, differences, EntrySlice, mapLanguages, packRecords, referenceTexts, SLICE_STRIDE, sliceRecords, unpackRecords, valuesOf, withDifferences } from './yamlDetails';

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

/** Parsed glossary files in a compact JSON-safe form (the entries of a compiled built-in glossary are stored so). */
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

/** The format of the compiled built-in glossary (`dist/glossary.bin`); a file of another format is not read. */
export const BUILTIN_FORMAT = 8;
const MAGIC = 'LLMG';

/** The built-in glossary as loaded: on its own already indexed, and its parsed files for merging with others. */
export interface BuiltinGlossary {
  /** The parsed files, for merging with the user's layers (revived on the first call when compiled). */
  files(): readonly ParsedGlossaryFile[];
  /** How many files `files()` gives. */
  readonly fileCount: number;
  /** The built-in glossary on its own, indexed when it was compiled (absent when it was read from YAML). */
  readonly alone?: GlossaryIndex;
  /** A hash of what it was loaded from, worked out on the first call (as a glossary state's `fingerprint`). */
  readonly fingerprint?: () => string;
}

/**
 * An entry as needed to match and list it, read at load: its definition, references and places wait in its YAML
 * file (`slice` is its entry in the `slices` section, in file order).
 */
type HotEntry = [slice: number, id: string, en: string, zh: string | null, abbr: string | null, aliases: string[], category: string, level: GlossaryEntry['level'], related: string[], caseSensitive: boolean | null, draft: boolean | null, verb: string | null, senses: SenseSpec[], notIn: string[], forms: string[] | null, preferred: GlossaryEntry['preferred'], avoid: GlossaryEntry['avoid']];
/**
 * What an entry's slice record does not give: the parsed values in which it differs from its hot entry's (a
 * related id listed twice, say), or, where its item cannot be read on its own, the whole entry.
 */
type Extra = { values?: Record<string, unknown>; inline?: CompactEntry };

/**
 * A pattern: `[term, entry, flags]` for a plain name (bit 0 case-sensitive, bit 1 plural), else `[term, entry,
 * rest]`; a term that is one of its entry's names or forms is given as its place in {@link namesOf}.
 */
type CompactPattern = [string | number, number, number | Omit<MatchPattern, 'term' | 'entryId'>];

interface Header {
  /** Each file, with the size and hash of the YAML its entries point into (absent where they are all inline). */
  readonly files: readonly { file: string; problems: readonly GlossaryProblem[]; entries: number; yaml?: { bytes: number; hash: string } }[];
  readonly problems: readonly GlossaryProblem[];
  /** Entry ids, in index order: the rest of each entry is in the `hot` section, read on first access. */
  readonly ids: readonly string[];
  /** Offset (from the end of the header, rounded up to 8) and length in bytes of each binary section. */
  readonly sections: Record<Section, [number, number]>;
}
type Section = 'hot' | 'patterns' | 'label' | 'count' | 'ends' | 'flags' | 'slices' | 'references' | 'extras';

const PLAIN_KEYS = 'caseSensitive,entryId,plural,term';

/** An entry's names, then its forms: what a pattern's term may point into. */
const namesOf = (t: HotEntry): string[] => [t[2], ...(t[3] === null ? [] : [t[3]]), ...(t[4] === null ? [] : [t[4]]), ...t[5], ...(t[14] ?? [])];

function compactPattern(p: MatchPattern, entry: number, names: readonly string[]): CompactPattern {
  const { term, entryId: _id, ...rest } = p;
  const k = p.kind === undefined ? names.indexOf(term) : -1;
  const t = k >= 0 ? k : term;
  if (Object.keys(p).sort().join() === PLAIN_KEYS && typeof p.caseSensitive === 'boolean' && typeof p.plural === 'boolean') {
    return [t, entry, (p.caseSensitive ? 1 : 0) | (p.plural ? 2 : 0)];
  }
  return [t, entry, rest];
}

function revivePattern(p: CompactPattern, ids: readonly string[], names: (entry: number) => readonly string[]): MatchPattern {
  const [t, entry, rest] = p;
  const term = typeof t === 'number' ? names(entry)[t] : t;
  if (typeof rest === 'number') return { term, entryId: ids[entry], caseSensitive: (rest & 1) !== 0, plural: (rest & 2) !== 0 };
  return { term, entryId: ids[entry], ...rest };
}

/** The values a hot entry gives of its parsed entry (see {@link derivedValues}). */
const hotValues = (t: HotEntry) => ({
  id: t[1],
  en: t[2],
  zh: t[3] ?? undefined,
  abbr: t[4] ?? undefined,
  aliases: t[5],
  category: t[6],
  level: t[7],
  related: t[8],
  caseSensitive: t[9] ?? undefined,
  draft: t[10] ?? undefined,
  verb: t[11] ?? undefined,
  senses: t[12],
  notIn: t[13],
  preferred: t[15],
  avoid: t[16],
});

/** A glossary file to compile: its parsed form and, for its entries to point into it, the YAML text it was parsed from. */
export interface CompileSource {
  readonly parsed: ParsedGlossaryFile;
  readonly text?: string;
}

/**
 * Compiles the built-in glossary into one file: a JSON header with what matching and listing need (entries without
 * their definitions, patterns), then binary sections: the matcher's trie, and where each entry is in its YAML file
 * (its definitions, references and places are read from there when asked for; an entry given without its text, or
 * whose item cannot be read on its own, is stored whole). Returns the bytes and the index they load back into.
 */
export function compileBuiltin(sources: readonly CompileSource[], forms?: (e: RawEntry) => readonly string[]): { bytes: Uint8Array; index: GlossaryIndex } {
  const files = sources.map((s) => s.parsed);
  const compact = precompile(files, forms);
  const index = buildGlossary([{ builtin: true, files: revive(compact) }]);
  const all = compact.files.flatMap((f) => f.entries);
  const firstChunk = new Map<string, number>();
  all.forEach((e, k) => firstChunk.has(e.id[0]) || firstChunk.set(e.id[0], k));
  const ids = [...index.entries.keys()];
  const idIndex = new Map(ids.map((id, i) => [id, i]));
  const entries = [...index.entries.values()].map((e): HotEntry => {
    if (!e.builtin) throw new Error(`entry ${e.id} is not built-in`);
    const k = firstChunk.get(e.id)!;
    return [k, e.id, e.en, e.zh ?? null, e.abbr ?? null, [...e.aliases], e.category, e.level, [...e.related], e.caseSensitive ?? null, e.draft ?? null, e.verb ?? null, [...e.senses], [...e.notIn], all[k].forms ? [...all[k].forms] : null, { ...e.preferred }, { zh: [...e.avoid.zh], en: [...e.avoid.en] }];
  });
  const hotOf = new Map(entries.map((t, i) => [t[0], i]));
  const { records, extras } = slicesOf(sources, all, (k) => (hotOf.has(k) ? entries[hotOf.get(k)!] : undefined));
  const encoder = new TextEncoder();
  const names = entries.map(namesOf);
  const patterns = index.patterns.map((p) => compactPattern(p, idIndex.get(p.entryId)!, names[idIndex.get(p.entryId)!]));
  const trie = index.automaton().compiled();
  const binary: Record<Section, Uint8Array> = {
    hot: encoder.encode(JSON.stringify(entries)),
    patterns: encoder.encode(JSON.stringify(patterns)),
    label: bytesOf(trie.label),
    count: bytesOf(trie.count),
    ends: bytesOf(trie.terminal),
    flags: trie.flags,
    // References stay here with the hot part, each entry's its own JSON text: a hover shows them, parsing no YAML.
    references: referenceTexts(records, all.map((e, k) => (extras[k]?.inline ? undefined : e.references))),
    slices: bytesOf(packRecords(records)),
    extras: encoder.encode(JSON.stringify(extras)),
  };
  // Sections are placed after the header, each at a multiple of 8 bytes from where the header ends.
  const sections = {} as Record<Section, [number, number]>;
  let size = 0;
  for (const [name, b] of Object.entries(binary) as [Section, Uint8Array][]) {
    sections[name] = [align(size), b.length];
    size = align(size) + b.length;
  }
  const fileMeta = sources.map((s, i) => {
    const yaml = s.text === undefined ? undefined : encoder.encode(s.text);
    return { file: s.parsed.file, problems: s.parsed.problems, entries: compact.files[i].entries.length, ...(yaml ? { yaml: { bytes: yaml.length, hash: contentHash(yaml) } } : {}) };
  });
  const header = encoder.encode(JSON.stringify({ files: fileMeta, problems: index.problems, ids, sections } satisfies Header));
  const base = align(12 + header.length);
  const out = new Uint8Array(base + size);
  out.set(encoder.encode(MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(4, BUILTIN_FORMAT, true);
  view.setUint32(8, header.length, true);
  out.set(header, 12);
  for (const [name, b] of Object.entries(binary) as [Section, Uint8Array][]) out.set(b, base + sections[name][0]);
  return { bytes: out, index };
}

/**
 * The slice record of every entry (in file order), and what the records do not give: values an entry's hot entry
 * does not give as parsed, or the whole entry where it has no hot entry, no text or an item not readable alone.
 */
function slicesOf(sources: readonly CompileSource[], all: readonly CompactEntry[], hotAt: (k: number) => HotEntry | undefined): { records: number[][]; extras: Record<number, Extra> } {
  const records: number[][] = [];
  const extras: Record<number, Extra> = {};
  for (const s of sources) {
    const text = s.text;
    const sliced = text === undefined ? [] : sliceRecords(text, s.parsed.file, s.parsed.entries, s.parsed.problems.length > 0);
    s.parsed.entries.forEach((e, j) => {
      const k = records.length;
      const hot = hotAt(k);
      const record = sliced[j];
      if (!hot || !record || EntrySlice.inline(record)) {
        records.push(Array<number>(SLICE_STRIDE).fill(0));
        extras[k] = { inline: all[k] };
        return;
      }
      records.push(record);
      const values = differences(valuesOf(e), derivedValues(hotValues(hot), e.fields));
      if (values) extras[k] = { values };
    });
  }
  return { records, extras };
}

const align = (n: number) => (n + 7) & ~7;
const bytesOf = (a: Uint16Array | Uint32Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** A compiled built-in glossary whose header is read: which YAML files it points into, and loading it with them. */
export interface CompiledGlossary {
  /** The files (as `glossary/models.yaml`) whose bytes {@link CompiledGlossary.load} needs. */
  readonly yamlFiles: readonly string[];
  /** Loads the glossary; throws, saying which, where a YAML file is missing or is not the one compiled. */
  load(yaml: (file: string) => Uint8Array | undefined): BuiltinGlossary;
}

/**
 * Reads a compiled built-in glossary's header. Throws, saying what is wrong, on a file that is not one or is of
 * another format.
 */
export function openBuiltin(bytes: Uint8Array): CompiledGlossary {
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) throw new Error(`not a compiled glossary (format ${BUILTIN_FORMAT})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(4, true);
  if (format !== BUILTIN_FORMAT) throw new Error(`compiled glossary of format ${format}; this version reads format ${BUILTIN_FORMAT} (run the build again)`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) throw new Error('compiled glossary is truncated (header)');
  const header = JSON.parse(decodeText(bytes.subarray(12, 12 + headerLength))) as Header;
  const base = align(12 + headerLength);
  for (const [name, [offset, length]] of Object.entries(header.sections)) {
    if (base + offset + length > bytes.length) throw new Error(`compiled glossary is truncated (section ${name})`);
  }
  return {
    yamlFiles: header.files.filter((f) => f.yaml).map((f) => f.file),
    load: (yaml) => loadCompiled(bytes, header, base, yaml),
  };
}

/**
 * Loads a compiled built-in glossary (see {@link openBuiltin}) with the YAML files its entries point into. Entries
 * come without their definition, references and places, which are read from their YAML on first access; the trie
 * is loaded as it was built.
 */
export function loadBuiltin(bytes: Uint8Array, yaml: (file: string) => Uint8Array | undefined = () => undefined): BuiltinGlossary {
  return openBuiltin(bytes).load(yaml);
}

/** The YAML of each file its entries point into, checked to be the one compiled. */
function checkedYaml(header: Header, yaml: (file: string) => Uint8Array | undefined): (Uint8Array | undefined)[] {
  return header.files.map((f) => {
    if (!f.yaml) return undefined;
    const b = yaml(f.file);
    if (!b) throw new Error(`${f.file} is missing`);
    if (b.length !== f.yaml.bytes || contentHash(b) !== f.yaml.hash) throw new Error(`${f.file} is not the file the glossary was compiled from`);
    return b;
  });
}

function loadCompiled(bytes: Uint8Array, header: Header, base: number, yaml: (file: string) => Uint8Array | undefined): BuiltinGlossary {
  const texts = checkedYaml(header, yaml);
  const section = (name: Section) => {
    const [offset, length] = header.sections[name];
    return bytes.slice(base + offset, base + offset + length); // a copy, aligned for the typed arrays
  };
  // The whole trie, with where each pattern ends: the matcher is made without making any pattern.
  const trie: CompiledTrie = {
    label: new Uint16Array(section('label').buffer),
    count: new Uint32Array(section('count').buffer),
    terminal: new Int32Array(section('ends').buffer),
    flags: section('flags'),
  };
  const records = unpackRecords(new Int32Array(section('slices').buffer));
  const fileOfChunk: number[] = header.files.flatMap((f, i) => Array<number>(f.entries).fill(i));
  let extraList: Record<number, Extra> | undefined;
  const references = section('references');
  const extras = () => (extraList ??= JSON.parse(decodeText(section('extras'))) as Record<number, Extra>);
  const slices: (EntrySlice | RawEntry)[] = [];
  // An entry's details: its slice of YAML, or the entry stored whole.
  const detail = (k: number) =>
    (slices[k] ??= extras()[k]?.inline
      ? asParsed(revive({ format: 3, files: [{ file: header.files[fileOfChunk[k]].file, problems: [], entries: [extras()[k].inline!] }] })[0].entries[0])
      : new EntrySlice(texts[fileOfChunk[k]]!, records.subarray(k * SLICE_STRIDE, (k + 1) * SLICE_STRIDE), header.files[fileOfChunk[k]].file, references));
  let hotList: HotEntry[] | undefined;
  const hot = () => (hotList ??= JSON.parse(decodeText(section('hot'))) as HotEntry[]);
  const entries = new LazyEntries(header.ids, (i) => hotEntry(hot()[i], detail(hot()[i][0])), (i) => hot()[i][8]);
  const nameLists: string[][] = [];
  const names = (i: number) => (nameLists[i] ??= namesOf(hot()[i]));
  const table = patternTable(() => JSON.parse(decodeText(section('patterns'))) as CompactPattern[], trie.terminal.length, header.ids, names);
  const patterns = () => Array.from({ length: table.length }, (_, i) => table.at(i)!);
  const alone = new GlossaryIndex(entries, patterns, header.problems, trie, undefined, table);
  let files: ParsedGlossaryFile[] | undefined;
  const all = () => {
    const hotOf = new Map(hot().map((t) => [t[0], t]));
    const rawAt = (k: number): RawEntry => {
      const d = detail(k);
      if (!(d instanceof EntrySlice)) return d;
      const t = hotOf.get(k)!;
      return d.lazyEntry(withDifferences(derivedValues(hotValues(t), new Set(d.fields)), extras()[k]?.values), t[14]);
    };
    let k = 0;
    return header.files.map((f) => ({ file: f.file, problems: f.problems, entries: Array.from({ length: f.entries }, () => rawAt(k++)) }));
  };
  return { alone, files: () => (files ??= all()), fileCount: header.files.length, fingerprint: once(() => `compiled:${contentHash(bytes)}`) };
}

/** A revived entry with the fields a parse gives, as a parse gives them (JSON leaves out those that are undefined). */
function asParsed(e: RawEntry): RawEntry {
  const { preferred, avoid, forms, ...rest } = e;
  const given = { zh: e.zh, abbr: e.abbr, level: e.level, caseSensitive: e.caseSensitive, draft: e.draft, verb: e.verb };
  return { ...rest, ...given, ...(preferred ? { preferred } : {}), ...(avoid ? { avoid } : {}), ...(forms ? { forms } : {}) };
}

/** The stored patterns, each revived the first time it is asked for (the list is parsed once, on first use). */
function patternTable(parse: () => CompactPattern[], length: number, ids: readonly string[], names: (entry: number) => readonly string[]): PatternTable {
  let list: CompactPattern[] | undefined;
  const compact = (i: number) => (list ??= parse())[i];
  const made: MatchPattern[] = [];
  return {
    length,
    at: (i) => (i >= 0 && i < length ? (made[i] ??= revivePattern(compact(i), ids, names)) : undefined),
    entryId: (i) => ids[compact(i)[1]],
  };
}

/** Entries by id, each made from its stored form the first time it is asked for. */
class LazyEntries implements ReadonlyMap<string, GlossaryEntry> {
  private readonly made: (GlossaryEntry | undefined)[];
  private readonly index: Map<string, number>;

  constructor(
    private readonly ids: readonly string[],
    private readonly make: (i: number) => GlossaryEntry,
    private readonly related: (i: number) => readonly string[],
  ) {
    this.made = new Array<GlossaryEntry | undefined>(ids.length);
    this.index = new Map(ids.map((id, i) => [id, i]));
  }

  get size(): number {
    return this.ids.length;
  }

  private at(i: number): GlossaryEntry {
    return (this.made[i] ??= this.make(i));
  }

  get(id: string): GlossaryEntry | undefined {
    const i = this.index.get(id);
    return i === undefined ? undefined : this.at(i);
  }

  /** The related ids of an entry, read without making it. */
  relatedOf(id: string): readonly string[] {
    const i = this.index.get(id);
    return i === undefined ? [] : (this.made[i]?.related ?? this.related(i));
  }

  has(id: string): boolean {
    return this.index.has(id);
  }

  keys(): MapIterator<string> {
    return this.ids.values();
  }

  *values(): MapIterator<GlossaryEntry> {
    for (let i = 0; i < this.ids.length; i++) yield this.at(i);
  }

  *entries(): MapIterator<[string, GlossaryEntry]> {
    for (let i = 0; i < this.ids.length; i++) yield [this.ids[i], this.at(i)];
  }

  [Symbol.iterator](): MapIterator<[string, GlossaryEntry]> {
    return this.entries();
  }

  forEach(f: (value: GlossaryEntry, key: string, map: ReadonlyMap<string, GlossaryEntry>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) f.call(thisArg, v, k, this);
  }
}

function hotEntry(t: HotEntry, detail: EntrySlice | RawEntry): GlossaryEntry {
  const [, id, en, zh, abbr, aliases, category, level, related, caseSensitive, draft, verb, senses, notIn, , preferred, avoid] = t;
  const e = {
    id,
    en,
    zh: zh ?? undefined,
    abbr: abbr ?? undefined,
    aliases,
    category,
    level,
    definition: undefined as unknown as GlossaryEntry['definition'],
    related,
    references: undefined as unknown as GlossaryEntry['references'],
    caseSensitive: caseSensitive ?? undefined,
    draft: draft ?? undefined,
    verb: verb ?? undefined,
    senses,
    notIn,
    preferred,
    avoid,
    source: undefined as unknown as SourceRange,
    builtin: true,
  };
  const slice = detail instanceof EntrySlice ? detail : undefined;
  later(e, 'definition', () => (slice ? slice.definition() : (detail as RawEntry).definition));
  later(e, 'references', () => (slice ? slice.references() : (detail as RawEntry).references));
  later(e, 'source', () => (slice ? slice.range() : (detail as RawEntry).range));
  return e;
}
