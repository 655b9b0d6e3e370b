// The "Add to my glossary" flow, shared by the Node suite (addTerm.test.ts) and the web host suite.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, eventually, hoverText, positionOf, workspaceUri } from './util';

/** A note with terms the built-in glossary lacks (lines of ../shared/corpus), and a term it has. */
export const NOTE = '# InfiniBand\n\n网卡在 InfiniBand 里叫 HCA（Host Channel Adapter，主机通道适配器）。\n\n后来也演变为串行接口（SAS，Serial Attached SCSI）。\n\n```\nTCA（Target Channel Adapter）\n```\n\n旋转位置编码（RoPE）已经收录。\n';

/** A user glossary with comments and blank lines that must survive the edit. */
export const ORIGINAL = '# Terms I add while reading (integration test).\n\nentries:\n  # made up\n  - id: zebra-stripe-routing\n    en: zebra stripe routing\n    category: custom\n    definition: {en: Made up for this test.}\n\n# end\n';

/** How soon after the command's edit of the glossary file the service must have the new entry (ms). */
const LOADED_AFTER_EDIT_MS = 1000;
/**
 * How soon after the command finishes (the file edited, saved and open at the new entry) the hover must show the
 * entry (ms): the "hovered within a second through the live reload". The reload starts from the edited
 * document, so it no longer waits for the save or for the workbench opening the file.
 */
const HOVER_AFTER_COMMAND_MS = 1000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Result = { added: string; uri: string; selection: vscode.Range } | { duplicate: string } | { error: string } | undefined;

export async function openNote(): Promise<vscode.TextDocument> {
  const note = await vscode.workspace.openTextDocument({ language: 'markdown', content: NOTE });
  await vscode.window.showTextDocument(note);
  return note;
}

/** Writes a user glossary file and waits until its entries are loaded. */
export async function writeGlossary(name: string, text: string, loadedId?: string): Promise<vscode.Uri> {
  const a = await api();
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  if (loadedId) {
    await eventually(async () => {
      await a.ready();
      return a.glossaryView().some((c) => c.ids.includes(loadedId));
    }, `${name} loaded`);
  }
  return uri;
}

/** Deletes a glossary file (closing its editor first) and waits until an entry of it is gone. */
export async function removeGlossary(uri: vscode.Uri, goneId?: string): Promise<void> {
  const a = await api();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.fs.delete(uri);
  if (goneId) {
    await eventually(async () => {
      await a.ready();
      return !a.glossaryView().some((c) => c.ids.includes(goneId));
    }, `${goneId} unloaded`);
  }
}

export function addTerm(note: vscode.TextDocument, range: vscode.Range, glossary: vscode.Uri): Promise<Result> {
  return Promise.resolve(vscode.commands.executeCommand<Result>('llmGlossary.addToGlossary', note.uri, range, glossary));
}

/** The selection of `HCA（…主机通道适配器）` in the note. */
export function pairRange(note: vscode.TextDocument): vscode.Range {
  const start = positionOf(note, 'HCA（', 0, 0);
  return new vscode.Range(start, positionOf(note, '适配器）', 0, 4));
}

/** Milliseconds of the add-to-glossary flow (see {@link addAndHover}). */
export interface AddTimes {
  /** From the command's edit of the glossary file to the service having the entry. */
  readonly loaded: number;
  /** The command, from its call to its end (edit, reload, save, opening the file). */
  readonly command: number;
  /** From the command's end to the first hover that shows the entry (negative: shown before it ended). */
  readonly hovered: number;
  /** From the command's call to that hover. */
  readonly total: number;
}

/**
 * Adds the HCA pair to the glossary with the command, checks the file (one insertion, every other byte kept), the
 * selected entry head and the hover, polled from the call until it shows the entry; undoes and saves. Holds the
 * reload to `loadedWithinMs` after the edit and the hover to `hoveredWithinMs` after the command's end.
 */
