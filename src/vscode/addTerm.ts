// "Add to my glossary…": a code action on a selection or on a term the glossary lacks, and the command that appends
// a draft entry to a user glossary file with one WorkspaceEdit, reloads the glossary from the edited document at
// once, then saves and opens the file. Only workspace.fs and documents: it runs the same in the web extension host.
import * as vscode from 'vscode';
import { draftEntry, type DraftEntry, type GlossaryService, type TermToAdd } from '../core/service';
import { SECTION } from './config';
import { toDoc } from './convert';

export const ADD_TO_GLOSSARY = 'llmGlossary.addToGlossary';
const KIND = vscode.CodeActionKind.RefactorRewrite;
const NEW_FILE = 'notes.glossary.yaml';

/** What the command did, for tests and other callers. */
export type AddTermResult =
  | { readonly added: string; readonly uri: string; readonly selection: vscode.Range }
  | { readonly duplicate: string }
  | { readonly error: string };

/** The name a term is shown by in titles and messages. */
function termLabel(t: Pick<DraftEntry, 'zh' | 'en' | 'abbr'>): string {
  return t.zh ?? t.abbr ?? t.en;
}

function provideActions(service: GlossaryService, doc: vscode.TextDocument, range: vscode.Range): vscode.CodeAction[] {
  const term = service.termToAdd(toDoc(doc), doc.offsetAt(range.start), doc.offsetAt(range.end));
  if (!term || term.duplicate) return [];
  const action = new vscode.CodeAction(vscode.l10n.t('Add "{0}" to my glossary…', termLabel(term.draft)), KIND);
  const at = new vscode.Range(doc.positionAt(term.start), doc.positionAt(term.end));
  action.command = { command: ADD_TO_GLOSSARY, title: action.title, arguments: [doc.uri, at] };
  return [action];
}

function showDuplicate(d: { id: string; name: string }): AddTermResult {
  const open = vscode.l10n.t('Open entry');
  void vscode.window.showInformationMessage(vscode.l10n.t('"{0}" is already in the glossary (entry "{1}").', d.name, d.id), open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('llmGlossary.openEntry', d.id);
  });
  return { duplicate: d.id };
}

function showError(message: string): AddTermResult {
  void vscode.window.showErrorMessage(message);
  return { error: message };
}

/** A term with a Chinese name only: asks for its English name (optional); undefined when the user cancels. */
async function withEnglishName(term: TermToAdd): Promise<DraftEntry | undefined> {
  if (term.names.en || term.names.abbr) return term.draft;
  const en = await vscode.window.showInputBox({
    title: vscode.l10n.t('Add "{0}" to my glossary', termLabel(term.draft)),
    prompt: vscode.l10n.t('Its English name (it also makes the id). Leave it empty to use the Chinese name.'),
    placeHolder: 'rotary position embedding',
  });
  if (en === undefined) return undefined;
  return en.trim() ? (draftEntry({ ...term.names, en: en.trim() }) ?? term.draft) : term.draft;
}

type FilePick = vscode.QuickPickItem & { uri?: vscode.Uri };

/** Asks which user glossary file gets the entry, or to create one. */
async function pickGlossary(service: GlossaryService): Promise<vscode.Uri | undefined> {
  const files = await service.glossaryFiles();
  const items: FilePick[] = files.map((f) => ({ label: f.display, uri: vscode.Uri.parse(f.uri, true) }));
  items.push({ label: `$(new-file) ${vscode.l10n.t('Create new glossary file…')}` });
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Add the entry to which glossary file?') });
  if (!picked) return undefined;
  return picked.uri ?? createGlossary();
}

/** The header of a new glossary file. */
function header(): string {
  return [
    vscode.l10n.t('# My glossary for LLM Glossary. Entries added with "Add to my glossary…" are drafts:'),
    vscode.l10n.t('# write their definitions, pick a category, then remove "draft: true".'),
    'entries:',
    '',
  ].join('\n');
}

/** Asks for the name of a new glossary file in the first workspace folder; it loads by its name. */
async function createGlossary(): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: a new glossary file goes in the workspace folder.'));
    return undefined;
  }
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Create new glossary file'),
    value: NEW_FILE,
    valueSelection: [0, NEW_FILE.indexOf('.')],
    validateInput: (v) => (/^[^\\/:*?"<>|]+$/.test(v.trim()) ? undefined : vscode.l10n.t('A file name, such as {0}', NEW_FILE)),
  });
  if (!name?.trim()) return undefined;
  const file = /\.ya?ml$/i.test(name.trim()) ? name.trim() : `${name.trim()}.glossary.yaml`;
  return vscode.Uri.joinPath(folder.uri, file);
}

