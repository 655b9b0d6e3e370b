import { TERM_LANGUAGES, type GlossaryEntry, type GlossaryProblem, type SenseSpec, type SourceRange, type TermLanguage } from './glossary';
import { plainNames, type Located, type ParsedGlossaryFile, type RawEntry } from './glossaryLoader';
import { Matcher, type CompiledTrie, type MatchPattern, type PatternTable, type SenseCandidate, type StoredTrie, type TermMatcher } from './matcher';
import { OverlayMatcher } from './overlayMatcher';
import { defaultCaseSensitive, isHan, normalizeTerm } from './text';
import { passOn } from './lazy';

/**
 * A layer of glossary files. Within a layer an id may be defined once; a later layer overrides the fields its
 * entries give for an id of an earlier layer (the user's glossary over the built-in one, a later `--glossary`
 * file over an earlier one).
 */
export interface GlossaryLayer {
  readonly builtin: boolean;
  readonly files: readonly ParsedGlossaryFile[];
}

/** Collaborators of {@link buildGlossary}. */
export interface BuildOptions {
  /**
   * Word forms and script variants of an entry's names that are matched too (fine-tuned for fine-tuning, 注意力機制
   * for 注意力机制). Entries compiled ahead of time carry their forms; this is asked only for the others.
   */
  readonly forms?: (entry: RawEntry) => readonly string[];
  /**
   * An index whose patterns the new one mostly repeats (the built-in glossary alone, under user layers): the new
   * matcher reuses its automaton and compiles only the patterns it lacks. Matches are the same either way.
   */
  readonly base?: GlossaryIndex;
}

/** The merged glossary: entries by id, every problem found, and the matcher over all names. */
export class GlossaryIndex {
  readonly entries: ReadonlyMap<string, GlossaryEntry>;
  readonly problems: readonly GlossaryProblem[];
  private patternList: readonly MatchPattern[] | (() => readonly MatchPattern[]);
  private matcherCache?: TermMatcher;
  private referrerIds?: Map<string, string[]>;

  /**
   * @param patterns the patterns, or how to make them on first use
   * @param trie the matcher's trie over exactly these patterns, compiled ahead of time (for worker threads too)
   * @param base an index whose automaton the matcher reuses for the patterns they share (see {@link BuildOptions.base})
   * @param table the same patterns made one by one on first use, for a matcher loaded from a complete trie: it
   *   makes only the patterns that match
   */
  constructor(
    entries: ReadonlyMap<string, GlossaryEntry>,
    patterns: readonly MatchPattern[] | (() => readonly MatchPattern[]),
    problems: readonly GlossaryProblem[],
    readonly trie?: CompiledTrie | StoredTrie,
    private readonly base?: GlossaryIndex,
    private readonly table?: PatternTable,
  ) {
    this.entries = entries;
    this.patternList = patterns;
    this.problems = problems;
  }

  /** The names matched in notes, after conflicts were settled. */
  get patterns(): readonly MatchPattern[] {
    if (typeof this.patternList === 'function') this.patternList = this.patternList();
    return this.patternList;
  }

  /** The automaton over every name, built on first use and shared. */
  get matcher(): TermMatcher {
    return (this.matcherCache ??= this.makeMatcher());
  }

  /** The automaton over exactly these patterns, built (or loaded from the trie) whatever the base. */
  automaton(): Matcher {
    const m = this.matcherCache;
    return m instanceof Matcher ? m : new Matcher(this.table ?? this.patterns, {}, this.trie);
  }

  private makeMatcher(): TermMatcher {
    const base = !this.trie && this.base?.matcher;
    return base instanceof Matcher ? new OverlayMatcher(base, this.patterns) : new Matcher(this.table ?? this.patterns, {}, this.trie);
  }

  get(id: string): GlossaryEntry | undefined {
    return this.entries.get(id);
  }

  /** Entries that name this one in `related`, for links both ways (in entry order). */
  referrers(id: string): GlossaryEntry[] {
    this.referrerIds ??= referrerIndex(this.entries);
    return (this.referrerIds.get(id) ?? []).map((r) => this.entries.get(r)!);
  }
}