export async function addAndHover(note: vscode.TextDocument, glossary: vscode.Uri, loadedWithinMs = LOADED_AFTER_EDIT_MS, hoveredWithinMs = HOVER_AFTER_COMMAND_MS): Promise<AddTimes> {
  const hoverAt = positionOf(note, 'HCA（', 0, 1);
  const hover = async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', note.uri, hoverAt));
  assert.equal(await hover(), '', 'no hover before');
  // Polls the service and the hover from the call, while the command edits, saves and opens the file (the save
  // itself is checked below: the document is not dirty); up to
  // 10 s, so that a slow reload is measured, then held to the budgets.
  let edited = 0;
  const watch = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.document.uri.toString() === glossary.toString() && e.contentChanges.length > 0) edited ||= Date.now();
  });
  const a = await api();
  const start = Date.now();
  const until = async (found: () => boolean | Promise<boolean>, everyMs: number) => {
    while (Date.now() - start <= 10_000) {
      if (await found()) return Date.now();
      await sleep(everyMs);
    }
    return 0;
  };
  const loaded = until(() => a.occurrences(note).live.some((o) => o.entryId === 'host-channel-adapter'), 5);
  const firstHover = until(async () => /主机通道适配器/.test(await hover()), 20);
  const result = await addTerm(note, pairRange(note), glossary).finally(() => watch.dispose());
  const done = Date.now();
  const shown = await firstHover;
  const inService = await loaded;
  assert.ok(edited > 0, 'the command edited the glossary');
  assert.ok(result && 'added' in result, JSON.stringify(result));
  assert.equal(result.added, 'host-channel-adapter');
  assert.ok(shown > 0, 'the new entry is hovered within 10 s of the command');
  assert.ok(inService > 0, 'the service has the new entry within 10 s of the command');
  const times: AddTimes = { loaded: inService - edited, command: done - start, hovered: shown - done, total: shown - start };
  const figures = `(${JSON.stringify(times)})`;
  assert.ok(times.loaded <= loadedWithinMs, `the service must have the new entry within ${loadedWithinMs} ms of the command's edit; it took ${times.loaded} ms ${figures}`);
  assert.ok(times.hovered <= hoveredWithinMs, `the new entry must be hovered within ${hoveredWithinMs} ms of the end of "Add to my glossary"; it took ${times.hovered} ms ${figures}`);

  const gdoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === glossary.toString())!;
  assert.equal(gdoc.isDirty, false, 'saved');
  const text = gdoc.getText();
  const at = text.indexOf('\n  - id: host-channel-adapter');
  assert.ok(at > 0, text);
  const inserted = text.slice(at, text.indexOf('\n\n# end'));
  assert.equal(text.slice(0, at) + text.slice(at + inserted.length), ORIGINAL, 'only the entry was inserted');
  assert.match(inserted, /^\n {2}- id: host-channel-adapter\n {4}en: Host Channel Adapter\n {4}zh: 主机通道适配器\n {4}abbr: HCA\n {4}category: custom\n {4}draft: true\n {4}definition:\n {6}en: ""\n {6}zh: ""\n {4}# added from Untitled-\d+:3$/);

  const editor = vscode.window.activeTextEditor!;
  assert.equal(editor.document.uri.toString(), glossary.toString(), 'the glossary is open');
  assert.equal(editor.document.getText(editor.selection), 'id: host-channel-adapter', 'the new entry is selected');
  const links = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', note.uri, hoverAt);
  assert.equal(links[0].targetUri.toString(), glossary.toString());
  assert.ok(links[0].targetRange.start.isEqual(editor.selection.start), 'where Go to Definition goes');
  assert.match(await hover(), /draft/);

  await vscode.commands.executeCommand('undo');
  assert.equal(gdoc.getText(), ORIGINAL, 'one undo restores the bytes');
  await gdoc.save();
  await eventually(async () => (await hover()) === '', 'the entry is gone after the undo');
  return times;
}
