import * as vscode from 'vscode';
import type { CompletionEntry, GlossaryService } from '../core/service';
import { toDoc, toRange, untrustedMarkdown } from './convert';

function toItem(c: CompletionEntry, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem({ label: c.name, description: c.names }, vscode.CompletionItemKind.Text);
  item.range = range;
  item.insertText = c.insertText;
  item.filterText = c.filterText;
  item.sortText = c.sortText;
  item.detail = [c.category, c.summary].filter(Boolean).join(' · ');
  const doc = untrustedMarkdown('');
  doc.appendText(c.form === 'introduction' ? vscode.l10n.t('Inserts the introduction: {0}', c.insertText) : vscode.l10n.t('Inserts {0}', c.insertText));
  doc.appendMarkdown(`\n\n${c.documentation}`);
  item.documentation = doc;
  return item;
}

/**
 * Glossary terms as completions in Markdown prose: the service finds the typed start of a Chinese or English name
 * or an abbreviation (editors do not segment Chinese) and the range it covers. The list is incomplete, so every
 * keystroke asks again and the range follows the typing.
 */
export function registerCompletion(selector: vscode.DocumentSelector, service: GlossaryService, enabled: () => boolean): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(selector, {
    provideCompletionItems(doc, position) {
      if (!enabled()) return undefined;
      const r = service.completions(toDoc(doc), doc.offsetAt(position));
      if (!r?.items.length) return undefined;
      const range = toRange(r.range);
      return new vscode.CompletionList(
        r.items.map((c) => toItem(c, range)),
        true,
      );
    },
  });
}
