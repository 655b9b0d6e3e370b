import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import schema from '../../glossary/glossary.schema.json';
import { termLanguage, TERM_LANGUAGES, type GlossaryProblem, type Level, type Reference, type SenseSpec, type SourceRange, type TermLanguage } from './glossary';
import { LineIndex, normalizeTerm } from './text';

/** A name (or related id) as written in a file, with its place. */
export interface Located<T> {
  readonly value: T;
  readonly range: SourceRange;
}

/** One entry as read from one file, before merging; every field keeps where it was written. */
export interface RawEntry {
  readonly id: Located<string>;
  /** The fields the file gave (after dropping invalid optional ones). */
  readonly fields: ReadonlySet<string>;
  readonly en: Located<string>;
  readonly zh?: Located<string>;
  readonly abbr?: Located<string>;
  readonly aliases: readonly Located<string>[];
  readonly category: string;
  readonly level?: Level;
  readonly definition: { readonly en?: string; readonly zh?: string };
  readonly related: readonly Located<string>[];
  readonly references: readonly Reference[];
  readonly caseSensitive?: boolean;
  readonly draft?: boolean;
  readonly verb?: string;
  readonly senses: readonly Located<SenseSpec>[];
  readonly notIn: readonly Located<string>[];
  /** The preferred form per language, as written. */
  readonly preferred?: Readonly<Partial<Record<TermLanguage, Located<string>>>>;
  /** Forms to avoid per language, as written. */
  readonly avoid?: Readonly<Partial<Record<TermLanguage, readonly Located<string>[]>>>;
  /** Word forms and script variants generated when the built-in glossary is compiled (absent otherwise). */
  readonly forms?: readonly string[];
  /** The whole `- id: ...` item. */
  readonly range: SourceRange;
}

/**
 * The names of an entry that are matched as written: English, Chinese, abbreviation, aliases, in that order, then
 * the forms to avoid that are not already names, less those the entry lists as sense surfaces (those match only as
 * senses).
 */
export function plainNames(e: RawEntry): Located<string>[] {
  const surfaces = new Set(e.senses.map((s) => normalizeTerm(s.value.surface, false)));
  const named = [e.en, ...(e.zh ? [e.zh] : []), ...(e.abbr ? [e.abbr] : []), ...e.aliases];
  const keys = new Set(named.map((n) => normalizeTerm(n.value, false)));
  const avoided = avoidedForms(e).filter((a) => !keys.has(normalizeTerm(a.value, false)));
  return [...named, ...avoided].filter((n) => !surfaces.has(normalizeTerm(n.value, false)));
}

/** Every form an entry declares to avoid, in both languages. */
export function avoidedForms(e: Pick<RawEntry, 'avoid'>): Located<string>[] {
  return TERM_LANGUAGES.flatMap((l) => e.avoid?.[l] ?? []);
}

/** The result of reading one glossary file. */
export interface ParsedGlossaryFile {
  readonly file: string;
  readonly entries: readonly RawEntry[];
  readonly problems: readonly GlossaryProblem[];
}

/** Limits that keep hostile files cheap to read. */
export interface LoadLimits {
  /** Files larger than this many characters are refused. */
  readonly maxFileSize: number;
  /** YAML alias expansions allowed per entry (guards against alias bombs). */
  readonly maxAliasCount: number;
  /** Entries read from one file; the rest are reported and ignored. */
  readonly maxEntries: number;
}

/** How {@link parseGlossaryFile} reads a text that is a piece of a file. */
export interface ParseOptions {
  /** Added to every line: the text starts that many lines into the file its places are given in. */
  readonly lineOffset?: number;
  /** Whether entries are checked against the schema (default true); off only for text already checked as it is. */
  readonly validate?: boolean;
  /** Called with each entry read and its YAML item (the compiler finds the places of values in the text so). */
  readonly onEntry?: (entry: RawEntry, item: YAMLMap) => void;
}

/** The largest built-in glossary file is under 100 kB with about 120 entries; these limits leave ample room. */
export const defaultLoadLimits: LoadLimits = { maxFileSize: 2_000_000, maxAliasCount: 100, maxEntries: 20_000 };

export const ENTRY_FIELDS = [
  'id', 'en', 'zh', 'abbr', 'aliases', 'category', 'level', 'definition', 'related', 'references', 'caseSensitive', 'draft',
  'verb', 'senses', 'notIn', 'preferred', 'avoid',
];
const REQUIRED_FIELDS = new Set(['id', 'en', 'category', 'definition']);

