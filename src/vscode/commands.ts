import * as vscode from 'vscode';
import { renderConceptTable } from '../core/conceptTable';
import { entryLabel, type GlossaryEntry } from '../core/glossary';
import { searchEntries } from '../core/glossarySearch';
import { firstSentence } from '../core/markdownText';
import type { ChapterTree } from './chapterTree';
import type { Config, DecorationMode } from './config';
import { SECTION } from './config';
import { toRange } from './convert';
import { entryLocation } from './definition';
import { isNote } from './documentScans';
import type { GlossaryStore } from './glossaryStore';
import type { GlossaryTree } from './glossaryTree';
import { referenceLocations } from './references';
import type { WorkspaceNotes } from './workspaceNotes';

export interface CommandDeps {
  readonly store: GlossaryStore;
  readonly notes: WorkspaceNotes;
  readonly chapterTree: ChapterTree;
  readonly glossaryTree: GlossaryTree;
  readonly config: () => Config;
}

/** An entry id from a command argument: an id string, or a node of one of our trees. */
function idOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const a = arg as { entry?: GlossaryEntry; use?: { entry: GlossaryEntry } } | undefined;
  return a?.entry?.id ?? a?.use?.entry.id;
}

function entryItem(e: GlossaryEntry, language: Config['language']): vscode.QuickPickItem & { entry: GlossaryEntry } {
  const def = language === 'en' ? (e.definition.en ?? e.definition.zh) : (e.definition.zh ?? e.definition.en);
  return {
    label: e.zh ? `${e.zh}  ${e.en}` : e.en,
    description: [e.abbr, e.aliases.slice(0, 3).join(', ')].filter(Boolean).join(' · '),
    detail: firstSentence(def ?? ''),
    entry: e,
  };
}