/** Creates a glossary file that does not exist yet (a WorkspaceEdit) with a header and an empty list. */
async function ensureFile(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(header()) });
    return vscode.workspace.applyEdit(edit);
  }
}

/** Adds a glossary file that is not named `*.glossary.yaml` to `llmGlossary.glossaryFiles` of the workspace. */
async function ensureLoaded(service: GlossaryService, uri: vscode.Uri): Promise<void> {
  if (service.isGlossaryFile(uri.toString())) return;
  const config = vscode.workspace.getConfiguration(SECTION, uri);
  const files = config.get<string[]>('glossaryFiles', []);
  const rel = vscode.workspace.asRelativePath(uri, false);
  if (!files.includes(rel)) await config.update('glossaryFiles', [...files, rel], vscode.ConfigurationTarget.Workspace);
}

/** Where a command argument points: a Uri or a URI string. */
function uriArg(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  return typeof arg === 'string' ? vscode.Uri.parse(arg, true) : undefined;
}

/**
 * Appends the term at `range` of the note `uri` (default: the active editor's selection) to the glossary file
 * `glossaryUri` (default: asks), with one WorkspaceEdit, saves the file if it had no unsaved changes, and opens it
 * with the new entry's head selected.
 */
async function addToGlossary(service: GlossaryService, uriIn?: unknown, rangeIn?: unknown, glossaryIn?: unknown): Promise<AddTermResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  const uri = uriArg(uriIn);
  const doc = uri ? await vscode.workspace.openTextDocument(uri) : editor?.document;
  const range = rangeIn instanceof vscode.Range ? rangeIn : doc && editor?.document === doc ? editor.selection : undefined;
  const term = doc && range ? service.termToAdd(toDoc(doc), doc.offsetAt(range.start), doc.offsetAt(range.end)) : undefined;
  if (!doc || !term) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a term in the prose of a note, such as 旋转位置编码（RoPE, Rotary Position Embedding）, or put the cursor on a term the glossary lacks.'));
    return undefined;
  }
  if (term.duplicate) return showDuplicate(term.duplicate);
  const glossaryArg = uriArg(glossaryIn);
  const draft = glossaryArg ? term.draft : await withEnglishName(term);
  const target = draft && (glossaryArg ?? (await pickGlossary(service)));
  if (!draft || !target) return undefined;
  if (!(await ensureFile(target))) return showError(vscode.l10n.t('Could not create {0}.', vscode.workspace.asRelativePath(target, true)));
  await ensureLoaded(service, target);

  const gdoc = await vscode.workspace.openTextDocument(target);
  const wasDirty = gdoc.isDirty;
  const from = `${vscode.workspace.asRelativePath(doc.uri, true)}:${doc.positionAt(term.start).line + 1}`;
  const result = service.addEntryEdit(gdoc.getText(), vscode.workspace.asRelativePath(target, true), draft, vscode.l10n.t('added from {0}', from));
  if ('duplicate' in result) return showDuplicate(result.duplicate);
  if ('error' in result) return showError(result.error);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(gdoc.uri, new vscode.Range(gdoc.positionAt(result.offset), gdoc.positionAt(result.offset + result.length)), result.text);
  if (!(await vscode.workspace.applyEdit(edit))) return showError(vscode.l10n.t('Could not edit {0}.', vscode.workspace.asRelativePath(target, true)));
  // The glossary reloads now from the edited document, whose text is final: not after the pause for typing, nor
  // after the save's round trip through the workbench. The save waits for it, so that the reload does not hold
  // up the extension host in the middle of the save.
  service.glossaryFileChanged(gdoc.uri.toString(), 'saved');
  await service.ready();
  // Saved unless it had unsaved changes of its own (left for the user to save), then opened at the entry.
  if (!wasDirty) await gdoc.save();
  const selection = new vscode.Selection(gdoc.positionAt(result.entryStart), gdoc.positionAt(result.entryEnd));
  await vscode.window.showTextDocument(gdoc, { selection, preview: false });
  return { added: draft.id, uri: gdoc.uri.toString(), selection };
}

/** The "Add to my glossary…" code action in Markdown notes and its command. */
export function registerAddTerm(selector: vscode.DocumentSelector, service: GlossaryService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerCodeActionsProvider(selector, { provideCodeActions: (doc, range) => provideActions(service, doc, range) }, { providedCodeActionKinds: [KIND] }),
    vscode.commands.registerCommand(ADD_TO_GLOSSARY, (uri?: unknown, range?: unknown, glossary?: unknown) => addToGlossary(service, uri, range, glossary)),
  );
}
