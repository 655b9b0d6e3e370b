// The CSV format: RFC 4180 (comma, CRLF between records, fields quoted where needed), UTF-8 with a byte-order mark.
import type { DisplayLanguage } from '../hover';
import { chapterTags, definitionsOf, whereUsedLines } from './fields';
import type { ExportLabels, ExportModel } from './model';

/** Excel reads a UTF-8 CSV file as the system's legacy code page unless it starts with a byte-order mark. */
export const CSV_BOM = '\uFEFF';

/** A field quoted as RFC 4180 asks: when it holds a comma, a quote, CR or LF; quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One record per concept: id, English, Chinese, abbreviation, definition (the configured languages, one
 * paragraph each), where used (one line per chapter), chapters (the Anki tags, space-separated). Plain text.
 */
export function renderCsv(model: ExportModel, options: { language: DisplayLanguage; labels: ExportLabels }): string {
  const rows: string[][] = [[...options.labels.columns]];
  for (const card of model.cards) {
    const e = card.entry;
    rows.push([
      e.id,
      e.en,
      e.zh ?? '',
      e.abbr ?? '',
      definitionsOf(card, options.language).join('\n\n'),
      whereUsedLines(card, options.labels).join('\n'),
      chapterTags(card, options.labels).join(' '),
    ]);
  }
  return CSV_BOM + rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
