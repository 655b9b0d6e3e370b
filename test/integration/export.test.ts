import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exportNoteToAnki, exportsFolder, printFolderGlossary, readExport as read, removeExports, runExport as run } from './exportCase';
import { api, closeAll } from './util';

describe('Export Concepts… (run with arguments, no dialogs)', function () {
  this.timeout(120_000);
  const out = exportsFolder;
  before(api);
  afterEach(closeAll);
  after(removeExports);

  it('writes the Anki file of a note: the headers, then one line of four fields per concept', exportNoteToAnki);

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

  it('prints a folder as a Markdown glossary in pinyin order with links relative to the file', printFolderGlossary);
});
