import * as vscode from 'vscode';
import type { GlossaryService, HoverLabels } from '../core/service';
import { toDoc, toRange } from './convert';

/** Commands a hover links to; nothing else is ever enabled. */
const HOVER_COMMANDS = ['llmGlossary.openEntry', 'llmGlossary.findUses', 'llmGlossary.markKnown', 'llmGlossary.forgetKnown'];

function labels(): HoverLabels {
  return {
    aliases: vscode.l10n.t('Also'),
    related: vscode.l10n.t('Related'),
    paper: vscode.l10n.t('Source'),
    openEntry: vscode.l10n.t('Open entry'),
    findUses: vscode.l10n.t('Find all uses'),
    basic: vscode.l10n.t('basic term'),
    draft: vscode.l10n.t('draft'),
    otherSenses: vscode.l10n.t('Could also mean'),
    senseBy: {
      compound: vscode.l10n.t('this sense: from the compound word'),
      sentence: vscode.l10n.t('this sense: from the sentence'),
      section: vscode.l10n.t('this sense: from the section'),
      default: vscode.l10n.t('this sense: the usual one'),
      unresolved: vscode.l10n.t('sense not decided'),
    },
    markKnown: vscode.l10n.t('Mark as known'),
    forgetKnown: vscode.l10n.t('Forget (underline again)'),
  };
}

/** The hover of a glossary term. The only command links are ours, and in Restricted Mode there are none. */
export function registerHover(selector: vscode.DocumentSelector, service: GlossaryService): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(doc, position) {
      const trusted = vscode.workspace.isTrusted;
      const h = service.hover(toDoc(doc), doc.offsetAt(position), { commandLinks: trusted, labels: labels() });
      if (!h) return undefined;
      const md = new vscode.MarkdownString(h.markdown);
      md.supportHtml = false;
      md.isTrusted = trusted ? { enabledCommands: HOVER_COMMANDS } : false;
      return new vscode.Hover(md, toRange(h.range));
    },
  });
}
