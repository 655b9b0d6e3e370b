import type { GlossaryEntry, GlossaryProblem, SenseSpec, SourceRange, TermLanguage } from './glossary';
import { buildGlossary, GlossaryIndex } from './glossaryIndex';
import { ENTRY_FIELDS, type Located, type ParsedGlossaryFile, type RawEntry } from './glossaryLoader';
import type { CompiledTrie, MatchPattern, PatternTable } from './matcher';
import { decodeText } from './workspace';

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
export const BUILTIN_FORMAT = 7;
const MAGIC = 'LLMG';

/** The built-in glossary as loaded: on its own already indexed, and its parsed files for merging with others. */
export interface BuiltinGlossary {
  /** The parsed files, for merging with the user's layers (revived on the first call when compiled). */
  files(): readonly ParsedGlossaryFile[];
  /** How many files `files()` gives. */
  readonly fileCount: number;
  /** The built-in glossary on its own, indexed when it was compiled (absent when it was read from YAML). */
  readonly alone?: GlossaryIndex;
}

/**
 * An entry as needed to match and list it, read at load: its definition, references and source wait in its
 * detail (a {@link CompactEntry} whose names and forms, given here, are left out).
 */
type HotEntry = [detail: number, id: string, en: string, zh: string | null, abbr: string | null, aliases: string[], category: string, level: GlossaryEntry['level'], related: string[], caseSensitive: boolean | null, draft: boolean | null, verb: string | null, senses: SenseSpec[], notIn: string[], forms: string[] | null, preferred: GlossaryEntry['preferred'], avoid: GlossaryEntry['avoid']];
/** A detail whose names are given by its hot entry: their ranges only (or nothing, see {@link detailOf}), and no forms. */
type Detail = Omit<CompactEntry, 'id' | 'en' | 'zh' | 'abbr' | 'aliases' | 'forms' | 'related' | 'senses' | 'notIn' | 'fields' | 'category'> & {
  hot?: number;
  /** Left to the hot entry, as level, verb, caseSensitive and draft, where there are no problems to place. */
  category?: string;
  /** The fields the entry gives: names, or bits over `ENTRY_FIELDS` where there are no problems to place. */
  fields: string[] | number;
  id?: Range | Loc;
  /** Names, senses and notIn words are left out (revived at their entry's place) where there are no problems to place. */
  en?: Range | Loc;
  zh?: Range | Loc;
  abbr?: Range | Loc;
  aliases?: (Range | Loc)[];
  senses?: CompactEntry['senses'];
  notIn?: Loc[];
  related?: (string | Loc)[];
};
/**
 * A pattern: `[term, entry, flags]` for a plain name (bit 0 case-sensitive, bit 1 plural), else `[term, entry,
 * rest]`; a term that is one of its entry's names or forms is given as its place in {@link namesOf}.
 */
type CompactPattern = [string | number, number, number | Omit<MatchPattern, 'term' | 'entryId'>];

interface Header {
  readonly files: readonly { file: string; problems: readonly GlossaryProblem[]; entries: number }[];
  readonly problems: readonly GlossaryProblem[];
  /** Entry ids, in index order: the rest of each entry is in the `hot` section, read on first access. */
  readonly ids: readonly string[];
  /** Offset (from the end of the header, rounded up to 8) and length in bytes of each binary section. */
  readonly sections: Record<Section, [number, number]>;
}
type Section = 'hot' | 'patterns' | 'label' | 'count' | 'ends' | 'flags' | 'offsets' | 'details';

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

/**
 * Compiles the built-in glossary into one file: a JSON header with what matching and listing need (entries without
 * their definitions, patterns), then binary sections: the matcher's trie and the rest of every parsed entry, each
 * its own JSON text, read only when asked for. Returns the bytes and the index they load back into.
 */
