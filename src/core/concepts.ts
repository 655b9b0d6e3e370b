import { chapterAt, chaptersOf, occurrencesIn, type Chapter } from './chapters';
import type { GlossaryEntry } from './glossary';
import type { Occurrence, ScanResult } from './scanner';

/** A concept found in a document, with all its occurrences (in document order). */
export interface ConceptUse<E = GlossaryEntry> {
  readonly entry: E;
  readonly occurrences: readonly Occurrence[];
}

/** A chapter and the concepts used in it, in order of first use. */
export interface ChapterConcepts<E = GlossaryEntry> {
  readonly chapter: Chapter;
  readonly concepts: readonly ConceptUse<E>[];
}

/** The concepts of one document, overall and per chapter. */
export interface DocumentConcepts<E = GlossaryEntry> {
  readonly concepts: readonly ConceptUse<E>[];
  readonly chapters: readonly ChapterConcepts<E>[];
}

/** Where entries are looked up by id: a glossary, or a table of what a report shows of them (in a scan worker). */
export interface EntryLookup<E> {
  get(id: string): E | undefined;
}

/** Groups occurrences by entry, in order of first use. */
export function groupByConcept<E = GlossaryEntry>(occurrences: readonly Occurrence[], glossary: EntryLookup<E>): ConceptUse<E>[] {
  const byId = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    let list = byId.get(o.entryId);
    if (!list) byId.set(o.entryId, (list = []));
    list.push(o);
  }
  const out: ConceptUse<E>[] = [];
  for (const [id, occ] of byId) {
    const entry = glossary.get(id);
    if (entry) out.push({ entry, occurrences: occ });
  }
  return out;
}

/**
 * The concepts of a scanned document per chapter. With `line`, only the chapter containing that line is kept.
 * A preamble chapter is kept only when it uses a concept (or holds the requested line).
 */
export function documentConcepts<E = GlossaryEntry>(scan: ScanResult, glossary: EntryLookup<E>, options: { line?: number } = {}): DocumentConcepts<E> {
  let chapters = chaptersOf(scan.headings, scan.lastLine);
  if (options.line !== undefined) {
    const c = chapterAt(chapters, options.line);
    chapters = c ? [c] : [];
  }
  const perChapter = chapters
    .map((chapter) => ({ chapter, concepts: groupByConcept(occurrencesIn(chapter, scan.occurrences), glossary) }))
    .filter((c) => !c.chapter.preamble || c.concepts.length > 0 || options.line !== undefined);
  const occurrences = options.line === undefined ? scan.occurrences : perChapter.flatMap((c) => c.concepts.flatMap((u) => u.occurrences)).sort((a, b) => a.start - b.start);
  return { concepts: groupByConcept(occurrences, glossary), chapters: perChapter };
}
