import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, workspaceUri } from './util';

interface ExportCommandResult {
  target: string;
  concepts: number;
  chapters: number;
  notes: number;
  bytes: number;
}

// ignoreBOM keeps the CSV file's byte-order mark in the text (a plain TextDecoder drops it).
const read = async (uri: vscode.Uri) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(await vscode.workspace.fs.readFile(uri));
const run = (...args: unknown[]) => vscode.commands.executeCommand<ExportCommandResult | undefined>('llmGlossary.exportConcepts', ...args);

describe('Export Concepts… (run with arguments, no dialogs)', function () {
  this.timeout(120_000);
  const out = () => workspaceUri('exports');
  before(api);
  afterEach(closeAll);
  after(async () => {
    await vscode.workspace.fs.delete(out(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    // The exported Markdown glossary was a note for a while: later suites count uses without it.
    await vscode.commands.executeCommand('llmGlossary.rebuildIndex');
    await (await api()).indexed();
  });

  it('writes the Anki file of a note: the headers, then one line of four fields per concept', async () => {
    const target = vscode.Uri.joinPath(out(), 'llm-s1-concepts.txt');
    const r = await run('note', 'anki', target, workspaceUri('notes', 'llm-s1.md'));
    assert.ok(r, 'the command reports what it wrote');
    const text = await read(target);
    assert.equal(r.bytes, new TextEncoder().encode(text).length);
    const lines = text.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 5), ['#separator:tab', '#html:true', '#notetype:Basic', '#tags column:3', '#guid column:4']);
    assert.equal(lines.length - 5, r.concepts);
    assert.ok(r.concepts > 40, `${r.concepts} concepts`);
    for (const l of lines.slice(5)) assert.equal(l.split('\t').length, 4, l);
    assert.ok(lines.some((l) => l.startsWith('涌现能力 · emergent abilities\t')), 'the front has both names');
    assert.ok(lines.every((l, i) => i < 5 || l.split('\t')[2] === 'notes::llm-s1::第一章_大模型简介'), 'one tag per chapter, named from the workspace folder');
  });

  it('exports the chapter at the cursor of an open, unsaved note as CSV', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# 第一章\n\nLoRA 与思维链。\n\n# 第二章\n\nRLHF 与 DPO。\n' });
    const editor = await vscode.window.showTextDocument(doc);
    try {
      await editor.edit((e) => e.insert(new vscode.Position(6, 0), '涌现能力也值得一提。'));
      editor.selection = new vscode.Selection(6, 0, 6, 0);
      const target = vscode.Uri.joinPath(out(), 'chapter.csv');
      const r = await run('chapter', 'csv', target, doc.uri);
      assert.ok(r);
      assert.equal(r.chapters, 1);
      const text = await read(target);
      assert.ok(text.startsWith('\uFEFFid,English,'));
      const ids = text.split('\r\n').slice(1, -1).map((l) => l.split(',')[0]);
      assert.ok(ids.includes('emergent-abilities'), `the edit is exported: ${ids.join(' ')}`);
      assert.ok(ids.includes('rlhf') && !ids.includes('lora'), `only the chapter at the cursor: ${ids.join(' ')}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  it('prints a folder as a Markdown glossary in pinyin order with links relative to the file', async () => {
    const target = vscode.Uri.joinPath(out(), 'notes-glossary.md');
    const r = await run('folder', 'md:alpha', target, workspaceUri('notes'));
    assert.ok(r);
    assert.equal(r.notes, 4);
    const text = await read(target);
    assert.ok(text.startsWith('# Glossary\n'));
    assert.ok(text.includes('](../notes/llm-s1.md#L'), 'line links from exports/ to the note');
    assert.ok(text.includes('](../notes/llm-s1.md#第一章-大模型简介)'), 'chapter links by heading anchor');
    const letters = text.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
    assert.ok(letters.length > 5, letters.join(' '));
    assert.deepEqual(letters, [...letters].sort((a, b) => (a === '\\#' ? -1 : b === '\\#' ? 1 : a < b ? -1 : 1)));
    const again = await run('folder', 'md:alpha', target, workspaceUri('notes'));
    assert.equal(again?.bytes, r.bytes);
    assert.equal(await read(target), text, 'the same notes give the same bytes');
  });
});
