// The details of the built-in glossary's entries, read from the shipped YAML: at build time each entry gets a
// pointer to its item (the whole lines it is written on) and to its definitions; at run time its definitions are
// decoded from those bytes, and the rest (references, every place) is parsed from its item when first asked for.
import { isMap, isScalar, type Scalar, type YAMLMap } from 'yaml';
import type { Reference, SenseSpec, SourceRange, TermLanguage } from './glossary';
import { cleanDefinition, defaultLoadLimits, ENTRY_FIELDS, parseGlossaryFile, type Located, type RawEntry } from './glossaryLoader';
import { later } from './lazy';
import { LineIndex } from './text';
import { decodeText } from './workspace';

/** Numbers per entry in the `slices` section; see {@link SliceRecord}. */
export const SLICE_STRIDE = 14;

/**
 * Where an entry is in its YAML file, as stored: `[start, length, line, fields, enStart, enLength, zhStart,
 * zhLength, flags, column, endLines, endColumn, referencesStart, referencesLength]`. Bytes from `start` are the whole lines of its item, the first
 * being line `line`; `fields` are bits over `ENTRY_FIELDS`; a definition is `length` bytes from `start` of the
 * item's bytes, written in the style of {@link Style}, and `flags` holds both styles and {@link FLAGS}; the
 * entry's place (its `- id:` head) is `line:column` to `line + endLines:endColumn`; its references are the JSON
 * text at `referencesStart` of the compiled file's references (none where the length is 0).
 */
type SliceRecord = number[];

/** How a definition is written: its bytes are the value as they are, a JSON-compatible "string" or a 'string'. */
const enum Style {
  None = 0,
  Plain = 1,
  Double = 2,
  Single = 3,
}
const FLAGS = {
  /** The entry is checked against the schema when read (its file had problems). */
  validate: 1 << 4,
  /** The entry is stored whole in the compiled file (its item could not be read on its own as the file reads it). */
  inline: 1 << 5,
  /** The definitions are parsed with the item (they are not plain one-line scalars). */
  definitionInItem: 1 << 6,
  /** The definitions read as they are written: cleaning them (white space, blanks) changes nothing. */
  clean: 1 << 7,
};

/** What the text before an item's lines is, so that they parse as the one entry of a file. */
const PREFIX = 'entries:\n';

const encoder = new TextEncoder();
const utf8Length = (s: string) => encoder.encode(s).length;

/** A fast 64-bit hash of a file's bytes (two 32-bit lanes), to tell that it is the one compiled. Not for security. */
export function contentHash(bytes: Uint8Array): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >>> 2) : new Uint32Array(bytes.slice(0, bytes.length & ~3).buffer);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    a = Math.imul(a ^ w, 0x01000193);
    b = Math.imul(b ^ w, 0x5bd1e995) ^ (b >>> 13);
  }
  for (let i = words.length * 4; i < bytes.length; i++) a = Math.imul(a ^ bytes[i], 0x01000193);
  return `${(a >>> 0).toString(16)}${(b >>> 0).toString(16).padStart(8, '0')}`;
}

/** An entry's fields as bits over `ENTRY_FIELDS`, and back. */
export const fieldBits = (fields: Iterable<string>) => [...fields].reduce((bits, f) => bits | (1 << ENTRY_FIELDS.indexOf(f)), 0);
const fieldsOf = (bits: number) => ENTRY_FIELDS.filter((_, i) => bits & (1 << i));

/** A parsed entry as plain JSON (fields as a list, forms left out): two entries read the same iff these are equal. */
const canonical = (e: RawEntry) => JSON.stringify({ ...e, fields: [...e.fields], forms: undefined });

/** Reads the one entry of an item's lines, with its places in the whole file. */
function parseItem(lines: string, file: string, line: number, validate: boolean, onEntry?: (e: RawEntry, item: YAMLMap) => void): RawEntry | undefined {
  return parseGlossaryFile(PREFIX + lines, file, defaultLoadLimits, { lineOffset: line - 2, validate, onEntry }).entries[0];
}

/**
 * The slice records of a file's entries, as parsed from `text`: each entry's item is its whole lines up to the
 * next entry's (or the end), read back at build time to check it gives the same entry; one that does not is
 * marked inline.
 */
