// Export for study: the concepts of some notes as Anki cards, a CSV file or a printable Markdown glossary.
import type { GlossaryIndex } from '../glossaryIndex';
import type { DisplayLanguage } from '../hover';
import { renderAnki } from './anki';
import { renderCsv } from './csv';
import { renderMarkdown } from './markdown';
import { ENGLISH_EXPORT_LABELS, exportModel, type ExportFormat, type ExportGroup, type ExportLabels, type ExportNote, type ExportScope } from './model';

export { ANKI_FIELDS, ANKI_HEADERS, ankiHtml } from './anki';
export { compareNames, indexLetter } from './collation';
export { CSV_BOM, csvField } from './csv';
export { chapterCount, ENGLISH_EXPORT_LABELS, EXPORT_FORMATS, exportModel, selectChapters } from './model';
export type { ExportFormat, ExportGroup, ExportLabels, ExportModel, ExportNote, ExportScope } from './model';
export { encodeHref, headingSlugs, relativeHref, relativeName, slugOf } from './slugs';

/** How to export. */
export interface ExportOptions extends ExportScope {
  readonly format: ExportFormat;
  /** Which definitions: both (Chinese, then English), zh or en. The front of a card always has both names. */
  readonly language: DisplayLanguage;
  /** Markdown only: by chapter (default) or alphabetically. */
  readonly group?: ExportGroup;
  readonly labels?: ExportLabels;
}

/** What an export produced: the file's text and how many concepts and chapters it holds. */
export interface ExportResult {
  readonly text: string;
  readonly concepts: number;
  readonly chapters: number;
}

/** Renders the export of notes (in the order given). Same notes and options, same text: nothing depends on time. */
export function renderExport(notes: readonly ExportNote[], glossary: GlossaryIndex, options: ExportOptions): ExportResult {
  const model = exportModel(notes, glossary, options);
  const labels = options.labels ?? ENGLISH_EXPORT_LABELS;
  const o = { language: options.language, labels };
  const text =
    options.format === 'anki' ? renderAnki(model, o) : options.format === 'csv' ? renderCsv(model, o) : renderMarkdown(model, { ...o, group: options.group ?? 'chapter' });
  return { text, concepts: model.cards.length, chapters: model.chapters.length };
}
