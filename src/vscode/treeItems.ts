import * as vscode from 'vscode';
import { categoryLabel } from '../core/categories';
import type { GlossaryEntry } from '../core/glossary';
import type { DisplayLanguage } from '../core/hover';
import { escapeMarkdown } from '../core/markdownText';

/** The label of an entry in the trees: its Chinese name where it has one, else its English name. */
export function entryTreeLabel(e: GlossaryEntry): string {
  return e.zh ?? e.en;
}

/** A tooltip with names and definition; glossary text is escaped and nothing is trusted. */
export function entryTooltip(e: GlossaryEntry, language: DisplayLanguage): vscode.MarkdownString {
  const parts = [`**${escapeMarkdown(e.zh ? `${e.zh} · ${e.en}` : e.en)}**${e.abbr ? ` · ${escapeMarkdown(e.abbr)}` : ''}`];
  parts.push(`*${escapeMarkdown(categoryLabel(e.category, language === 'en' ? 'en' : 'zh'))}*`);
  if (language !== 'en' && e.definition.zh) parts.push(escapeMarkdown(e.definition.zh));
  if (language !== 'zh' && e.definition.en) parts.push(escapeMarkdown(e.definition.en));
  const md = new vscode.MarkdownString(parts.join('\n\n'));
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}
