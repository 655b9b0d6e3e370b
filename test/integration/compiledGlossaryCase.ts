// The built-in glossary's details as the extension reads them from the shipped YAML, shared by the Node suite
// (compiledGlossary.test.ts) and the web host suite.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, EXTENSION_ID, hoverText, positionOf, setConfig } from './util';

/** The last entry of the largest built-in file: its details are far into its YAML, after much Chinese text. */
export const LAST = { id: 'exploration-strategy', name: 'exploration strategy', file: 'glossary/ml-basics.yaml' };

/** A shipped file's text, read as the extension reads it (workspace.fs on the extension's URI). */
export async function shipped(file: string): Promise<string> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, 'installed');
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, file)));
}

/** The entry's English definition as its YAML writes it (a double-quoted line under `definition:`). */
function englishDefinition(yaml: string, id: string): string {
  const item = yaml.slice(yaml.indexOf(`  - id: ${id}\n`));
  const line = /\n {6}en: (".*")\n/.exec(item);
  assert.ok(line, `the English definition of ${id}`);
  return JSON.parse(line[1]) as string;
}

/** Hovers the entry in English: its definition is the one in the shipped YAML, word for word. */
export async function hoverShowsShippedDefinition(): Promise<void> {
  await api();
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: `We tune the ${LAST.name} first.\n` });
  await vscode.window.showTextDocument(doc);
  try {
    await setConfig('language', 'en');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, LAST.name));
    const text = hoverText(hovers).replace(/\\(.)/g, '$1');
    assert.ok(text.includes(englishDefinition(await shipped(LAST.file), LAST.id)), text);
  } finally {
    await setConfig('language', undefined);
  }
}

/** Goes to the entry: the read-only shipped file, at its `- id:` line. */
export async function definitionAtShippedLine(): Promise<void> {
  await api();
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: `We tune the ${LAST.name} first.\n` });
  await vscode.window.showTextDocument(doc);
  const links = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', doc.uri, positionOf(doc, LAST.name));
  assert.equal(links.length, 1);
  assert.equal(links[0].targetUri.scheme, 'llm-glossary');
  assert.equal(links[0].targetUri.path, `/${LAST.file}`);
  const target = await vscode.workspace.openTextDocument(links[0].targetUri);
  const start = links[0].targetRange.start;
  assert.equal(target.lineAt(start.line).text, `  - id: ${LAST.id}`);
  assert.equal(start.character, 4, 'at the id key');
  const lines = (await shipped(LAST.file)).split('\n');
  assert.equal(lines[start.line], `  - id: ${LAST.id}`, 'the line in the shipped file');
}
