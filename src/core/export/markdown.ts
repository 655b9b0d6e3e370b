// The printable glossary: Markdown, by chapter or alphabetically, each term with its definition and where used.
import type { DisplayLanguage } from '../hover';
import { fullName, primaryName } from '../labels';
import { EXPORT_LINES_PER_CHAPTER } from '../limits';
import { escapeMarkdownText as escapeMarkdown } from '../markdownText';
import { compareLetters, compareNames, indexLetter } from './collation';
import { chapterTitle, definitionsFor, fill, listedLines, type ExportCard, type ExportChapter, type ExportGroup, type ExportLabels, type ExportModel, type ExportUse } from './model';

export interface MarkdownOptions {
  readonly language: DisplayLanguage;
  readonly group: ExportGroup;
  readonly labels: ExportLabels;
}

/** `[text](href)` with the text escaped. */
function link(text: string, href: string): string {
  return `[${escapeMarkdown(text)}](${href})`;
}

/**
 * One use as `note › chapter › 12, 40`: the note links to the file, the chapter to its heading's anchor, each line
 * to `#L<line>` (VS Code opens the note at that line; GitHub opens the note).
 */
function useLink(u: ExportUse, labels: ExportLabels): string {
  const { note, anchor } = u.chapter;
  const title = chapterTitle(u.chapter, labels);
  const parts = [link(note.name, note.href)];
  if (title) parts.push(anchor ? link(title, `${note.href}#${anchor}`) : escapeMarkdown(title));
  const { lines, more } = listedLines(u, EXPORT_LINES_PER_CHAPTER);
  parts.push(lines.map((l) => link(String(l), `${note.href}#L${l}`)).join(', ') + (more ? ` ${escapeMarkdown(fill(labels.more, more))}` : ''));
  return parts.join(' › ');
}

/** A term: its names as a heading, its definitions, and its where-used index. */
function term(card: ExportCard, options: MarkdownOptions, level: string): string[] {
  const out = [`${level} ${escapeMarkdown(fullName(card.entry, options.language))}`, ''];
  for (const d of definitionsFor(card.entry, options.language)) out.push(escapeMarkdown(d).replace(/\r\n?|\n/g, ' '), '');
  const uses = card.uses.map((u) => useLink(u, options.labels));
  out.push(uses.length === 1 ? `${escapeMarkdown(options.labels.usedIn)}: ${uses[0]}` : `${escapeMarkdown(options.labels.usedIn)}:`, '');
  if (uses.length > 1) out.push(...uses.map((u) => `- ${u}`), '');
  return out;
}

function chapterHeading(c: ExportChapter, labels: ExportLabels): string {
  const title = chapterTitle(c, labels);
  const note = link(c.note.name, c.note.href);
  if (!title) return `## ${note}`;
  return `## ${note} › ${c.anchor ? link(title, `${c.note.href}#${c.anchor}`) : escapeMarkdown(title)}`;
}

/** The Markdown glossary of an export. */
export function renderMarkdown(model: ExportModel, options: MarkdownOptions): string {
  const out = [`# ${escapeMarkdown(options.labels.title)}`, ''];
  const cards = new Map(model.cards.map((c) => [c.entry.id, c]));
  if (options.group === 'chapter') {
    for (const c of model.chapters) {
      out.push(chapterHeading(c, options.labels), '');
      for (const e of c.entries) out.push(...term(cards.get(e.id)!, options, '###'));
    }
  } else {
    const keyed = model.cards.map((card) => ({ card, name: primaryName(card.entry, options.language), letter: '' }));
    for (const k of keyed) k.letter = indexLetter(k.name);
    keyed.sort((a, b) => compareLetters(a.letter, b.letter) || compareNames(a.name, b.name) || (a.card.entry.id < b.card.entry.id ? -1 : 1));
    let letter: string | undefined;
    for (const k of keyed) {
      if (k.letter !== letter) out.push(`## ${k.letter === '#' ? '\\#' : k.letter}`, '');
      letter = k.letter;
      out.push(...term(k.card, options, '###'));
    }
  }
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
