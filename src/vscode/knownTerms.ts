import * as vscode from 'vscode';
import type { GlossaryService } from '../core/service';
import { SECTION } from './config';
import { entryIdOf, toDoc } from './convert';

/** The entry of the term at the cursor of the active Markdown editor. */
function idAtCursor(service: GlossaryService): string | undefined {
  const e = vscode.window.activeTextEditor;
  return e && service.knownStateAt(toDoc(e.document), e.document.offsetAt(e.selection.active))?.id;
}

async function pickKnown(service: GlossaryService): Promise<string | undefined> {
  const items = service.settings.knownTerms.map((id) => ({ label: service.entry(id)?.fullName ?? id, id }));
  if (!items.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No terms are marked as known.'));
    return undefined;
  }
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Forget which known term?') }))?.id;
}

/**
 * Puts an entry in the known terms or takes it out: the user setting `llmGlossary.knownTerms`, written to the
 * user settings (Settings Sync carries it). Resolves to the new list, or undefined when nothing was chosen.
 */
async function setKnown(service: GlossaryService, arg: unknown, known: boolean): Promise<string[] | undefined> {
  const id = entryIdOf(arg) ?? idAtCursor(service) ?? (known ? undefined : await pickKnown(service));
  if (!id) {
    if (known) void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a glossary term to mark it as known.'));
    return undefined;
  }
  const list = service.withKnown(id, known);
  await vscode.workspace.getConfiguration(SECTION).update('knownTerms', list, vscode.ConfigurationTarget.Global);
  return list;
}

/** "Mark as known" or "Forget" on the term at the cursor. */
function knownActions(service: GlossaryService): vscode.CodeActionProvider {
  return {
    provideCodeActions(doc, range) {
      const s = service.knownStateAt(toDoc(doc), doc.offsetAt(range.start));
      if (!s) return [];
      const title = s.known ? vscode.l10n.t('Forget "{0}" (underline it again)', s.name) : vscode.l10n.t('Mark "{0}" as known (no underline)', s.name);
      const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
      action.command = { title, command: s.known ? 'llmGlossary.forgetKnown' : 'llmGlossary.markKnown', arguments: [s.id] };
      return [action];
    },
  };
}

/** Mark as Known, Forget Known Term, Show/Hide Known Terms, and the code action on a term. */
export function registerKnownTerms(selector: vscode.DocumentSelector, service: GlossaryService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('llmGlossary.markKnown', (arg?: unknown) => setKnown(service, arg, true)),
    vscode.commands.registerCommand('llmGlossary.forgetKnown', (arg?: unknown) => setKnown(service, arg, false)),
    vscode.commands.registerCommand('llmGlossary.toggleKnownTerms', async () => {
      const next = !service.settings.showKnownTerms;
      await vscode.workspace.getConfiguration(SECTION).update('showKnownTerms', next, vscode.ConfigurationTarget.Global);
      return next;
    }),
    vscode.languages.registerCodeActionsProvider(selector, knownActions(service), { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}
