import { chapterAt, chaptersOf, occurrencesIn, type Chapter } from './chapters';
import type { GlossaryEntry } from './glossary';
import type { GlossaryIndex } from './glossaryIndex';
import type { Occurrence, ScanResult } from './scanner';

/** A concept found in a document, with all its occurrences (in document order). */
export interface ConceptUse {
  readonly entry: GlossaryEntry;
  readonly occurrences: readonly Occurrence[];
}

/** A chapter and the concepts used in it, in order of first use. */
export interface ChapterConcepts {
  readonly chapter: Chapter;
  readonly concepts: readonly ConceptUse[];
}

/** The concepts of one document, overall and per chapter. */
export interface DocumentConcepts {
  readonly concepts: readonly ConceptUse[];
  readonly chapters: readonly ChapterConcepts[];
}

/** Groups occurrences by entry, in order of first use. */
export function groupByConcept(occurrences: readonly Occurrence[], glossary: GlossaryIndex): ConceptUse[] {
  const byId = new Map<string, Occurrence[]>();
  for (const o of occurrences) {
    let list = byId.get(o.entryId);
    if (!list) byId.set(o.entryId, (list = []));
    list.push(o);
  }
  const out: ConceptUse[] = [];
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
export function documentConcepts(scan: ScanResult, glossary: GlossaryIndex, options: { line?: number } = {}): DocumentConcepts {
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
