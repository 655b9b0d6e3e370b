// What an export is made of: the chosen chapters of some notes, and one card per concept with its uses.
import { chapterAt, chaptersOf, occurrencesIn, type Chapter } from '../chapters';
import { groupByConcept } from '../concepts';
import type { GlossaryEntry } from '../glossary';
import type { GlossaryIndex } from '../glossaryIndex';
import type { DisplayLanguage } from '../hover';
import type { ScanResult } from '../scanner';
import { headingSlugs } from './slugs';

/** The export formats: an Anki text file, a CSV file, a printable Markdown glossary. */
export type ExportFormat = 'anki' | 'csv' | 'md';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['anki', 'csv', 'md'];

/** How the Markdown glossary is ordered: by note and chapter, or alphabetically (Chinese by pinyin). */
export type ExportGroup = 'chapter' | 'alpha';

/** One scanned note to export. */
export interface ExportNote {
  /** How the note is named in the output (a path relative to the working or workspace folder). */
  readonly name: string;
  /** A relative link to the note from the exported file (URL-encoded where needed). */
  readonly href: string;
  readonly scan: ScanResult;
}

/** Which chapters of each note: all, the one holding a 1-based line, or the N-th chapter heading (1-based). */
export interface ExportScope {
  readonly line?: number;
  readonly chapter?: number;
}

/** Words of the output, in the user's language (English by default). */
export interface ExportLabels {
  readonly title: string;
  readonly usedIn: string;
  readonly beforeFirstHeading: string;
  /** `{0}` is a number of further lines not listed. */
  readonly more: string;
  /** Column headers of the CSV file. */
  readonly columns: readonly [string, string, string, string, string, string, string];
}

export const ENGLISH_EXPORT_LABELS: ExportLabels = {
  title: 'Glossary',
  usedIn: 'Used in',
  beforeFirstHeading: 'before the first heading',
  more: '+{0} more',
  columns: ['id', 'English', 'Chinese', 'Abbreviation', 'Definition', 'Used in', 'Chapters'],
};

/** A chapter of a note that is exported; `anchor` is its heading's slug (none for text before any heading). */
export interface ExportChapter {
  readonly note: ExportNote;
  readonly chapter: Chapter;
  readonly anchor?: string;
  /** The entries used in it, in order of first use. */
  readonly entries: readonly GlossaryEntry[];
}

/** Where a concept is used: one chapter and the 1-based lines of its uses there (each once, ascending). */
export interface ExportUse {
  readonly chapter: ExportChapter;
  readonly lines: readonly number[];
}

/** One concept of the export with every use, in the order of the chapters. */
export interface ExportCard {
  readonly entry: GlossaryEntry;
  readonly uses: readonly ExportUse[];
}

/** Everything an export shows: the chapters in note order and the cards in order of first use. */
export interface ExportModel {
  readonly chapters: readonly ExportChapter[];
  readonly cards: readonly ExportCard[];
}

/**
 * The chapters of a note the scope selects: with `line`, the chapter holding it; with `chapter`, the N-th chapter
 * heading (the text before the first heading does not count); otherwise every chapter that uses a concept.
 */
export function selectChapters(scan: ScanResult, scope: ExportScope): Chapter[] {
  const all = chaptersOf(scan.headings, scan.lastLine);
  if (scope.line !== undefined) {
    const c = chapterAt(all, scope.line);
    return c ? [c] : [];
  }
  if (scope.chapter !== undefined) {
    const headed = all.filter((c) => !c.preamble);
    const c = headed.length ? headed[scope.chapter - 1] : scope.chapter === 1 ? all[0] : undefined;
    return c ? [c] : [];
  }
  return all;
}

/** How many chapter headings a note has (a note without headings counts as one chapter). */
export function chapterCount(scan: ScanResult): number {
  return Math.max(1, chaptersOf(scan.headings, scan.lastLine).filter((c) => !c.preamble).length);
}

/** Builds the export of the given notes (in the order given) and scope. */
export function exportModel(notes: readonly ExportNote[], glossary: GlossaryIndex, scope: ExportScope): ExportModel {
  const chapters: ExportChapter[] = [];
  const byId = new Map<string, { entry: GlossaryEntry; uses: ExportUse[] }>();
  for (const note of notes) {
    const slugs = headingSlugs(note.scan.headings);
    for (const chapter of selectChapters(note.scan, scope)) {
      const concepts = groupByConcept(occurrencesIn(chapter, note.scan.occurrences), glossary);
      if (!concepts.length) continue;
      const ec: ExportChapter = { note, chapter, anchor: chapter.preamble ? undefined : slugs.get(chapter.line), entries: concepts.map((c) => c.entry) };
      chapters.push(ec);
      for (const { entry, occurrences } of concepts) {
        let card = byId.get(entry.id);
        if (!card) byId.set(entry.id, (card = { entry, uses: [] }));
        card.uses.push({ chapter: ec, lines: [...new Set(occurrences.map((o) => o.line))].sort((a, b) => a - b) });
      }
    }
  }
  return { chapters, cards: [...byId.values()] };
}

/** The definitions to show for a language setting: Chinese then English for `both`, else the one asked for. */
export function definitionsFor(entry: GlossaryEntry, language: DisplayLanguage): string[] {
  const { zh, en } = entry.definition;
  const list = language === 'both' ? [zh, en] : language === 'zh' ? [zh ?? en] : [en ?? zh];
  return list.filter((d): d is string => Boolean(d?.trim())).map((d) => d.trim());
}

/** A chapter's display title: its heading, or the label for the text before the first heading. */
export function chapterTitle(c: ExportChapter, labels: ExportLabels): string {
  return c.chapter.preamble ? (c.note.scan.headings.length ? labels.beforeFirstHeading : '') : c.chapter.title;
}

/** The lines listed for a use, and how many more were left out (see EXPORT_LINES_PER_CHAPTER). */
export function listedLines(use: ExportUse, max: number): { lines: readonly number[]; more: number } {
  return { lines: use.lines.slice(0, max), more: Math.max(0, use.lines.length - max) };
}

/** Fills `{0}` in a label. */
export function fill(label: string, value: number | string): string {
  return label.replace('{0}', String(value));
}