/** Entries whose related ids an index can read without making each entry (the compiled glossary's are made lazily). */
interface RelatedIds {
  relatedOf?(id: string): readonly string[];
}

/** For each entry id, the ids of the entries that list it in `related`, in entry order, each once. */
function referrerIndex(entries: ReadonlyMap<string, GlossaryEntry> & RelatedIds): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of entries.keys()) {
    for (const r of entries.relatedOf?.(id) ?? entries.get(id)!.related) {
      const list = out.get(r);
      if (!list) out.set(r, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    }
  }
  return out;
}

const at = (r: SourceRange) => `${r.file}:${r.line}`;

type Report = (r: SourceRange, message: string, severity?: 'error' | 'warning') => void;

interface Merged {
  entry: RawEntry;
  layer: number;
  builtin: boolean;
}

/** A name an entry claims, after the clash rules. */
interface Claim {
  pattern: MatchPattern;
  id: string;
  layer: number;
  name: Located<string>;
  sensitive: boolean;
  lower: string;
  exact: string;
  active: boolean;
}

/**
 * Merges layers of parsed glossary files into one index and checks what spans entries: duplicate ids in a layer,
 * a name claimed by two entries, `related` ids that point nowhere. Problems drop only what is wrong (the second
 * definition, the contested name, the dangling link); every other entry keeps working.
 */
export function buildGlossary(layers: readonly GlossaryLayer[], options: BuildOptions = {}): GlossaryIndex {
  const problems: GlossaryProblem[] = [];
  for (const layer of layers) for (const f of layer.files) problems.push(...f.problems);
  const report: Report = (r, message, severity = 'error') => problems.push({ ...r, severity, message });
  const merged = mergeLayers(layers, report);
  const ordered = [...merged.values()].sort((a, b) => a.layer - b.layer);
  const claims = settleNames(ordered, report);
  const entries = new Map<string, GlossaryEntry>();
  for (const m of ordered) entries.set(m.entry.id.value, toEntry(m, merged, report));
  const patterns = [...namePatterns(claims), ...formPatterns(ordered, claims, options), ...sensePatterns(entries, claims, report)];
  return new GlossaryIndex(entries, patterns, problems, undefined, options.base);
}

/** Entries by id, each the overlay of its definitions in every layer; duplicate ids within a layer are errors. */
function mergeLayers(layers: readonly GlossaryLayer[], report: Report): Map<string, Merged> {
  const merged = new Map<string, Merged>();
  layers.forEach((layer, li) => {
    const seen = new Map<string, RawEntry>();
    for (const file of layer.files) {
      for (const e of file.entries) {
        const first = seen.get(e.id.value);
        if (first) {
          report(e.id.range, `duplicate id "${e.id.value}" (first defined at ${at(first.id.range)})`);
          continue;
        }
        seen.set(e.id.value, e);
        const prev = merged.get(e.id.value);
        merged.set(e.id.value, { entry: prev ? overlay(prev.entry, e) : e, layer: li, builtin: layer.builtin && !prev });
      }
    }
  });
  return merged;
}

// Parsed entries of the built-in glossary are the same objects at every reload: what is worked out from one entry
// alone is kept with it, so a reload under a changed user file redoes only the user's entries.
interface NameFacts {
  name: Located<string>;
  lower: string;
  exact: string;
  sensitive: boolean;
  /** The name's pattern, when the name is matched as the entry's. */
  pattern: MatchPattern;
}
const nameFacts = new WeakMap<RawEntry, NameFacts[]>();

/** An entry's plain names, normalised (empty ones left out). */
function namesOf(e: RawEntry): NameFacts[] {
  let facts = nameFacts.get(e);
  if (facts) return facts;
  facts = [];
  const names = plainNames(e);
  const commonHeads = new Set(names.map((n) => headWord(n.value)).filter((h) => /^[^\p{Lu}]*\p{Ll}[^\p{Lu}]*$/u.test(h)));
  for (const name of names) {
    const lower = normalizeTerm(name.value, false);
    if (!lower) continue;
    const sensitive = e.caseSensitive ?? defaultCaseSensitive(name.value);
    const plural = takesPlural(name.value) || commonHeads.has(headWord(name.value).toLowerCase());
    const pattern = { term: name.value, entryId: e.id.value, caseSensitive: sensitive, plural };
    facts.push({ name, lower, exact: normalizeTerm(name.value, true), sensitive, pattern });
  }
  nameFacts.set(e, facts);
  return facts;
}

