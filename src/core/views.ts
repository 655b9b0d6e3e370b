// Plain data for the sidebar trees and quick picks: names, counts, tooltips and ranges, ready to convert.
import { CATEGORIES, categoryLabel } from './categories';
import { groupByConcept, type ConceptUse } from './concepts';
import type { GlossaryEntry } from './glossary';
import type { GlossaryIndex } from './glossaryIndex';
import { entryMatches, searchEntries } from './glossarySearch';
import { renderTooltip, type DisplayLanguage } from './hover';
import { fullName, primaryName, secondaryName } from './labels';
import { firstSentence } from './markdownText';
import { toRange, type Range } from './positions';
import type { Occurrence } from './scanner';

/** An entry as trees and quick picks show it. */
export interface EntryItem {
  readonly id: string;
  /** The primary name (Chinese where there is one). */
  readonly label: string;
  /** The other names, e.g. `chain of thought (CoT)`. */
  readonly secondary: string;
  /** Primary and secondary names in one line. */
  readonly fullName: string;
  readonly abbr?: string;
  readonly aliases: readonly string[];
  /** The first sentence of the definition in the display language. */
  readonly summary: string;
  /** Markdown, every piece of glossary text escaped. */
  readonly tooltip: string;
  readonly basic: boolean;
  readonly builtin: boolean;
}

/** One use of a concept in a document. */
export interface UseItem {
  readonly range: Range;
  /** 1-based line and column, for labels. */
  readonly line: number;
  readonly column: number;
  /** The text around the use on its line. */
  readonly snippet: string;
}

/** A concept of a chapter (or file) with its uses, in order of first use. */
export interface ConceptItem extends EntryItem {
  readonly uses: readonly UseItem[];
}

/** What a chapter view is about. */
export type ChapterHeading = { readonly kind: 'chapter'; readonly title: string } | { readonly kind: 'preamble'; readonly hasHeadings: boolean } | { readonly kind: 'file' };

/** The concepts of the chapter at a line of a document, or of the whole document. */
export interface ChapterView {
  readonly uri: string;
  readonly heading: ChapterHeading;
  /** First line (1-based) of the chapter; 1 for the whole file. */
  readonly line: number;
  /** Why the document was not scanned, if it was not. */
  readonly skipped?: string;
  readonly concepts: readonly ConceptItem[];
}

/** A category of the glossary tree with the entries that pass the filter, and how many notes use each. */
export interface CategoryItem {
  readonly id: string;
  readonly label: string;
  readonly entries: readonly (EntryItem & { readonly uses: number })[];
}

/** An entry as lists show it. */
export function entryItem(e: GlossaryEntry, language: DisplayLanguage): EntryItem {
  const def = language === 'en' ? (e.definition.en ?? e.definition.zh) : (e.definition.zh ?? e.definition.en);
  return {
    id: e.id,
    label: primaryName(e, language),
    secondary: secondaryName(e, language),
    fullName: fullName(e, language),
    abbr: e.abbr,
    aliases: e.aliases,
    summary: firstSentence(def ?? ''),
    tooltip: renderTooltip(e, language),
    basic: e.level === 'basic',
    builtin: e.builtin,
  };
}

/** A short piece of the line around an occurrence. */
export function snippet(text: string, o: Pick<Occurrence, 'start'>): string {
  const lineStart = Math.max(text.lastIndexOf('\n', o.start - 1), text.lastIndexOf('\r', o.start - 1)) + 1;
  let lineEnd = text.slice(o.start, o.start + 10_000).search(/[\r\n]/);
  lineEnd = lineEnd < 0 ? Math.min(text.length, o.start + 10_000) : o.start + lineEnd;
  const start = Math.max(lineStart, o.start - 20);
  const piece = text.slice(start, Math.min(lineEnd, start + 60)).trim();
  return (start > lineStart ? '…' : '') + piece + (lineEnd > start + 60 ? '…' : '');
}

/** Concepts with their uses, from grouped occurrences. */
export function conceptItems(concepts: readonly ConceptUse[], text: string, language: DisplayLanguage): ConceptItem[] {
  return concepts.map((u) => ({
    ...entryItem(u.entry, language),
    uses: u.occurrences.map((o) => ({ range: toRange(o), line: o.line, column: o.column, snippet: snippet(text, o) })),
  }));
}

/** Concepts of a list of occurrences. */
export function conceptsOf(occurrences: readonly Occurrence[], glossary: GlossaryIndex, text: string, language: DisplayLanguage): ConceptItem[] {
  return conceptItems(groupByConcept(occurrences, glossary), text, language);
}

/** The glossary by category (in the built-in order, then by name), filtered, with usage counts. */
export function glossaryCategories(glossary: GlossaryIndex, filter: string, uses: ReadonlyMap<string, number>, language: DisplayLanguage): CategoryItem[] {
  const byCat = new Map<string, GlossaryEntry[]>();
  for (const e of glossary.entries.values()) {
    if (!entryMatches(e, filter)) continue;
    let list = byCat.get(e.category);
    if (!list) byCat.set(e.category, (list = []));
    list.push(e);
  }
  const order = CATEGORIES.map((c) => c.id);
  const rank = (id: string) => (order.indexOf(id) < 0 ? 99 : order.indexOf(id));
  const ids = [...byCat.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return ids.map((id) => ({
    id,
    label: categoryLabel(id, language === 'en' ? 'en' : 'zh'),
    entries: byCat
      .get(id)!
      .sort((a, b) => a.en.localeCompare(b.en))
      .map((e) => ({ ...entryItem(e, language), uses: uses.get(e.id) ?? 0 })),
  }));
}

/** Every entry, best match for `query` first (all of them for an empty query). */
export function searchItems(glossary: GlossaryIndex, query: string, language: DisplayLanguage): EntryItem[] {
  return searchEntries(glossary.entries.values(), query).map((e) => entryItem(e, language));
}
