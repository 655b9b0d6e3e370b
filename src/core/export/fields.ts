// The text of a card, shared by the Anki and CSV formats: front (names), back (definitions), where used, tags.
import { EXPORT_LINES_PER_CHAPTER } from '../limits';
import type { DisplayLanguage } from '../hover';
import { fullName } from '../labels';
import { chapterTitle, definitionsFor, fill, listedLines, type ExportCard, type ExportLabels, type ExportUse } from './model';

/** The names on the front of a card: `思维链 · chain of thought (CoT)`, always in both languages. */
export function frontOf(card: ExportCard): string {
  return fullName(card.entry, 'both');
}

/** One line per chapter: `notes/llm-s1.md › 第一章 大模型简介 › 12, 40`. */
export function whereUsedLines(card: ExportCard, labels: ExportLabels): string[] {
  return card.uses.map((u) => useLine(u, labels));
}

function useLine(u: ExportUse, labels: ExportLabels): string {
  const { lines, more } = listedLines(u, EXPORT_LINES_PER_CHAPTER);
  const title = chapterTitle(u.chapter, labels);
  const list = lines.join(', ') + (more ? ` (${fill(labels.more, more)})` : '');
  return [u.chapter.note.name, title, list].filter(Boolean).join(' › ');
}

/** The definitions of a card in the configured language(s). */
export function definitionsOf(card: ExportCard, language: DisplayLanguage): string[] {
  return definitionsFor(card.entry, language);
}

/**
 * Anki tags for the chapters a card is used in, a tree of folders, note and chapter:
 * `notes::llm-s1::第一章_大模型简介` (no spaces, no quotes, no HTML).
 */
export function chapterTags(card: ExportCard, labels: ExportLabels): string[] {
  const tags = card.uses.map((u) => {
    // A note outside the working folder (../shared/samples/llm-s1.md) keeps its folders, not the way up to them.
    const folders = u.chapter.note.name.replace(/\.(md|markdown)$/i, '').split('/').filter((p) => p !== '..' && p !== '.');
    const title = u.chapter.chapter.preamble ? '' : chapterTitle(u.chapter, labels);
    return [...folders, title].filter(Boolean).map(tagPart).join('::');
  });
  return [...new Set(tags)];
}

function tagPart(s: string): string {
  return s.replace(/["<>&]/g, '').replace(/::+/g, ':').replace(/\s+/g, '_') || '_';
}