export function compileBuiltin(files: readonly ParsedGlossaryFile[], forms?: (e: RawEntry) => readonly string[]): { bytes: Uint8Array; index: GlossaryIndex } {
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
  const encoder = new TextEncoder();
  // Related ids keep their places only where there are problems to place: the built-in glossary has none.
  const places = index.problems.length > 0;
  const chunks = all.map((e, k) => encoder.encode(JSON.stringify(detailOf(e, hotOf.get(k), places))));
  const names = entries.map(namesOf);
  const patterns = index.patterns.map((p) => compactPattern(p, idIndex.get(p.entryId)!, names[idIndex.get(p.entryId)!]));
  const trie = index.automaton().compiled();
  const { offsets, details } = joinChunks(chunks);
  const binary: Record<Section, Uint8Array> = {
    hot: encoder.encode(JSON.stringify(entries)),
    patterns: encoder.encode(JSON.stringify(patterns)),
    label: bytesOf(trie.label),
    count: bytesOf(trie.count),
    ends: bytesOf(trie.terminal),
    flags: trie.flags,
    offsets: bytesOf(offsets),
    details,
  };
  // Sections are placed after the header, each at a multiple of 8 bytes from where the header ends.
  const sections = {} as Record<Section, [number, number]>;
  let size = 0;
  for (const [name, b] of Object.entries(binary) as [Section, Uint8Array][]) {
    sections[name] = [align(size), b.length];
    size = align(size) + b.length;
  }
  const fileMeta = compact.files.map((f) => ({ file: f.file, problems: f.problems, entries: f.entries.length }));
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
 * The detail of a compact entry: when a hot entry gives its names and forms, only their ranges; without places, only
 * what the hot entry lacks (definition, references, range, preferred and avoided forms, fields as bits).
 */
function detailOf(e: CompactEntry, hot: number | undefined, places: boolean): Detail {
  if (hot === undefined) return e;
  const { forms: _forms, ...rest } = e;
  const range = (l: Loc): Range => [l[1], l[2], l[3], l[4]];
  // Without places, related ids, names (the id too), senses and notIn words are revived from the hot entry at their
  // entry's place: the values are there already, and their places would cost a quarter of the compressed details.
  if (!places) {
    const { id: _id, en: _en, zh: _zh, abbr: _abbr, aliases: _aliases, senses: _senses, notIn: _notIn, related: _related, category: _c, level: _l, verb: _v, caseSensitive: _s, draft: _d, ...kept } = rest;
    const fields = e.fields.reduce((bits, f) => bits | (1 << ENTRY_FIELDS.indexOf(f)), 0);
    return { ...kept, hot, fields };
  }
  return { ...rest, hot, id: range(e.id), en: range(e.en), zh: e.zh && range(e.zh), abbr: e.abbr && range(e.abbr), aliases: e.aliases.map(range) };
}

/** Plain fields a detail may leave to its hot entry, with their places in it. */
const HOT_FIELDS: [string, number][] = [['level', 7], ['caseSensitive', 9], ['draft', 10], ['verb', 11]];

/** The compact entry of a detail, names and forms back from its hot entry (at the entry's place where left out). */
function compactOf(d: Detail, hot: readonly HotEntry[]): CompactEntry {
  if (d.hot === undefined) return d as CompactEntry;
  const t = hot[d.hot];
  const { hot: _hot, ...rest } = d;
  const loc = (value: string, r: Range | Loc = d.range): Loc => [value, ...(r.slice(-4) as Range)];
  const fields = typeof d.fields === 'number' ? ENTRY_FIELDS.filter((_, i) => (d.fields as number) & (1 << i)) : d.fields;
  // Fields given by the hot entry, where the detail leaves them out: only those the entry gives.
  const given = typeof d.fields === 'number' ? Object.fromEntries(HOT_FIELDS.filter(([k]) => fields.includes(k)).map(([k, i]) => [k, t[i]])) : {};
  return {
    ...rest,
    ...given,
    category: t[6],
    fields,
    related: d.related ? d.related.map((r) => (typeof r === 'string' ? loc(r) : r)) : t[8].map((v) => loc(v)),
    ...(t[14] ? { forms: t[14] } : {}),
    id: loc(t[1], d.id),
    en: loc(t[2], d.en),
    zh: t[3] === null ? undefined : loc(t[3], d.zh),
    abbr: t[4] === null ? undefined : loc(t[4], d.abbr),
    aliases: t[5].map((v, i) => loc(v, d.aliases?.[i])),
    senses: d.senses ?? t[12].map((x): [SenseSpec, ...Range] => [x, ...d.range]),
    notIn: d.notIn ?? t[13].map((v) => loc(v)),
  };
}

/** The chunks as one JSON array (`[a,b,c]`), and where each starts; chunk `k` ends one byte before `k + 1` starts. */
function joinChunks(chunks: readonly Uint8Array[]): { offsets: Int32Array; details: Uint8Array } {
  const offsets = new Int32Array(chunks.length + 1);
  offsets[0] = 1;
  chunks.forEach((c, k) => (offsets[k + 1] = offsets[k] + c.length + 1));
  const details = new Uint8Array(Math.max(2, offsets[chunks.length]));
  details.fill(0x2c); // commas between chunks
  details[0] = 0x5b;
  details[details.length - 1] = 0x5d;
  chunks.forEach((c, k) => details.set(c, offsets[k]));
  return { offsets, details };
}

const align = (n: number) => (n + 7) & ~7;
/** A section as bytes, not copied (text sections need no alignment). */
function view8(bytes: Uint8Array, base: number, [offset, length]: [number, number]): Uint8Array {
  if (base + offset + length > bytes.length) throw new Error('compiled glossary is truncated');
  return bytes.subarray(base + offset, base + offset + length);
}
const bytesOf = (a: Uint16Array | Uint32Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * Loads a compiled built-in glossary. Entries come without their definition, references and source, which are
 * read from their own JSON text on first access; the trie is loaded as it was built. Throws, saying what is
 * wrong, on a file that is not one or is of another format.
 */
export function loadBuiltin(bytes: Uint8Array): BuiltinGlossary {
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) throw new Error(`not a compiled glossary (format ${BUILTIN_FORMAT})`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(4, true);
  if (format !== BUILTIN_FORMAT) throw new Error(`compiled glossary of format ${format}; this version reads format ${BUILTIN_FORMAT} (run the build again)`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) throw new Error('compiled glossary is truncated (header)');
  const header = JSON.parse(decodeText(bytes.subarray(12, 12 + headerLength))) as Header;
  const base = align(12 + headerLength);
  const section = (name: Section) => {
    const [offset, length] = header.sections[name];
    const at = base + offset;
    if (at + length > bytes.length) throw new Error(`compiled glossary is truncated (section ${name})`);
    return bytes.slice(at, at + length); // a copy, aligned for the typed arrays
  };
  const details = view8(bytes, base, header.sections.details);
  const offsets = new Int32Array(section('offsets').buffer);
  // The whole trie, with where each pattern ends: the matcher is made without making any pattern.
  const trie: CompiledTrie = {
    label: new Uint16Array(section('label').buffer),
    count: new Uint32Array(section('count').buffer),
    terminal: new Int32Array(section('ends').buffer),
    flags: section('flags'),
  };
  const fileOfChunk: string[] = header.files.flatMap((f) => Array<string>(f.entries).fill(f.file));
  const chunk = (k: number) => JSON.parse(decodeText(details.subarray(offsets[k], offsets[k + 1] - 1))) as Detail;
  let hotList: HotEntry[] | undefined;
  const hot = () => (hotList ??= JSON.parse(decodeText(section('hot'))) as HotEntry[]);
  const entries = new LazyEntries(header.ids, (i) => hotEntry(hot()[i], chunk, fileOfChunk), (i) => hot()[i][8]);
  const nameLists: string[][] = [];
  const names = (i: number) => (nameLists[i] ??= namesOf(hot()[i]));
  const table = patternTable(() => JSON.parse(decodeText(section('patterns'))) as CompactPattern[], trie.terminal.length, header.ids, names);
  const patterns = () => Array.from({ length: table.length }, (_, i) => table.at(i)!);
  const alone = new GlossaryIndex(entries, patterns, header.problems, trie, undefined, table);
  let files: ParsedGlossaryFile[] | undefined;
  const all = () => {
    const list = (JSON.parse(decodeText(details)) as Detail[]).map((d) => compactOf(d, hot()));
    let k = 0;
    return revive({ format: 3, files: header.files.map((f) => ({ file: f.file, problems: f.problems, entries: list.slice(k, (k += f.entries)) })) });
  };
  return { alone, files: () => (files ??= all()), fileCount: header.files.length };
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

function hotEntry(t: HotEntry, chunk: (k: number) => Detail, fileOfChunk: readonly string[]): GlossaryEntry {
  const [k, id, en, zh, abbr, aliases, category, level, related, caseSensitive, draft, verb, senses, notIn, , preferred, avoid] = t;
  let detail: Detail | undefined;
  const full = () => (detail ??= chunk(k));
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
  later(e, 'definition', () => full().definition);
  later(e, 'references', () => full().references);
  later(e, 'source', () => {
    const [line, column, endLine, endColumn] = full().range;
    return { file: fileOfChunk[k], line, column, endLine, endColumn };
  });
  return e;
}

/** Makes `key` of `o` computed on first access, then a plain property (it stays enumerable, in its place). */
function later<T extends object, K extends keyof T>(o: T, key: K, get: () => T[K]): void {
  Object.defineProperty(o, key, {
    configurable: true,
    enumerable: true,
    get: () => {
      const value = get();
      Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: false });
      return value;
    },
  });
}

/** Maps the per-language values of a `preferred` or `avoid` field. */
function mapLanguages<A, B>(o: Partial<Record<TermLanguage, A>>, f: (a: A) => B): Partial<Record<TermLanguage, B>> {
  const out: Partial<Record<TermLanguage, B>> = {};
  for (const [l, v] of Object.entries(o) as [TermLanguage, A][]) out[l] = f(v);
  return out;
}