export function sliceRecords(text: string, file: string, entries: readonly RawEntry[], validate: boolean): SliceRecord[] {
  const lines = new LineIndex(text);
  let byte = 0;
  let char = 0;
  return entries.map((e, k) => {
    const from = lines.lineStart(e.range.line);
    const to = k + 1 < entries.length ? lines.lineStart(entries[k + 1].range.line) : text.length;
    if (from < char || to <= from) return inlineRecord();
    byte += utf8Length(text.slice(char, from));
    char = from;
    const item = text.slice(from, to);
    let node: YAMLMap | undefined;
    const again = parseItem(item, file, e.range.line, validate, (_, n) => (node ??= n));
    if (!again || canonical(again) !== canonical(e)) return inlineRecord();
    const defs = definitionPlaces(node!, item, e.definition);
    const flags = defs.flags | (validate ? FLAGS.validate : 0);
    return [byte, utf8Length(item), e.range.line, fieldBits(e.fields), ...defs.en, ...defs.zh, flags, e.range.column, e.range.endLine - e.range.line, e.range.endColumn, 0, 0];
  });
}

const inlineRecord = (): SliceRecord => [0, 0, 0, 0, 0, 0, 0, 0, FLAGS.inline, 0, 0, 0, 0, 0];

/** A record's `[start, length]` pairs (each start stored from the end of the one before) and its line column. */
const RUNS = [0, 12];
const LINE = 2;

/**
 * The records as stored: one column after another, each start given from where the entry before's ended and each
 * line from the line before (small numbers, alike from entry to entry: they compress to less than half).
 */
export function packRecords(records: readonly SliceRecord[]): Int32Array {
  const n = records.length;
  const out = new Int32Array(n * SLICE_STRIDE);
  records.forEach((r, k) => {
    const before = records[k - 1];
    for (let j = 0; j < SLICE_STRIDE; j++) out[j * n + k] = r[j];
    if (!before) return;
    for (const j of RUNS) out[j * n + k] = r[j] - (before[j] + before[j + 1]);
    out[LINE * n + k] = r[LINE] - before[LINE];
  });
  return out;
}

/** The records of {@link packRecords}, one after another. */
export function unpackRecords(packed: Int32Array): Int32Array {
  const n = packed.length / SLICE_STRIDE;
  const out = new Int32Array(packed.length);
  for (let k = 0; k < n; k++) {
    const at = k * SLICE_STRIDE;
    for (let j = 0; j < SLICE_STRIDE; j++) out[at + j] = packed[j * n + k];
    if (k === 0) continue;
    for (const j of RUNS) out[at + j] += out[at - SLICE_STRIDE + j] + out[at - SLICE_STRIDE + j + 1];
    out[at + LINE] += out[at - SLICE_STRIDE + LINE];
  }
  return out;
}