let entryValidator: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!entryValidator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addSchema(schema, 'glossary');
    entryValidator = ajv.compile({ $ref: 'glossary#/definitions/entry' });
  }
  return entryValidator;
}

/**
 * Reads one glossary file (YAML with a top-level `entries:` list). Never throws: every problem comes back with
 * its place, and an invalid entry is dropped (or, where only an optional field is wrong, loses that field)
 * without affecting the others.
 */
export function parseGlossaryFile(text: string, file: string, limits: LoadLimits = defaultLoadLimits, options: ParseOptions = {}): ParsedGlossaryFile {
  const lines = new LineIndex(text);
  const problems: GlossaryProblem[] = [];
  const shift = options.lineOffset ?? 0;
  const rangeOf = (start: number, end: number): SourceRange => {
    const s = lines.position(start);
    const e = lines.position(Math.max(end, start));
    return { file, line: s.line + shift, column: s.column, endLine: e.line + shift, endColumn: e.column };
  };
  const problem = (start: number, end: number, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ ...rangeOf(start, end), severity, message });
  const nodeRange = (n: YamlNode | null | undefined, fallback: number): [number, number] =>
    n?.range ? [n.range[0], n.range[1]] : [fallback, fallback];

  if (text.length > limits.maxFileSize) {
    problem(0, 0, `file is too large (${text.length} characters); expected at most ${limits.maxFileSize}`);
    return { file, entries: [], problems };
  }

  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  } catch (err) {
    problem(0, 0, `cannot parse YAML: ${(err as Error).message}`);
    return { file, entries: [], problems };
  }
  const errorOffsets: number[] = [];
  for (const e of doc.errors) {
    errorOffsets.push(e.pos[0]);
    problem(e.pos[0], e.pos[1], `invalid YAML: ${firstLine(e.message)}`);
  }
  for (const w of doc.warnings) problem(w.pos[0], w.pos[1], firstLine(w.message), 'warning');

  const root = doc.contents;
  if (!isMap(root)) {
    if (doc.errors.length === 0) {
      const [s, e] = nodeRange(root, 0);
      problem(s, e, 'expected a mapping with an "entries:" list at the top of the file');
    }
    return { file, entries: [], problems };
  }
  let entriesNode: YamlNode | undefined;
  for (const pair of (root as YAMLMap<unknown, unknown>).items) {
    const key = pair.key as YamlNode;
    const name = isScalar(key) ? String(key.value) : '?';
    if (name === 'entries') entriesNode = pair.value as YamlNode;
    else {
      const [s, e] = nodeRange(key, 0);
      problem(s, e, `unknown top-level field "${name}"; expected "entries"`);
    }
  }
  if (entriesNode === undefined) {
    problem(0, 0, 'missing "entries:" list');
    return { file, entries: [], problems };
  }
  if (!isSeq(entriesNode)) {
    const [s, e] = nodeRange(entriesNode, 0);
    problem(s, e, `"entries" must be a list of entries, got ${yamlKind(entriesNode)}`);
    return { file, entries: [], problems };
  }

  const entries: RawEntry[] = [];
  const validate = options.validate === false ? undefined : validator();
  let items = entriesNode.items as YamlNode[];
  if (items.length > limits.maxEntries) {
    const [s, e] = nodeRange(items[limits.maxEntries], 0);
    problem(s, e, `too many entries (${items.length}); expected at most ${limits.maxEntries} in one file, the rest are ignored`);
    items = items.slice(0, limits.maxEntries);
  }
  for (const item of items) {
    const [itemStart, itemEnd] = nodeRange(item, 0);
    if (errorOffsets.some((o) => o >= itemStart && o <= itemEnd)) continue; // already reported as invalid YAML
    if (!isMap(item)) {
      problem(itemStart, itemEnd, `each entry must be a mapping (id, en, zh, ...), got ${yamlKind(item)}`);
      continue;
    }
    let data: Record<string, unknown>;
    try {
      data = item.toJS(doc, { maxAliasCount: limits.maxAliasCount }) as Record<string, unknown>;
    } catch (err) {
      problem(itemStart, itemEnd, `entry cannot be read: ${(err as Error).message}`);
      continue;
    }
    const idHint = typeof data.id === 'string' ? ` in entry "${data.id}"` : '';
    let fatal = false;
    if (validate && !validate(data)) {
      const dropped = new Set<string>();
      for (const err of dedupeErrors(validate.errors ?? [])) {
        const field = err.instancePath.split('/')[1] ?? (err.params as { additionalProperty?: string }).additionalProperty;
        const target = errorNode(item, err);
        const [s, e] = nodeRange(target, itemStart);
        problem(s, e, describe(err, idHint));
        if (err.keyword === 'additionalProperties' && err.instancePath === '') continue; // unknown field: ignored
        if (field === undefined || REQUIRED_FIELDS.has(field)) fatal = true;
        else dropped.add(field);
      }
      for (const f of dropped) delete data[f];
    }
    if (fatal) continue;
    const located = (path: (string | number)[]): Located<string> | undefined => {
      const n = item.getIn(path, true) as YamlNode | undefined;
      const v = item.getIn(path) as unknown;
      if (typeof v !== 'string') return undefined;
      const [s, e] = nodeRange(n, itemStart);
      return { value: v.trim(), range: rangeOf(s, e) };
    };
    const list = (key: string): Located<string>[] =>
      Array.isArray(data[key]) ? (data[key] as unknown[]).map((_, i) => located([key, i])!).filter(Boolean) : [];
    const entry: RawEntry = {
      id: located(['id'])!,
      fields: new Set(Object.keys(data).filter((k) => ENTRY_FIELDS.includes(k))),
      en: located(['en'])!,
      zh: located(['zh']),
      abbr: located(['abbr']),
      aliases: list('aliases'),
      category: data.category as string,
      level: data.level as Level | undefined,
      definition: cleanDefinition(data.definition as { en?: string; zh?: string }),
      related: list('related'),
      references: (data.references as Reference[] | undefined) ?? [],
      caseSensitive: data.caseSensitive as boolean | undefined,
      draft: data.draft as boolean | undefined,
      verb: located(['verb'])?.value,
      senses: readSenses(data, located, problems),
      notIn: list('notIn'),
      ...readTerminology(data, located, problems),
      range: rangeOf(itemStart, keyEnd(item) ?? itemEnd),
    };
    entries.push(entry);
    options.onEntry?.(entry, item);
  }
  return { file, entries, problems };
}