/** Registers every command of the extension. Each returns something tests can check. */
export function registerCommands(d: CommandDeps): vscode.Disposable[] {
  const { store, notes } = d;
  const openEntryButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('book'), tooltip: vscode.l10n.t('Open entry') };

  const openEntry = async (arg?: unknown): Promise<GlossaryEntry | undefined> => {
    let id = idOf(arg);
    if (!id) {
      const picked = await pickEntry(vscode.l10n.t('Open which glossary entry?'));
      id = picked?.id;
    }
    const entry = id ? store.glossary.get(id) : undefined;
    if (!entry) {
      if (id) void vscode.window.showWarningMessage(vscode.l10n.t('No glossary entry "{0}".', id));
      return undefined;
    }
    const loc = entryLocation(store, entry);
    await vscode.window.showTextDocument(loc.uri, { selection: loc.range, preview: true });
    return entry;
  };

  const pickEntry = async (placeholder: string): Promise<GlossaryEntry | undefined> => {
    const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { entry: GlossaryEntry }>();
    qp.placeholder = placeholder;
    qp.matchOnDescription = true;
    qp.matchOnDetail = true;
    const all = [...store.glossary.entries.values()];
    const lang = d.config().language;
    qp.items = searchEntries(all, '').map((e) => entryItem(e, lang));
    return new Promise((resolve) => {
      qp.onDidAccept(() => {
        resolve((qp.selectedItems[0] ?? qp.activeItems[0])?.entry);
        qp.hide();
      });
      qp.onDidHide(() => {
        resolve(undefined);
        qp.dispose();
      });
      qp.show();
    });
  };

  const chapterOfActive = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isNote(editor.document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown note to see its concepts.'));
      return undefined;
    }
    return { editor, ...d.chapterTree.current(editor) };
  };

  const reveal = async (uri: vscode.Uri, range: vscode.Range) => {
    const editor = await vscode.window.showTextDocument(uri, { selection: range, preserveFocus: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  };

  return [
    vscode.commands.registerCommand('llmGlossary.openEntry', openEntry),
    vscode.commands.registerCommand('llmGlossary.searchGlossary', async () => {
      const entry = await pickEntry(vscode.l10n.t('Search the glossary (English, 中文, abbreviation)'));
      return entry ? openEntry(entry.id) : undefined;
    }),
    vscode.commands.registerCommand('llmGlossary.listChapterConcepts', async () => {
      const cur = chapterOfActive();
      if (!cur) return undefined;
      const qp = vscode.window.createQuickPick<vscode.QuickPickItem & { entry: GlossaryEntry; first: vscode.Range }>();
      qp.title = cur.title ? vscode.l10n.t('Concepts in {0}', cur.title) : vscode.l10n.t('Concepts in this chapter');
      qp.placeholder = cur.concepts.length ? vscode.l10n.t('Choose a concept to go to its first use') : vscode.l10n.t('No glossary concepts in this chapter');
      qp.matchOnDescription = true;
      const lang = d.config().language;
      qp.items = cur.concepts.map((u) => ({
        ...entryItem(u.entry, lang),
        description: [u.entry.abbr, vscode.l10n.t('{0}×', u.occurrences.length), vscode.l10n.t('first at line {0}', u.occurrences[0].line)]
          .filter(Boolean)
          .join(' · '),
        buttons: [openEntryButton],
        first: toRange(u.occurrences[0]),
      }));
      return new Promise<GlossaryEntry | undefined>((resolve) => {
        let handled = false;
        qp.onDidAccept(async () => {
          const item = qp.selectedItems[0] ?? qp.activeItems[0];
          handled = true;
          qp.hide();
          if (item) {
            const editor = await reveal(cur.editor.document.uri, item.first);
            editor.selection = new vscode.Selection(item.first.start, item.first.end);
          }
          resolve(item?.entry);
        });
        qp.onDidTriggerItemButton(async (e) => {
          handled = true;
          qp.hide();
          resolve(await openEntry(e.item.entry.id));
        });
        qp.onDidHide(() => {
          if (!handled) resolve(undefined);
          qp.dispose();
        });
        qp.show();
      });
    }),
    vscode.commands.registerCommand('llmGlossary.insertConceptTable', async () => {
      const cur = chapterOfActive();
      if (!cur) return false;
      if (cur.concepts.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('No glossary concepts in this chapter.'));
        return false;
      }
      const doc = cur.editor.document;
      const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const table = renderConceptTable(cur.concepts, { language: d.config().language, eol });
      const pos = cur.editor.selection.active;
      const lineText = doc.lineAt(pos.line).text;
      const before = pos.character > 0 || (pos.line > 0 && doc.lineAt(pos.line - 1).text.trim() !== '') ? eol + (pos.character > 0 ? eol : '') : '';
      const after = lineText.slice(pos.character).trim() !== '' ? eol : '';
      const edit = new vscode.WorkspaceEdit();
      edit.insert(doc.uri, pos, before + table + after);
      return vscode.workspace.applyEdit(edit);
    }),
    vscode.commands.registerCommand('llmGlossary.reloadGlossaries', async () => {
      await store.reload();
      return store.glossary.entries.size;
    }),
    vscode.commands.registerCommand('llmGlossary.rebuildIndex', async () => {
      await notes.rebuild();
      return notes.lastBuild;
    }),
    vscode.commands.registerCommand('llmGlossary.toggleDecorations', async () => {
      const c = vscode.workspace.getConfiguration(SECTION);
      const now = d.config().decorations;
      const next: DecorationMode = now === 'off' ? 'all' : 'off';
      await c.update('decorations', next, vscode.ConfigurationTarget.Global);
      return next;
    }),
    vscode.commands.registerCommand('llmGlossary.findUses', async (arg?: unknown) => {
      const id = idOf(arg) ?? (await pickEntry(vscode.l10n.t('Find the uses of which entry?')))?.id;
      const entry = id ? store.glossary.get(id) : undefined;
      if (!entry) return [];
      const locations = await referenceLocations(notes, entry.id);
      const editor = vscode.window.activeTextEditor;
      const anchor = editor ? { uri: editor.document.uri, pos: editor.selection.active } : { uri: entryLocation(store, entry).uri, pos: entryLocation(store, entry).range.start };
      await vscode.commands.executeCommand('editor.action.showReferences', anchor.uri, anchor.pos, locations);
      return locations;
    }),
    vscode.commands.registerCommand('llmGlossary.copyLabel', async (arg?: unknown) => {
      const entry = store.glossary.get(idOf(arg) ?? '');
      if (!entry) return undefined;
      const label = entryLabel(entry);
      await vscode.env.clipboard.writeText(label);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', label), 3000);
      return label;
    }),
    vscode.commands.registerCommand('llmGlossary.revealOccurrence', (uri: vscode.Uri, range: vscode.Range) => reveal(uri, range)),
    vscode.commands.registerCommand('llmGlossary.chapterView.showFile', () => d.chapterTree.setScope('file')),
    vscode.commands.registerCommand('llmGlossary.chapterView.showChapter', () => d.chapterTree.setScope('chapter')),
    vscode.commands.registerCommand('llmGlossary.filterGlossary', async (text?: string) => {
      const value =
        typeof text === 'string'
          ? text
          : await vscode.window.showInputBox({ prompt: vscode.l10n.t('Show glossary entries whose names contain…'), value: d.glossaryTree.filter });
      if (value !== undefined) d.glossaryTree.setFilter(value);
      return d.glossaryTree.categories().reduce((n, c) => n + c.entries.length, 0);
    }),
    vscode.commands.registerCommand('llmGlossary.clearGlossaryFilter', () => d.glossaryTree.setFilter('')),
  ];
}