/** Each entry's references as JSON text, one after another, their places written into the records. */
export function referenceTexts(records: SliceRecord[], references: readonly (readonly Reference[] | undefined)[]): Uint8Array {
  const parts = references.map((refs) => (refs?.length ? encoder.encode(JSON.stringify(refs)) : new Uint8Array(0)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  parts.forEach((p, k) => {
    out.set(p, at);
    records[k][12] = at;
    records[k][13] = p.length;
    at += p.length;
  });
  return out;
}

/** Where an item's definitions are in its bytes and how they are written, when decoding them gives the parsed ones. */
function definitionPlaces(item: YAMLMap, text: string, parsed: RawEntry['definition']): { en: number[]; zh: number[]; flags: number } {
  const def = item.get('definition', true);
  const none = { en: [0, 0], zh: [0, 0], flags: FLAGS.definitionInItem };
  if (!isMap(def)) return none;
  const out = { en: [0, 0], zh: [0, 0], flags: 0 };
  const decoded: { en?: string; zh?: string } = {};
  for (const [i, l] of (['en', 'zh'] as const).entries()) {
    const node = def.get(l, true);
    if (node === undefined) continue;
    const style = styleOf(node);
    if (!isScalar(node) || style === Style.None || !node.range) return none;
    const raw = text.slice(node.range[0] - PREFIX.length, node.range[1] - PREFIX.length);
    const value = decodeScalar(raw, style);
    if (value === undefined || value !== node.value) return none;
    decoded[l] = value;
    out[l] = [utf8Length(text.slice(0, node.range[0] - PREFIX.length)), utf8Length(raw)];
    out.flags |= style << (2 * i);
  }
  if (JSON.stringify(cleanDefinition(decoded)) !== JSON.stringify(parsed)) return none;
  if (JSON.stringify(decoded) === JSON.stringify(parsed)) out.flags |= FLAGS.clean;
  return out;
}

/** The style of a one-line scalar that {@link decodeScalar} reads, else none. */
function styleOf(node: unknown): Style {
  if (!isScalar(node) || typeof node.value !== 'string' || node.value.includes('\n')) return Style.None;
  const type = (node as Scalar).type;
  return type === 'PLAIN' ? Style.Plain : type === 'QUOTE_DOUBLE' ? Style.Double : type === 'QUOTE_SINGLE' ? Style.Single : Style.None;
}

/** A one-line scalar's value from its text; undefined where it is not one {@link styleOf} allows. */
function decodeScalar(raw: string, style: Style): string | undefined {
  if (/[\r\n]/.test(raw)) return undefined;
  if (style === Style.Single) return raw.slice(1, -1).replace(/''/g, "'");
  if (style !== Style.Double) return raw;
  try {
    const v: unknown = JSON.parse(raw);
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The values of a parsed entry that its hot entry gives too (places, definition, references and forms left out). */
export interface EntryValues {
  readonly id: string;
  readonly en: string;
  readonly zh?: string;
  readonly abbr?: string;
  readonly aliases: readonly string[];
  readonly category: string;
  readonly level?: RawEntry['level'];
  readonly related: readonly string[];
  readonly caseSensitive?: boolean;
  readonly draft?: boolean;
  readonly verb?: string;
  readonly senses: readonly SenseSpec[];
  readonly notIn: readonly string[];
  readonly preferred?: Partial<Record<TermLanguage, string>>;
  readonly avoid?: Partial<Record<TermLanguage, readonly string[]>>;
}

/** The values of a parsed entry. */
export function valuesOf(e: RawEntry): EntryValues {
  const v = (l: Located<string>) => l.value;
  return {
    id: e.id.value,
    en: e.en.value,
    zh: e.zh?.value,
    abbr: e.abbr?.value,
    aliases: e.aliases.map(v),
    category: e.category,
    level: e.level,
    related: e.related.map(v),
    caseSensitive: e.caseSensitive,
    draft: e.draft,
    verb: e.verb,
    senses: e.senses.map((s) => s.value),
    notIn: e.notIn.map(v),
    preferred: e.preferred && mapLanguages(e.preferred, v),
    avoid: e.avoid && mapLanguages(e.avoid, (l) => l.map(v)),
  };
}

/** The values of an entry whose other values are `hot` (its merged entry's) and whose given fields are `fields`. */
export function derivedValues(hot: EntryValues & { readonly avoid: Record<TermLanguage, readonly string[]> }, fields: ReadonlySet<string>): EntryValues {
  const given = <T>(f: string, v: T | undefined | null) => (fields.has(f) && v !== null ? v : undefined);
  const avoid = mapLanguages(hot.avoid, (l) => l);
  for (const l of Object.keys(avoid) as TermLanguage[]) if (avoid[l]!.length === 0) delete avoid[l];
  return {
    ...hot,
    level: given('level', hot.level),
    caseSensitive: given('caseSensitive', hot.caseSensitive),
    draft: given('draft', hot.draft),
    verb: given('verb', hot.verb),
    preferred: hot.preferred && Object.keys(hot.preferred).length ? hot.preferred : undefined,
    avoid: fields.has('avoid') ? avoid : undefined,
  };
}

/** The values in which `actual` differs from `derived` (undefined stored as null), for the compiled file to keep. */
export function differences(actual: EntryValues, derived: EntryValues): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const k of new Set([...Object.keys(actual), ...Object.keys(derived)]) as Set<keyof EntryValues>) {
    if (JSON.stringify(actual[k]) !== JSON.stringify(derived[k])) out[k] = actual[k] ?? null;
  }
  return Object.keys(out).length ? out : undefined;
}

/** `derived` with the stored differences put back. */
export function withDifferences(derived: EntryValues, stored: Record<string, unknown> | undefined): EntryValues {
  if (!stored) return derived;
  const out: Record<string, unknown> = { ...derived };
  for (const [k, v] of Object.entries(stored)) out[k] = v === null ? undefined : v;
  return out as unknown as EntryValues;
}

/** An entry's slice of its YAML file, read at run time. */
export class EntrySlice {
  private parsed: RawEntry | undefined;

  constructor(
    private readonly yaml: Uint8Array,
    private readonly record: ArrayLike<number>,
    private readonly file: string,
    /** The references of all entries, stored with the compiled glossary (a hover shows them). */
    private readonly referenceBytes: Uint8Array,
  ) {}

  /** The entry's references. */
  references(): readonly Reference[] {
    const r = this.record;
    return r[13] === 0 ? [] : (JSON.parse(utf8Text(this.referenceBytes, r[12], r[12] + r[13])) as Reference[]);
  }

  /** The entry's place: the head of its item. */
  range(): SourceRange {
    const r = this.record;
    return { file: this.file, line: r[2], column: r[9], endLine: r[2] + r[10], endColumn: r[11] };
  }

  static inline(record: ArrayLike<number>): boolean {
    return (record[8] & FLAGS.inline) !== 0;
  }

  get fields(): string[] {
    return fieldsOf(this.record[3]);
  }

  /** The entry as a full load of its file reads it (without forms), parsed from its item on first use. */
  entry(): RawEntry {
    if (this.parsed) return this.parsed;
    const r = this.record;
    const text = utf8Text(this.yaml, r[0], r[0] + r[1]);
    const e = parseItem(text, this.file, r[2], (r[8] & FLAGS.validate) !== 0);
    if (!e) throw new Error(`${this.file}:${r[2]}: the glossary entry there cannot be read`);
    return (this.parsed = e);
  }

  /** The entry's definitions, decoded from their bytes (parsed with the item only where they are not plain). */
  definition(): RawEntry['definition'] {
    const r = this.record;
    if (r[8] & FLAGS.definitionInItem) return this.entry().definition;
    const out: { en?: string; zh?: string } = {};
    const read = (start: number, length: number, style: Style) => decodeScalar(utf8Text(this.yaml, r[0] + start, r[0] + start + length), style);
    if (r[8] & 3) out.en = read(r[4], r[5], r[8] & 3);
    if ((r[8] >> 2) & 3) out.zh = read(r[6], r[7], (r[8] >> 2) & 3);
    return r[8] & FLAGS.clean ? out : cleanDefinition(out);
  }

  /**
   * The entry with its values given, and its places, definition and references read from the item when first
   * asked for: what a full load gives, without parsing the YAML until something needs more than the values.
   */
  lazyEntry(v: EntryValues, forms: readonly string[] | null): RawEntry {
    const at = <T>(value: T, place: (e: RawEntry) => Located<T> | undefined): Located<T> => {
      const o: Located<T> = { value, range: NOT_YET };
      later(o, 'range', () => place(this.entry())!.range);
      return o;
    };
    const list = (values: readonly string[], of: (e: RawEntry) => readonly Located<string>[]) => values.map((x, i) => at(x, (e) => of(e)[i]));
    const e: RawEntry = {
      id: at(v.id, (e) => e.id),
      fields: new Set(this.fields),
      en: at(v.en, (e) => e.en),
      zh: v.zh === undefined ? undefined : at(v.zh, (e) => e.zh),
      abbr: v.abbr === undefined ? undefined : at(v.abbr, (e) => e.abbr),
      aliases: list(v.aliases, (e) => e.aliases),
      category: v.category,
      level: v.level,
      definition: NOT_YET,
      related: list(v.related, (e) => e.related),
      references: NOT_YET,
      caseSensitive: v.caseSensitive,
      draft: v.draft,
      verb: v.verb,
      senses: v.senses.map((s, i) => at(s, (e) => e.senses[i])),
      notIn: list(v.notIn, (e) => e.notIn),
      ...(v.preferred ? { preferred: mapLanguages(v.preferred, (p, l) => at(p, (e) => e.preferred?.[l])) } : {}),
      ...(v.avoid ? { avoid: mapLanguages(v.avoid, (a, l) => list(a, (e) => e.avoid?.[l] ?? [])) } : {}),
      ...(forms ? { forms } : {}),
      range: NOT_YET,
    };
    later(e, 'definition', () => this.definition());
    later(e, 'references', () => this.references());
    later(e, 'range', () => this.range());
    return e;
  }
}

/**
 * The text of valid UTF-8 bytes (a file checked to be the one compiled from a string), decoded here: for the short
 * pieces read one by one, calling TextDecoder costs more than the decoding.
 */
export function utf8Text(bytes: Uint8Array, start: number, end: number): string {
  if (end - start > 4096) return decodeText(bytes.subarray(start, end));
  const units: number[] = [];
  for (let i = start; i < end; ) {
    const b = bytes[i];
    if (b < 0x80) {
      units.push(b);
      i += 1;
    } else if (b < 0xe0) {
      units.push(((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f));
      i += 2;
    } else if (b < 0xf0) {
      units.push(((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
      i += 3;
    } else {
      const c = (((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f)) - 0x10000;
      units.push(0xd800 + (c >> 10), 0xdc00 + (c & 0x3ff));
      i += 4;
    }
  }
  return String.fromCharCode(...units);
}

/** A place holder for a property {@link later} sets. */
const NOT_YET = undefined as never;

/** Maps the per-language values of a `preferred` or `avoid` field. */
export function mapLanguages<A, B>(o: Partial<Record<TermLanguage, A>>, f: (a: A, l: TermLanguage) => B): Partial<Record<TermLanguage, B>> {
  const out: Partial<Record<TermLanguage, B>> = {};
  for (const [l, v] of Object.entries(o) as [TermLanguage, A][]) out[l] = f(v, l);
  return out;
}
