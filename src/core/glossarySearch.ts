import { entryTerms, type GlossaryEntry } from './glossary';
import { normalizeTerm } from './text';

/**
 * Whether an entry matches a search query: the query (case-folded, hyphens and spaces alike) is part of one of
 * its names or its id. An empty query matches everything.
 */
export function entryMatches(entry: GlossaryEntry, query: string): boolean {
  const q = normalizeTerm(query, false);
  if (!q) return true;
  if (entry.id.includes(q.replace(/ /g, '-'))) return true;
  return entryTerms(entry).some((t) => normalizeTerm(t, false).includes(q));
}

/** Entries matching a query, best first: exact name, then name prefix, then substring; ties by English name. */
export function searchEntries(entries: Iterable<GlossaryEntry>, query: string): GlossaryEntry[] {
  const q = normalizeTerm(query, false);
  const rank = (e: GlossaryEntry) => {
    const names = entryTerms(e).map((t) => normalizeTerm(t, false));
    if (names.includes(q)) return 0;
    if (names.some((n) => n.startsWith(q))) return 1;
    return 2;
  };
  return [...entries]
    .filter((e) => entryMatches(e, query))
    .map((e) => ({ e, r: rank(e) }))
    .sort((a, b) => a.r - b.r || a.e.en.localeCompare(b.e.en))
    .map((x) => x.e);
}
