// The "Add to my glossary" flow, shared by the Node suite (addTerm.test.ts) and the web host suite.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, eventually, hoverText, positionOf, workspaceUri } from './util';

/** A note with terms the built-in glossary lacks (lines of ../shared/corpus), and a term it has. */
export const NOTE = '# InfiniBand\n\n网卡在 InfiniBand 里叫 HCA（Host Channel Adapter，主机通道适配器）。\n\n后来也演变为串行接口（SAS，Serial Attached SCSI）。\n\n```\nTCA（Target Channel Adapter）\n```\n\n旋转位置编码（RoPE）已经收录。\n';

/** A user glossary with comments and blank lines that must survive the edit. */
export const ORIGINAL = '# Terms I add while reading (integration test).\n\nentries:\n  # made up\n  - id: zebra-stripe-routing\n    en: zebra stripe routing\n    category: custom\n    definition: {en: Made up for this test.}\n\n# end\n';

/** How soon after the glossary file is saved the service must have the new entry (ms): the second. */
const LOADED_AFTER_SAVE_MS = 1000;
/**
 * How soon after the save the hover must show it (ms). The hover goes through the workbench, which is opening the
 * glossary file at that moment; on a machine shared by many jobs that round trip alone took 1–3 s.
 */
const HOVER_AFTER_SAVE_MS = 5000;

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

/**
 * Adds the HCA pair to the glossary with the command, checks the file (one insertion, every other byte kept), the
 * selected entry head and the hover, polled until it shows the entry; undoes and saves. Resolves to the
 * milliseconds from the save of the glossary file (by the command) to the service having the entry, and to the
 * first hover that shows it.
 */
export async function addAndHover(note: vscode.TextDocument, glossary: vscode.Uri, loadedWithinMs = LOADED_AFTER_SAVE_MS): Promise<{ loaded: number; hovered: number }> {
  const hoverAt = positionOf(note, 'HCA（', 0, 1);
  const hover = async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', note.uri, hoverAt));
  assert.equal(await hover(), '', 'no hover before');
  // Polls the hover from the moment the command saves the file, while the command goes on to open it; up to 10 s,
  // so that a slow reload is measured, then held to the 1 s budget.
  let saved = 0;
  const onSave = vscode.workspace.onDidSaveTextDocument((d) => {
    if (d.uri.toString() === glossary.toString()) saved ||= Date.now();
  });
  let running = true;
  const a = await api();
  const loaded = (async () => {
    while (!saved && running) await sleep(5);
    while (saved && Date.now() - saved <= 10_000) {
      if (a.occurrences(note).live.some((o) => o.entryId === 'host-channel-adapter')) return Date.now();
      await sleep(5);
    }
    return 0;
  })();
  const firstHover = (async () => {
    while (!saved && running) await sleep(5);
    while (saved && Date.now() - saved <= 10_000) {
      if (/主机通道适配器/.test(await hover())) return Date.now();
      await sleep(20);
    }
    return 0;
  })();
  const result = await addTerm(note, pairRange(note), glossary).finally(() => {
    running = false;
    onSave.dispose();
  });
  const shown = await firstHover;
  const inService = await loaded;
  assert.ok(saved > 0, 'the command saved the glossary');
  assert.ok(result && 'added' in result, JSON.stringify(result));
  assert.equal(result.added, 'host-channel-adapter');
  assert.ok(shown > 0, 'the new entry is hovered after the save');
  assert.ok(inService > 0, 'the service has the new entry after the save');
  assert.ok(inService - saved <= loadedWithinMs, `the service has the new entry within ${loadedWithinMs} ms of the save (took ${inService - saved} ms)`);
  assert.ok(shown - saved <= HOVER_AFTER_SAVE_MS, `the new entry is hovered within ${HOVER_AFTER_SAVE_MS} ms of the save (took ${shown - saved} ms)`);

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
  return { loaded: inService - saved, hovered: shown - saved };
}