/** The `senses` of an entry; a compound that does not contain its surface is reported and left out. */
function readSenses(data: Record<string, unknown>, located: (path: (string | number)[]) => Located<string> | undefined, problems: GlossaryProblem[]): Located<SenseSpec>[] {
  const raw = Array.isArray(data.senses) ? (data.senses as { compounds?: string[]; cues?: string[]; default?: boolean }[]) : [];
  return raw.flatMap((s, i) => {
    const surface = located(['senses', i, 'surface']);
    if (!surface) return [];
    const compounds = (s.compounds ?? []).map((_, k) => located(['senses', i, 'compounds', k])!).filter((c) => {
      if (normalizeTerm(c.value, false).includes(normalizeTerm(surface.value, false))) return true;
      problems.push({ ...c.range, severity: 'error', message: `compound "${c.value}" does not contain the surface "${surface.value}" it selects` });
      return false;
    });
    const cues = (s.cues ?? []).map((c) => c.trim()).filter(Boolean);
    const value: SenseSpec = { surface: surface.value, compounds: compounds.map((c) => c.value), cues, default: s.default === true };
    return [{ value, range: surface.range }];
  });
}

/**
 * The `preferred` and `avoid` forms of an entry. A form written in the other language (a Chinese form without a
 * Han character, an English one with one) is reported and left out; whether a preferred form is one of the
 * entry's names is checked after merging (a user file may prefer a name the built-in entry gives).
 */
function readTerminology(
  data: Record<string, unknown>,
  located: (path: (string | number)[]) => Located<string> | undefined,
  problems: GlossaryProblem[],
): Pick<RawEntry, 'preferred' | 'avoid'> {
  const inLanguage = (l: TermLanguage, field: string) => (f: Located<string> | undefined): f is Located<string> => {
    if (!f) return false;
    if (termLanguage(f.value) === l) return true;
    const expected = l === 'zh' ? 'a Chinese form (with Han characters)' : 'an English form (without Han characters)';
    problems.push({ ...f.range, severity: 'error', message: `${field}.${l} "${f.value}" is not in ${l === 'zh' ? 'Chinese' : 'English'}; expected ${expected}` });
    return false;
  };
  const out: { preferred?: Partial<Record<TermLanguage, Located<string>>>; avoid?: Partial<Record<TermLanguage, Located<string>[]>> } = {};
  for (const l of TERM_LANGUAGES) {
    const p = data.preferred as Record<string, unknown> | undefined;
    const pref = p && typeof p[l] === 'string' ? located(['preferred', l]) : undefined;
    if (inLanguage(l, 'preferred')(pref)) (out.preferred ??= {})[l] = pref;
    const a = (data.avoid as Record<string, unknown> | undefined)?.[l];
    if (!Array.isArray(a)) continue;
    const forms = a.map((_, i) => located(['avoid', l, i])).filter(inLanguage(l, 'avoid'));
    for (const f of forms) {
      if (pref && normalizeTerm(f.value, false) === normalizeTerm(pref.value, false))
        problems.push({ ...f.range, severity: 'error', message: `avoid.${l} "${f.value}" is also the preferred form; expected a different form` });
    }
    (out.avoid ??= {})[l] = forms.filter((f) => !pref || normalizeTerm(f.value, false) !== normalizeTerm(pref.value, false));
  }
  return out;
}

