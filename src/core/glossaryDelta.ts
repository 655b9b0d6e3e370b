// Which notes a glossary edit can change: the CLI's --cache keeps a note's answer when no name that differs
// between the two glossaries occurs in its prose and no entry its answer shows differs.
import type { ReportEntry } from './conceptsReport';
import { MAX_CHANGED_NAMES } from './limits';
import { Matcher, type MatchPattern } from './matcher';
import { patternKey } from './overlayMatcher';

/** What a cache keeps of the glossary its answers were computed with. */
export interface GlossaryDigest {
  /** The key of each pattern (what decides how it matches and what its match says), in the matcher's order. */
  readonly patterns: readonly string[];
  /** Each entry's report fields (JSON), by id: what a note's answer shows of an entry. */
  readonly entries: Readonly<Record<string, string>>;
}

/** The digest of a glossary: its patterns' keys in order, its entries' report fields. */
export function glossaryDigest(patterns: readonly MatchPattern[], entries: Iterable<ReportEntry>): GlossaryDigest {
  const byId: Record<string, string> = {};
  for (const e of entries) byId[e.id] = JSON.stringify([e.en, e.zh ?? null, e.abbr ?? null, e.aliases, e.category, e.level]);
  return { patterns: patterns.map(patternKey), entries: byId };
}

/** The name a pattern key was made from (a plain key starts with it; any other is a JSON array led by it). */
function termOfKey(key: string): string {
  const nul = key.indexOf('\u0000');
  return nul >= 0 ? key.slice(0, nul) : String((JSON.parse(key) as unknown[])[0]);
}

/**
 * The difference between the glossary a cache's answers were computed with and the current one. The patterns both
 * share before the first and after the last difference keep their order (so overlaps settle the same); every
 * pattern in between, old or new, counts as changed. A note is unaffected when no changed name occurs in its prose
 * (case and word boundaries aside) and its answer shows no entry whose report fields changed, came or went:
 * then its matches, senses and report are what they were.
 */
export class GlossaryDelta {
  private constructor(
    private readonly names: Matcher | undefined,
    private readonly entries: ReadonlySet<string>,
  ) {}

  /** The delta between two digests, or undefined when too much differs to be worth checking notes one by one. */
  static between(before: GlossaryDigest, now: GlossaryDigest): GlossaryDelta | undefined {
    const a = before.patterns;
    const b = now.patterns;
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head]) head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
    const changed = [...a.slice(head, a.length - tail), ...b.slice(head, b.length - tail)];
    if (changed.length > MAX_CHANGED_NAMES) return undefined;
    const entries = new Set<string>();
    for (const id of Object.keys(before.entries)) if (before.entries[id] !== now.entries[id]) entries.add(id);
    for (const id of Object.keys(now.entries)) if (before.entries[id] === undefined) entries.add(id);
    const names = changed.map((k): MatchPattern => ({ term: termOfKey(k), entryId: '' }));
    return new GlossaryDelta(names.length ? new Matcher(names) : undefined, entries);
  }

  /** Number of entries whose report fields differ (added and removed ones included). */
  get changedEntries(): number {
    return this.entries.size;
  }

  /** Whether a note's answer may differ: a changed name in its prose, or a changed entry among those it shows. */
  affects(proseText: string, entryIds: readonly string[]): boolean {
    if (entryIds.some((id) => this.entries.has(id))) return true;
    return this.names?.mentions(proseText) ?? false;
  }
}