/**
 * Settles names: each name belongs to one entry. Two names clash when they would match the same text: equal
 * after case folding where either matches case-insensitively, or equal exactly where both are case-sensitive
 * (xAI and XAI may coexist). Same layer: an error, the first keeps it. A later layer takes over an earlier
 * layer's name, with a warning. A name an entry lists as a sense surface is not a plain name.
 */
function settleNames(ordered: readonly Merged[], report: Report): Claim[] {
  const byLower = new Map<string, Claim[]>();
  const claims: Claim[] = [];
  for (const m of ordered) {
    const id = m.entry.id.value;
    for (const { name, lower, sensitive, exact, pattern } of namesOf(m.entry)) {
      const same = byLower.get(lower) ?? [];
      if (same.some((c) => c.active && c.id === id && (c.exact === exact || !c.sensitive))) continue; // listed twice
      const clashes = same.filter((c) => c.active && c.id !== id && (!c.sensitive || !sensitive || c.exact === exact));
      const sameLayer = clashes.find((c) => c.layer === m.layer);
      if (sameLayer) {
        report(name.range, `"${name.value}" of entry "${id}" is already a name of entry "${sameLayer.id}" (${at(sameLayer.name.range)})`);
        continue;
      }
      for (const c of clashes) {
        report(name.range, `"${name.value}" of entry "${id}" overrides the same name of entry "${c.id}" (${at(c.name.range)})`, 'warning');
        c.active = false;
      }
      if ([...name.value.trim()].length === 1 && isHan(name.value.trim().charCodeAt(0))) {
        report(name.range, `"${name.value}" is a single Han character; it would match inside countless words`, 'warning');
      }
      const claim: Claim = { pattern, id, layer: m.layer, name, sensitive, lower, exact, active: true };
      claims.push(claim);
      same.push(claim);
      byLower.set(lower, same);
    }
  }
  return claims;
}

/** Entries made from a parsed entry without any problem, by `builtin` flag: made again only if a related id went missing. */
const madeEntries = new WeakMap<RawEntry, { builtin: boolean; entry: GlossaryEntry }>();

/** The merged entry, with `related` ids checked. */
function toEntry(m: Merged, merged: ReadonlyMap<string, Merged>, report: Report): GlossaryEntry {
  const made = madeEntries.get(m.entry);
  if (made && made.builtin === m.builtin && m.entry.related.every((r) => merged.has(r.value))) return made.entry;
  let reported = false;
  const entry = makeEntry(m, merged, (...a) => {
    reported = true;
    report(...a);
  });
  if (!reported) madeEntries.set(m.entry, { builtin: m.builtin, entry });
  return entry;
}

function makeEntry(m: Merged, merged: ReadonlyMap<string, Merged>, report: Report): GlossaryEntry {
  const e = m.entry;
  const related: string[] = [];
  for (const r of e.related) {
    if (!merged.has(r.value)) report(r.range, `related id "${r.value}" of entry "${e.id.value}" does not exist`);
    else if (r.value !== e.id.value && !related.includes(r.value)) related.push(r.value);
  }
  const entry: GlossaryEntry = {
    id: e.id.value,
    en: e.en.value,
    zh: e.zh?.value,
    abbr: e.abbr?.value,
    aliases: e.aliases.map((a) => a.value),
    category: e.category,
    level: e.level ?? 'standard',
    definition: NOT_YET,
    related,
    references: NOT_YET,
    caseSensitive: e.caseSensitive,
    draft: e.draft,
    verb: e.verb,
    senses: e.senses.map((s) => s.value),
    notIn: e.notIn.map((n) => n.value),
    ...terminology(e, report),
    source: NOT_YET,
    builtin: m.builtin,
  };
  // The details of a built-in entry are read from its YAML when first asked for: they stay so here.
  passOn(entry, 'definition', e, 'definition');
  passOn(entry, 'references', e, 'references');
  passOn(entry, 'source', e, 'range');
  return entry;
}