/** A definition as glossary text gives it: trimmed, English runs of white space as one space, Chinese line breaks gone. */
export function cleanDefinition(d: { en?: string; zh?: string }): { en?: string; zh?: string } {
  const out: { en?: string; zh?: string } = {};
  if (d.en?.trim()) out.en = d.en.trim().replace(/\s+/g, ' ');
  if (d.zh?.trim()) out.zh = d.zh.trim().replace(/\s+/g, (ws) => (ws.includes('\n') ? '' : ws));
  return out;
}

/** End of the entry's first line (`- id: x`), so the entry's range points at its head, not its whole body. */
function keyEnd(item: YAMLMap): number | undefined {
  const first = item.items[0] as Pair<YamlNode, YamlNode> | undefined;
  return first?.value?.range?.[1];
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function yamlKind(n: unknown): string {
  if (n === null || n === undefined) return 'nothing';
  if (isMap(n)) return 'a mapping';
  if (isSeq(n)) return 'a list';
  if (isScalar(n)) return n.value === null ? 'nothing' : `${typeof n.value} ${JSON.stringify(n.value)}`;
  return 'an unexpected value';
}

/** ajv repeats the same place for `anyOf`-style failures; keep one message per place and keyword. */
function dedupeErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const k = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function errorNode(item: YAMLMap, err: ErrorObject): YamlNode | undefined {
  const path = err.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  if (err.keyword === 'additionalProperties') {
    const parent = path.length ? (item.getIn(path, true) as YamlNode | undefined) : item;
    const extra = (err.params as { additionalProperty: string }).additionalProperty;
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === extra);
      if (pair) return pair.key as YamlNode;
    }
    return parent;
  }
  if (err.keyword === 'required') {
    const parent = path.length ? (item.getIn(path, true) as YamlNode | undefined) : undefined;
    return parent ?? ((item.items[0] as Pair<YamlNode, YamlNode> | undefined)?.key ?? item);
  }
  return (item.getIn(path, true) as YamlNode | undefined) ?? item;
}

function describe(err: ErrorObject, idHint: string): string {
  const where = err.instancePath ? `"${err.instancePath.slice(1).replace(/\//g, '.')}"` : 'entry';
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperties': {
      const allowed = err.instancePath === '' ? ENTRY_FIELDS : /(definition|preferred|avoid)$/.test(err.instancePath) ? ['en', 'zh'] : ['title', 'year', 'url'];
      return `unknown field "${p.additionalProperty}"${idHint}; expected one of ${allowed.join(', ')}`;
    }
    case 'required':
      return `${where === 'entry' ? 'entry' : where} is missing the required field "${p.missingProperty}"${idHint}`;
    case 'type':
      return `${where}${idHint} has the wrong type; expected ${p.type === 'array' ? 'a list' : p.type === 'object' ? 'a mapping' : `a ${p.type}`}`;
    case 'pattern':
      if (err.instancePath === '/id' || err.instancePath.startsWith('/related'))
        return `${where}${idHint} must be a kebab-case id such as "chain-of-thought"`;
      if (err.instancePath.endsWith('/url')) return `${where}${idHint} must be an https:// URL`;
      if (err.instancePath === '/category') return `${where}${idHint} must be a kebab-case category such as "prompting"`;
      return `${where}${idHint} must not be blank`;
    case 'minLength':
      return `${where}${idHint} must not be empty`;
    case 'maxLength':
      return `${where}${idHint} is too long; expected at most ${p.limit} characters`;
    case 'enum':
      return `${where}${idHint} must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'minimum':
    case 'maximum':
      return `${where}${idHint} is out of range; expected ${err.keyword === 'minimum' ? '>=' : '<='} ${p.limit}`;
    default:
      return `${where}${idHint} ${err.message ?? 'is invalid'}`;
  }
}
