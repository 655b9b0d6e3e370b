import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LlmGlossaryApi } from '../../src/extension';

export const EXTENSION_ID = 'llm-glossary.llm-glossary';

/** Activates the extension and waits until its glossary is loaded. */
export async function api(): Promise<LlmGlossaryApi> {
  const ext = vscode.extensions.getExtension<LlmGlossaryApi>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  const a = await ext.activate();
  await a.ready();
  return a;
}

export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

export async function open(...parts: string[]): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceUri(...parts));
  return vscode.window.showTextDocument(doc);
}

/** The position of the n-th (0-based) occurrence of `needle` in a document, plus `delta` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, nth = 0, delta = 1): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" #${nth} is in ${doc.uri.path}`);
  }
  return doc.positionAt(at + delta);
}

/** Polls until `check` returns a truthy value or the time runs out. */
export async function eventually<T>(check: () => T | Promise<T>, what: string, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Like {@link eventually}, for a check that answers undefined until its value is there. */
export async function eventuallyDefined<T>(check: () => T | undefined | Promise<T | undefined>, what: string, ms = 10_000): Promise<T> {
  return (await eventually(check, what, ms)) as T;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))
    .join('\n');
}

export async function setConfig(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('llmGlossary').update(key, value, vscode.ConfigurationTarget.Global);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Closes every editor, discarding untitled documents first (closing a dirty one would ask to save it). */
export async function discardAndCloseAll(): Promise<void> {
  for (const d of vscode.workspace.textDocuments.filter((x) => x.isUntitled && !x.isClosed)) {
    await vscode.window.showTextDocument(d);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await closeAll();
}

/**
 * Replaces the whole text of a workspace file through one WorkspaceEdit and saves it. Each step takes a fresh
 * TextDocument: one opened earlier and never shown may have been closed by the host meanwhile (on a busy machine
 * after a few minutes), and the edit reopens the file as a new document.
 */
export async function replaceAndSave(uri: vscode.Uri, text: string): Promise<void> {
  const before = await vscode.workspace.openTextDocument(uri);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(before.positionAt(0), before.positionAt(before.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit));
  assert.ok(await (await vscode.workspace.openTextDocument(uri)).save(), `saved ${uri.path}`);
}