/** A place holder for a property {@link passOn} sets. */
const NOT_YET = undefined as never;

/** The preferred and avoided forms of a merged entry; a preferred form that is not one of its names is an error. */
function terminology(e: RawEntry, report: Report): Pick<GlossaryEntry, 'preferred' | 'avoid'> {
  const names = new Set(plainNames(e).map((n) => normalizeTerm(n.value, false)));
  const preferred: Partial<Record<TermLanguage, string>> = {};
  const avoid: Record<TermLanguage, string[]> = { zh: [], en: [] };
  for (const l of TERM_LANGUAGES) {
    for (const a of e.avoid?.[l] ?? []) avoid[l].push(a.value);
    const p = e.preferred?.[l];
    if (!p) continue;
    const avoided = new Set(avoid[l].map((a) => normalizeTerm(a, false)));
    const key = normalizeTerm(p.value, false);
    if (!names.has(key) || avoided.has(key)) {
      const own = [e.en, e.zh, e.abbr, ...e.aliases].filter((n): n is Located<string> => n !== undefined && !avoided.has(normalizeTerm(n.value, false)));
      report(p.range, `preferred.${l} "${p.value}" of entry "${e.id.value}" is not one of its names; expected one of ${own.map((n) => `"${n.value}"`).join(', ')}`);
      continue;
    }
    preferred[l] = p.value;
  }
  return { preferred, avoid };
}

const headWord = (term: string) => term.trim().split(/[\s-]+/).pop() ?? '';
/**
 * Proper names of one word (a capital, then lower case: Adam, Claude) keep their exact form; other names take a
 * plural, names of several words too (Tensor Cores, Vision Transformers: no name ends in a word that a plural `s`
 * would turn into another name). An entry's own names can say otherwise: `Agent` beside `AI agent` is the common
 * noun capitalised, and takes one.
 */
const takesPlural = (term: string) => /\s/.test(term.trim()) || !/^\p{Lu}[^\p{Lu}]*$/u.test(headWord(term));

function namePatterns(claims: readonly Claim[]): MatchPattern[] {
  return claims.filter((c) => c.active).map((c) => c.pattern);
}

/** Generated word forms and variants, unless another entry already claims that text. */
function formPatterns(ordered: readonly Merged[], claims: readonly Claim[], options: BuildOptions): MatchPattern[] {
  // Who claims a text, and whether in any case: a case form (MOE for MoE) may share its own entry's text.
  const taken = new Map<string, { id: string; anyCase: boolean }>();
  for (const c of claims) if (c.active && !taken.get(c.lower)?.anyCase) taken.set(c.lower, { id: c.id, anyCase: !c.sensitive });
  const out: MatchPattern[] = [];
  for (const m of ordered) {
    for (const { key, pattern } of formsOf(m.entry, options)) {
      const owner = taken.get(key);
      if (!key || (owner && (owner.id !== m.entry.id.value || owner.anyCase))) continue;
      // Beside its own entry's exact-case name, a case form is matched exactly too (lora, not Lora).
      const caseSensitive = owner !== undefined || pattern.caseSensitive === true;
      if (!owner) taken.set(key, { id: m.entry.id.value, anyCase: !caseSensitive });
      out.push(caseSensitive === pattern.caseSensitive ? pattern : { ...pattern, caseSensitive });
    }
  }
  return out;
}

const formFacts = new WeakMap<RawEntry, { key: string; pattern: MatchPattern }[]>();

/** An entry's generated forms, with their keys; kept only for forms compiled with the entry (`entry.forms`). */
function formsOf(e: RawEntry, options: BuildOptions): { key: string; pattern: MatchPattern }[] {
  const kept = formFacts.get(e);
  if (kept) return kept;
  const facts = (e.forms ?? options.forms?.(e) ?? []).map((form) => ({
    key: normalizeTerm(form, false),
    pattern: { term: form, entryId: e.id.value, caseSensitive: defaultCaseSensitive(form), plural: takesPlural(form) },
  }));
  if (e.forms) formFacts.set(e, facts);
  return facts;
}

