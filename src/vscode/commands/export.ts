import * as vscode from 'vscode';
import type { ExportFormat, ExportGroup, ExportLabels, GlossaryService } from '../../core/service';
import { isNote } from '../convert';
import { EXCLUDE, NOTES_GLOB } from '../workspace';

/** Which notes: the note, the chapter at the cursor, or every note of a folder. */
type Scope = 'note' | 'chapter' | 'folder';
/** A format as the command takes it: `md:alpha` is the Markdown glossary in alphabetical order. */
type FormatArg = ExportFormat | 'md:alpha';

/** What the command did: the file written and its figures (for tests and callers). */
export interface ExportCommandResult {
  readonly target: string;
  readonly concepts: number;
  readonly chapters: number;
  readonly notes: number;
  readonly bytes: number;
}

const EXTENSIONS: Record<ExportFormat, string> = { anki: 'txt', csv: 'csv', md: 'md' };

function labels(): ExportLabels {
  return {
    title: vscode.l10n.t('Glossary'),
    usedIn: vscode.l10n.t('Used in'),
    beforeFirstHeading: vscode.l10n.t('before the first heading'),
    more: vscode.l10n.t('+{0} more'),
    columns: ['id', 'English', vscode.l10n.t('Chinese'), vscode.l10n.t('Abbreviation'), vscode.l10n.t('Definition'), vscode.l10n.t('Used in'), vscode.l10n.t('Chapters')],
  };
}

async function pickScope(source: vscode.Uri | undefined, active: vscode.TextEditor | undefined): Promise<Scope | undefined> {
  const items: (vscode.QuickPickItem & { scope: Scope })[] = [];
  if (source) items.push({ label: vscode.l10n.t('This note'), description: vscode.workspace.asRelativePath(source), scope: 'note' });
  if (source && active?.document.uri.toString() === source.toString()) {
    items.push({ label: vscode.l10n.t('This chapter'), description: vscode.l10n.t('the chapter at the cursor'), scope: 'chapter' });
  }
  items.push({ label: vscode.l10n.t('A folder…'), description: vscode.l10n.t('every note inside it'), scope: 'folder' });
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export concepts of'), placeHolder: vscode.l10n.t('Which notes?') }))?.scope;
}

async function pickFormat(): Promise<FormatArg | undefined> {
  const items: (vscode.QuickPickItem & { format: FormatArg })[] = [
    { label: vscode.l10n.t('Anki cards'), description: '.txt', detail: vscode.l10n.t('Tab-separated, with Anki file headers: File › Import in Anki'), format: 'anki' },
    { label: vscode.l10n.t('CSV'), description: '.csv', detail: vscode.l10n.t('One row per concept, for spreadsheets'), format: 'csv' },
    { label: vscode.l10n.t('Markdown glossary, by chapter'), description: '.md', detail: vscode.l10n.t('Printable, with links to where each term is used'), format: 'md' },
    { label: vscode.l10n.t('Markdown glossary, A–Z'), description: '.md', detail: vscode.l10n.t('English by letter, Chinese by pinyin'), format: 'md:alpha' },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Export format') }))?.format;
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const folders = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, openLabel: vscode.l10n.t('Export') });
  return folders?.[0];
}

async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/** The notes of a folder, in path order. */
async function notesIn(folder: vscode.Uri): Promise<vscode.Uri[]> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, NOTES_GLOB), EXCLUDE);
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The save dialog, in the source's folder with a name from the source (it asks before replacing a file). */
async function pickTarget(source: vscode.Uri, folder: boolean, format: ExportFormat): Promise<vscode.Uri | undefined> {
  const stem = source.path.split('/').pop()!.replace(/\.(md|markdown)$/i, '') || 'notes';
  const name = `${stem}-${format === 'md' ? 'glossary' : 'concepts'}.${EXTENSIONS[format]}`;
  const home = vscode.workspace.getWorkspaceFolder(source)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const dir = folder ? source : source.scheme === 'untitled' && home ? home : vscode.Uri.joinPath(source, '..');
  const filters: Record<ExportFormat, Record<string, string[]>> = { anki: { [vscode.l10n.t('Anki text file')]: ['txt'] }, csv: { CSV: ['csv'] }, md: { Markdown: ['md'] } };
  return vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(dir, name), filters: filters[format], saveLabel: vscode.l10n.t('Export') });
}

/**
 * Export Concepts…: asks for the scope, the format and the file, or takes them as arguments
 * `(scope, format, targetUri, sourceUri?)` (then nothing is asked). From the explorer or an editor menu the first
 * argument is the clicked resource.
 */
async function exportConcepts(service: GlossaryService, ...args: unknown[]): Promise<ExportCommandResult | undefined> {
  const [a0, a1, a2, a3] = args;
  const fromMenu = a0 instanceof vscode.Uri ? a0 : undefined;
  const active = vscode.window.activeTextEditor && isNote(vscode.window.activeTextEditor.document) ? vscode.window.activeTextEditor : undefined;
  let source = fromMenu ?? (a3 instanceof vscode.Uri ? a3 : typeof a3 === 'string' ? vscode.Uri.parse(a3, true) : active?.document.uri);
  const scope: Scope | undefined = typeof a0 === 'string' ? (a0 as Scope) : source && (await isFolder(source)) ? 'folder' : await pickScope(source, active);
  if (!scope) return undefined;
  if (scope === 'folder' && (!source || !(await isFolder(source)))) source = await pickFolder();
  if (!source) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a Markdown note, or choose a folder, to export its concepts.'));
    return undefined;
  }
  const formatArg = typeof a1 === 'string' ? (a1 as FormatArg) : await pickFormat();
  if (!formatArg) return undefined;
  const format: ExportFormat = formatArg === 'md:alpha' ? 'md' : formatArg;
  const group: ExportGroup = formatArg === 'md:alpha' ? 'alpha' : 'chapter';
  const target = a2 instanceof vscode.Uri ? a2 : typeof a2 === 'string' ? vscode.Uri.parse(a2, true) : await pickTarget(source, scope === 'folder', format);
  if (!target) return undefined;

  const notes = scope === 'folder' ? (await notesIn(source)).filter((u) => u.toString() !== target.toString()) : [source];
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === source.toString());
  const line = scope === 'chapter' ? (editor?.selection.active.line ?? 0) + 1 : undefined;
  const base = vscode.workspace.getWorkspaceFolder(source)?.uri.toString();
  const result = await service.exportConcepts(
    notes.map((u) => u.toString()),
    { format, group, line, target: target.toString(), base, labels: labels() },
  );
  if (result.concepts === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No glossary concepts to export.'));
    return undefined;
  }
  const bytes = new TextEncoder().encode(result.text);
  await vscode.workspace.fs.writeFile(target, bytes);
  const open = vscode.l10n.t('Open');
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} concepts from {1} notes to {2}.', result.concepts, result.notes, vscode.workspace.asRelativePath(target)), open).then((choice) => {
    if (choice === open) void vscode.commands.executeCommand('vscode.open', target);
  });
  return { target: target.toString(), concepts: result.concepts, chapters: result.chapters, notes: result.notes, bytes: bytes.length };
}

/** Export Concepts… (palette, editor title and context menus of notes, explorer context menu of folders). */
export function registerExportCommands(service: GlossaryService): vscode.Disposable {
  return vscode.commands.registerCommand('llmGlossary.exportConcepts', (...args: unknown[]) => exportConcepts(service, ...args));
}
