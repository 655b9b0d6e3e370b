// The Anki format: a tab-separated text file with Anki's file headers (Anki 2.1.54 and later read them).
import type { DisplayLanguage } from '../hover';
import { chapterTags, definitionsOf, frontOf, whereUsedLines } from './fields';
import type { ExportLabels, ExportModel } from './model';

/**
 * The file headers: tab separator, fields are HTML, the Basic note type (Anki keeps the current one when the
 * collection has no "Basic"), tags in column 3 and a GUID in column 4, so importing a newer export updates the
 * cards instead of duplicating them. No `#columns:` line: without it Anki maps Front and Back by position, which
 * also works when the note type's fields have other (translated) names.
 */
export const ANKI_HEADERS = ['#separator:tab', '#html:true', '#notetype:Basic', '#tags column:3', '#guid column:4'];

/** The number of fields of every note line. */
export const ANKI_FIELDS = 4;

/** Escapes text for an HTML field: `& < > "` as entities, line breaks as `<br>`, tabs as spaces. */
export function ankiHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, ' ')
    .replace(/\r\n?|\n/g, '<br>');
}

/** One note per concept: Front (names), Back (definitions, then where it is used), Tags (its chapters), GUID. */
export function renderAnki(model: ExportModel, options: { language: DisplayLanguage; labels: ExportLabels }): string {
  const lines = [...ANKI_HEADERS];
  for (const card of model.cards) {
    const definitions = definitionsOf(card, options.language).map(ankiHtml).join('<br><br>');
    const uses = whereUsedLines(card, options.labels).map(ankiHtml).join('<br>');
    const back = `${definitions}${definitions ? '<hr>' : ''}<small>${ankiHtml(options.labels.usedIn)}: ${uses}</small>`;
    const tags = chapterTags(card, options.labels).join(' ');
    // A line that starts with `#` would be read as a comment.
    const front = ankiHtml(frontOf(card)).replace(/^#/, '&#35;');
    lines.push([front, back, tags, `llm-glossary:${card.entry.id}`.replace(/\s/g, '_')].join('\t'));
  }
  return lines.join('\n') + '\n';
}
