import * as vscode from 'vscode';
import type { ConceptItem, GlossaryService } from '../../core/service';
import { chapterTitle, isNote, toDoc, toRange } from '../convert';

type ConceptPick = vscode.QuickPickItem & { id: string; first: vscode.Range };

function activeNote(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor && isNote(editor.document)) return editor;
  void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown note to see its concepts.'));
  return undefined;
}

function conceptPick(c: ConceptItem, button: vscode.QuickInputButton): ConceptPick {
  const description = [c.abbr, vscode.l10n.t('{0}×', c.uses.length), vscode.l10n.t('first at line {0}', c.uses[0].line)].filter(Boolean).join(' · ');
  return { label: c.fullName, description, detail: c.summary, buttons: [button], id: c.id, first: toRange(c.uses[0].range) };
}

/** Resolves to the chosen concept after revealing its first use, or to its entry when its book button is used. */
function choose(qp: vscode.QuickPick<ConceptPick>, editor: vscode.TextEditor): Promise<{ id: string } | undefined> {
  return new Promise((resolve) => {
    let handled = false;
    qp.onDidAccept(async () => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      handled = true;
      qp.hide();
      if (item) {
        const ed = await vscode.window.showTextDocument(editor.document.uri, { selection: item.first, preserveFocus: false });
        ed.selection = new vscode.Selection(item.first.start, item.first.end);
        ed.revealRange(item.first, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
      resolve(item && { id: item.id });
    });
    qp.onDidTriggerItemButton(async (e) => {
      handled = true;
      qp.hide();
      resolve(await vscode.commands.executeCommand<{ id: string } | undefined>('llmGlossary.openEntry', e.item.id));
    });
    qp.onDidHide(() => {
      if (!handled) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

async function listChapterConcepts(service: GlossaryService): Promise<{ id: string } | undefined> {
  const editor = activeNote();
  if (!editor) return undefined;
  const view = service.chapter(toDoc(editor.document), editor.selection.active.line);
  const qp = vscode.window.createQuickPick<ConceptPick>();
  qp.title = vscode.l10n.t('Concepts in {0}', chapterTitle(view));
  qp.placeholder = view.concepts.length ? vscode.l10n.t('Choose a concept to go to its first use') : vscode.l10n.t('No glossary concepts in this chapter');
  qp.matchOnDescription = true;
  const button = { iconPath: new vscode.ThemeIcon('book'), tooltip: vscode.l10n.t('Open entry') };
  qp.items = view.concepts.map((c) => conceptPick(c, button));
  return choose(qp, editor);
}

async function insertConceptTable(service: GlossaryService): Promise<boolean> {
  const editor = activeNote();
  if (!editor) return false;
  const doc = editor.document;
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const pos = editor.selection.active;
  const table = service.conceptTable(toDoc(doc), pos.line, eol);
  if (!table) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No glossary concepts in this chapter.'));
    return false;
  }
  const blankBefore = pos.line === 0 || doc.lineAt(pos.line - 1).text.trim() === '';
  const before = pos.character > 0 ? eol + eol : blankBefore ? '' : eol;
  const after = doc.lineAt(pos.line).text.slice(pos.character).trim() !== '' ? eol : '';
  const edit = new vscode.WorkspaceEdit();
  edit.insert(doc.uri, pos, before + table + after);
  return vscode.workspace.applyEdit(edit);
}

/** List Concepts in This Chapter and Insert Chapter Concept Table, for the active note. */
export function registerChapterCommands(service: GlossaryService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('llmGlossary.listChapterConcepts', () => listChapterConcepts(service)),
    vscode.commands.registerCommand('llmGlossary.insertConceptTable', () => insertConceptTable(service)),
  );
}
