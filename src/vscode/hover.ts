import * as vscode from 'vscode';
import { HOVER_COMMANDS, renderHover, type HoverLabels } from '../core/hover';
import { occurrenceAt } from '../core/occurrences';
import type { Config } from './config';
import { toRange } from './convert';
import type { DocumentScans } from './documentScans';
import type { GlossaryStore } from './glossaryStore';

function labels(): HoverLabels {
  return {
    aliases: vscode.l10n.t('Also'),
    related: vscode.l10n.t('Related'),
    paper: vscode.l10n.t('Source'),
    openEntry: vscode.l10n.t('Open entry'),
    findUses: vscode.l10n.t('Find all uses'),
    basic: vscode.l10n.t('basic term'),
    draft: vscode.l10n.t('draft'),
  };
}

/**
 * The hover of a glossary term. Glossary text is escaped before rendering; the only command links are ours, and
 * in Restricted Mode there are none.
 */
export function registerHover(selector: vscode.DocumentSelector, store: GlossaryStore, scans: DocumentScans, config: () => Config): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(doc, position) {
      const occ = occurrenceAt(scans.get(doc).scan.occurrences, doc.offsetAt(position));
      const entry = occ && store.glossary.get(occ.entryId);
      if (!occ || !entry) return undefined;
      const trusted = vscode.workspace.isTrusted;
      const md = new vscode.MarkdownString(renderHover(entry, store.glossary, { language: config().language, commandLinks: trusted, labels: labels() }));
      md.supportHtml = false;
      md.isTrusted = trusted ? { enabledCommands: Object.values(HOVER_COMMANDS) } : false;
      return new vscode.Hover(md, toRange(occ));
    },
  });
}
