import * as vscode from 'vscode';
import type { EntryItem, GlossaryService } from '../../core/service';
import { entryIdOf, toLocation, toRange, toUri } from '../convert';

type EntryPick = vscode.QuickPickItem & { id: string };

function pickItem(e: EntryItem): EntryPick {
  return { label: e.fullName, description: e.aliases.slice(0, 3).join(', '), detail: e.summary, id: e.id };
}

/** A quick pick over every entry (matching names, aliases and definitions); resolves to the chosen id. */
function pickEntry(service: GlossaryService, placeholder: string): Promise<string | undefined> {
  const qp = vscode.window.createQuickPick<EntryPick>();
  qp.placeholder = placeholder;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.items = service.search('').map(pickItem);
  return new Promise((resolve) => {
    qp.onDidAccept(() => {
      resolve((qp.selectedItems[0] ?? qp.activeItems[0])?.id);
      qp.hide();
    });
    qp.onDidHide(() => {
      resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

/** Opens an entry in its glossary file; resolves to the entry, or undefined if there is none. */
async function openEntry(service: GlossaryService, arg?: unknown): Promise<{ id: string } | undefined> {
  const id = entryIdOf(arg) ?? (await pickEntry(service, vscode.l10n.t('Open which glossary entry?')));
  const loc = id ? service.entryLocation(id) : undefined;
  if (!id || !loc) {
    if (id) void vscode.window.showWarningMessage(vscode.l10n.t('No glossary entry "{0}".', id));
    return undefined;
  }
  await vscode.window.showTextDocument(toUri(loc.uri), { selection: toRange(loc.range), preview: true });
  return { id };
}

/** Shows every use of an entry in the references view; resolves to the locations. */
async function findUses(service: GlossaryService, arg?: unknown): Promise<vscode.Location[]> {
  const id = entryIdOf(arg) ?? (await pickEntry(service, vscode.l10n.t('Find the uses of which entry?')));
  const entry = id ? service.entryLocation(id) : undefined;
  if (!id || !entry) return [];
  const locations = (await service.uses(id)).map(toLocation);
  const editor = vscode.window.activeTextEditor;
  const anchor = editor ? { uri: editor.document.uri, pos: editor.selection.active } : { uri: toUri(entry.uri), pos: toRange(entry.range).start };
  await vscode.commands.executeCommand('editor.action.showReferences', anchor.uri, anchor.pos, locations);
  return locations;
}

async function copyLabel(service: GlossaryService, arg?: unknown): Promise<string | undefined> {
  const label = service.label(entryIdOf(arg) ?? '');
  if (!label) return undefined;
  await vscode.env.clipboard.writeText(label);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', label), 3000);
  return label;
}

/** Open Glossary Entry, Search Glossary, Find All Uses, Copy Label. Each returns what tests can check. */
export function registerEntryCommands(service: GlossaryService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('llmGlossary.openEntry', (arg?: unknown) => openEntry(service, arg)),
    vscode.commands.registerCommand('llmGlossary.searchGlossary', async () => {
      const id = await pickEntry(service, vscode.l10n.t('Search the glossary (English, 中文, abbreviation)'));
      return id ? openEntry(service, id) : undefined;
    }),
    vscode.commands.registerCommand('llmGlossary.findUses', (arg?: unknown) => findUses(service, arg)),
    vscode.commands.registerCommand('llmGlossary.copyLabel', (arg?: unknown) => copyLabel(service, arg)),
  );
}
