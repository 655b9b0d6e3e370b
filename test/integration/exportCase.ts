// What Export Concepts… must do in every extension host (Node and web): run with arguments, no dialogs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, workspaceUri } from './util';

export interface ExportCommandResult {
  target: string;
  concepts: number;
  chapters: number;
  notes: number;
  bytes: number;
}

/** Where the exports go, inside the test workspace. */
export const exportsFolder = () => workspaceUri('exports');

// ignoreBOM keeps the CSV file's byte-order mark in the text (a plain TextDecoder drops it).
export const readExport = async (uri: vscode.Uri) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
export const runExport = (...args: unknown[]) => vscode.commands.executeCommand<ExportCommandResult | undefined>('llmGlossary.exportConcepts', ...args);

/** The Anki file of the sample chapter: the headers, then one line of four fields per concept, one tag per chapter. */
export async function exportNoteToAnki(): Promise<void> {
  const target = vscode.Uri.joinPath(exportsFolder(), 'llm-s1-concepts.txt');
  const r = await runExport('note', 'anki', target, workspaceUri('notes', 'llm-s1.md'));
  assert.ok(r, 'the command reports what it wrote');
  const text = await readExport(target);
  assert.equal(r.bytes, new TextEncoder().encode(text).length);
  const lines = text.trimEnd().split('\n');
  assert.deepEqual(lines.slice(0, 5), ['#separator:tab', '#html:true', '#notetype:Basic', '#tags column:3', '#guid column:4']);
  assert.equal(lines.length - 5, r.concepts);
  assert.ok(r.concepts > 40, `${r.concepts} concepts`);
  for (const l of lines.slice(5)) assert.equal(l.split('\t').length, 4, l);
  assert.ok(lines.some((l) => l.startsWith('涌现能力 · emergent abilities\t')), 'the front has both names');
  assert.ok(lines.every((l, i) => i < 5 || l.split('\t')[2] === 'notes::llm-s1::第一章_大模型简介'), 'one tag per chapter, named from the workspace folder');
}

/** The printable glossary of the notes folder, A–Z with Chinese by pinyin, linked, the same bytes twice. */
export async function printFolderGlossary(): Promise<void> {
  const target = vscode.Uri.joinPath(exportsFolder(), 'notes-glossary.md');
  const r = await runExport('folder', 'md:alpha', target, workspaceUri('notes'));
  assert.ok(r);
  assert.equal(r.notes, 4);
  const text = await readExport(target);
  assert.ok(text.startsWith('# Glossary\n'));
  assert.ok(text.includes('](../notes/llm-s1.md#L'), 'line links from exports/ to the note');
  assert.ok(text.includes('](../notes/llm-s1.md#第一章-大模型简介)'), 'chapter links by heading anchor');
  const letters = text.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
  assert.ok(letters.length > 5, letters.join(' '));
  assert.deepEqual(letters, [...letters].sort((a, b) => (a === '\\#' ? -1 : b === '\\#' ? 1 : a < b ? -1 : 1)));
  const again = await runExport('folder', 'md:alpha', target, workspaceUri('notes'));
  assert.equal(again?.bytes, r.bytes);
  assert.equal(await readExport(target), text, 'the same notes give the same bytes');
}

/** Removes the exports; the Markdown glossary was a note for a while, so the index is rebuilt without it. */
export async function removeExports(): Promise<void> {
  await vscode.workspace.fs.delete(exportsFolder(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  await vscode.commands.executeCommand('llmGlossary.rebuildIndex');
  await (await api()).indexed();
}