/**
 * Patterns for ambiguous surfaces: one per surface with every entry it may mean, one per compound that selects a
 * sense, and one per `notIn` word that blocks an entry. A surface that is a plain name of another entry stays that
 * entry's name.
 */
function sensePatterns(entries: ReadonlyMap<string, GlossaryEntry>, claims: readonly Claim[], report: Report): MatchPattern[] {
  const plain = new Map(claims.filter((c) => c.active).map((c) => [c.lower, c.id]));
  const surfaces = new Map<string, { term: string; senses: SenseCandidate[]; caseSensitive?: boolean }>();
  const out: MatchPattern[] = [];
  for (const e of entries.values()) {
    for (const s of e.senses) {
      const key = normalizeTerm(s.surface, false);
      const owner = plain.get(key);
      if (owner) {
        report(e.source, `sense "${s.surface}" of entry "${e.id}" is a plain name of entry "${owner}"; it is matched as "${owner}"`, 'warning');
        continue;
      }
      const group = surfaces.get(key) ?? { term: s.surface, senses: [] };
      group.senses.push(candidate(e, s));
      // An entry that declares its case (API key: also API Key) declares it for its senses and compounds too.
      if (e.caseSensitive !== undefined) group.caseSensitive = (group.caseSensitive ?? false) || e.caseSensitive;
      surfaces.set(key, group);
      for (const c of s.compounds) out.push({ term: c, entryId: e.id, kind: 'compound', surface: surfaceIn(c, s.surface), plural: takesPlural(c), ...caseOf(e.caseSensitive) });
    }
    // A notIn phrase blocks its plural too (specific context: specific contexts).
    for (const n of e.notIn) out.push({ term: n, entryId: e.id, kind: 'block', plural: takesPlural(n) });
  }
  for (const g of surfaces.values()) {
    // One sense is no evidence for another: a sense's related entries leave out the other senses of its surface.
    const ids = new Set(g.senses.map((c) => c.entryId));
    const senses = g.senses.map((c) => ({ ...c, related: c.related.filter((r) => !ids.has(r)) })).sort((a, b) => Number(b.default) - Number(a.default));
    out.push({ term: g.term, entryId: senses[0].entryId, kind: 'sense', senses, plural: takesPlural(g.term), ...caseOf(g.caseSensitive) });
  }
  return out;
}

/** A pattern's declared case, where one is declared. */
const caseOf = (caseSensitive: boolean | undefined) => (caseSensitive === undefined ? {} : { caseSensitive });

function candidate(e: GlossaryEntry, s: SenseSpec): SenseCandidate {
  return { entryId: e.id, cues: s.cues, related: e.related, default: s.default };
}

function surfaceIn(compound: string, surface: string): { start: number; length: number } {
  const start = normalizeTerm(compound, false).indexOf(normalizeTerm(surface, false));
  return { start: Math.max(0, start), length: normalizeTerm(surface, false).length };
}

/** The later entry's given fields win; fields it leaves out come from the earlier one. */
function overlay(base: RawEntry, top: RawEntry): RawEntry {
  const pick = <K extends keyof RawEntry>(k: K): RawEntry[K] => (top.fields.has(k) ? top[k] : base[k]);
  const namesChanged = ['en', 'zh', 'abbr', 'aliases', 'verb', 'avoid'].some((k) => top.fields.has(k));
  return {
    id: top.id,
    fields: new Set([...base.fields, ...top.fields]),
    en: pick('en'),
    zh: pick('zh'),
    abbr: pick('abbr'),
    aliases: pick('aliases'),
    category: pick('category'),
    level: pick('level'),
    definition: { ...base.definition, ...top.definition },
    related: pick('related'),
    references: pick('references'),
    caseSensitive: pick('caseSensitive'),
    draft: pick('draft'),
    verb: pick('verb'),
    senses: pick('senses'),
    notIn: pick('notIn'),
    preferred: pick('preferred'),
    avoid: pick('avoid'),
    forms: namesChanged ? top.forms : base.forms,
    range: top.range,
  };
}
