import type { GlossaryEntry, GlossaryProblem, SourceRange } from './glossary';
import type { Located, ParsedGlossaryFile, RawEntry } from './glossaryLoader';
import { Matcher, type MatchPattern } from './matcher';
import { defaultCaseSensitive, isHan, normalizeTerm } from './text';

/**
 * A layer of glossary files. Within a layer an id may be defined once; a later layer overrides the fields its
 * entries give for an id of an earlier layer (the user's glossary over the built-in one, a later `--glossary`
 * file over an earlier one).
 */
export interface GlossaryLayer {
  readonly builtin: boolean;
  readonly files: readonly ParsedGlossaryFile[];
}

/** The merged glossary: entries by id, every problem found, and the matcher over all names. */
export class GlossaryIndex {
  readonly entries: ReadonlyMap<string, GlossaryEntry>;
  readonly problems: readonly GlossaryProblem[];
  /** The names matched in notes, after conflicts were settled. */
  readonly patterns: readonly MatchPattern[];
  private matcherCache?: Matcher;

  constructor(entries: Map<string, GlossaryEntry>, patterns: MatchPattern[], problems: GlossaryProblem[]) {
    this.entries = entries;
    this.patterns = patterns;
    this.problems = problems;
  }

  /** The automaton over every name, built on first use and shared. */
  get matcher(): Matcher {
    return (this.matcherCache ??= new Matcher(this.patterns));
  }

  get(id: string): GlossaryEntry | undefined {
    return this.entries.get(id);
  }

  /** Entries that name this one in `related`, for links both ways. */
  referrers(id: string): GlossaryEntry[] {
    return [...this.entries.values()].filter((e) => e.related.includes(id));
  }
}

const at = (r: SourceRange) => `${r.file}:${r.line}`;

/**
 * Merges layers of parsed glossary files into one index and checks what spans entries: duplicate ids in a layer,
 * a name claimed by two entries, `related` ids that point nowhere. Problems drop only what is wrong (the second
 * definition, the contested name, the dangling link); every other entry keeps working.
 */
export function buildGlossary(layers: readonly GlossaryLayer[]): GlossaryIndex {
  const problems: GlossaryProblem[] = [];
  for (const layer of layers) for (const f of layer.files) problems.push(...f.problems);
  const error = (r: SourceRange, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ ...r, severity, message });

  interface Merged {
    entry: RawEntry;
    layer: number;
    builtin: boolean;
    names: Located<string>[];
  }
  const merged = new Map<string, Merged>();
  layers.forEach((layer, li) => {
    const seen = new Map<string, RawEntry>();
    for (const file of layer.files) {
      for (const e of file.entries) {
        const first = seen.get(e.id.value);
        if (first) {
          error(e.id.range, `duplicate id "${e.id.value}" (first defined at ${at(first.id.range)})`);
          continue;
        }
        seen.set(e.id.value, e);
        const prev = merged.get(e.id.value);
        const entry = prev ? overlay(prev.entry, e) : e;
        merged.set(e.id.value, { entry, layer: li, builtin: layer.builtin && !prev, names: names(entry) });
      }
    }
  });

  // Settle names: each name belongs to one entry. Two names clash when they would match the same text: equal
  // after case folding where either matches case-insensitively, or equal exactly where both are case-sensitive
  // (xAI and XAI may coexist). Same layer: an error, the first keeps it. A later layer takes over an earlier
  // layer's name, with a warning.
  interface Claim {
    id: string;
    layer: number;
    name: Located<string>;
    sensitive: boolean;
    lower: string;
    exact: string;
    active: boolean;
  }
  const byLower = new Map<string, Claim[]>();
  const ordered = [...merged.values()].sort((a, b) => a.layer - b.layer);
  const claims: Claim[] = [];
  for (const m of ordered) {
    const id = m.entry.id.value;
    for (const name of m.names) {
      const lower = normalizeTerm(name.value, false);
      if (!lower) continue;
      const sensitive = m.entry.caseSensitive ?? defaultCaseSensitive(name.value);
      const exact = normalizeTerm(name.value, true);
      const same = byLower.get(lower) ?? [];
      if (same.some((c) => c.active && c.id === id && (c.exact === exact || !c.sensitive))) continue; // listed twice
      const clashes = same.filter((c) => c.active && c.id !== id && (!c.sensitive || !sensitive || c.exact === exact));
      const sameLayer = clashes.find((c) => c.layer === m.layer);
      if (sameLayer) {
        error(name.range, `"${name.value}" of entry "${id}" is already a name of entry "${sameLayer.id}" (${at(sameLayer.name.range)})`);
        continue;
      }
      for (const c of clashes) {
        error(name.range, `"${name.value}" of entry "${id}" overrides the same name of entry "${c.id}" (${at(c.name.range)})`, 'warning');
        c.active = false;
      }
      if ([...name.value.trim()].length === 1 && isHan(name.value.trim().charCodeAt(0))) {
        error(name.range, `"${name.value}" is a single Han character; it would match inside countless words`, 'warning');
      }
      const claim: Claim = { id, layer: m.layer, name, sensitive, lower, exact, active: true };
      claims.push(claim);
      if (!byLower.has(lower)) byLower.set(lower, []);
      byLower.get(lower)!.push(claim);
    }
  }

  const entries = new Map<string, GlossaryEntry>();
  for (const m of ordered) {
    const e = m.entry;
    const related: string[] = [];
    for (const r of e.related) {
      if (!merged.has(r.value)) error(r.range, `related id "${r.value}" of entry "${e.id.value}" does not exist`);
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
      definition: e.definition,
      related,
      references: e.references,
      caseSensitive: e.caseSensitive,
      draft: e.draft,
      source: e.range,
      builtin: m.builtin,
    };
    entries.set(entry.id, entry);
  }
  const patterns: MatchPattern[] = [];
  for (const c of claims) if (c.active) patterns.push({ term: c.name.value, entryId: c.id, caseSensitive: c.sensitive });
  return new GlossaryIndex(entries, patterns, problems);
}

function names(e: RawEntry): Located<string>[] {
  const out = [e.en];
  if (e.zh) out.push(e.zh);
  if (e.abbr) out.push(e.abbr);
  out.push(...e.aliases);
  return out;
}

/** The later entry's given fields win; fields it leaves out come from the earlier one. */
function overlay(base: RawEntry, top: RawEntry): RawEntry {
  const pick = <K extends keyof RawEntry>(k: K): RawEntry[K] => (top.fields.has(k) ? top[k] : base[k]);
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
    range: top.range,
  };
}
