import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, eventually, replaceAndSave, workspaceUri } from './util';

describe('incremental scans and the persisted notes index', () => {
  afterEach(closeAll);

  it('keeps a document scan equal to a full scan through typed edits, fences and multi-cursor edits', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# 第一章\n\nLoRA 与 QLoRA。\n\n## 1.1\n\nRLHF 和 PPO，思维链（CoT）。\n\n```\ncode CoT\n```\n\n尾声 GQA\n' });
    const editor = await vscode.window.showTextDocument(doc);
    a.occurrences(doc); // start the live scan
    const steps: ((e: vscode.TextEditorEdit) => void)[] = [
      (e) => e.insert(new vscode.Position(2, 0), '指令微调与 '),
      (e) => e.insert(new vscode.Position(6, 0), '```\n'), // opens a fence that swallows what follows
      (e) => e.delete(new vscode.Range(6, 0, 7, 0)), // and closes it again
      (e) => e.replace(new vscode.Range(0, 0, 0, 1), '##'),
      (e) => {
        e.insert(new vscode.Position(2, 0), 'DPO ');
        e.insert(new vscode.Position(6, 0), 'MoE ');
      },
      (e) => e.insert(new vscode.Position(doc.lineCount - 1, 0), '\r\n> RoPE 与 ALiBi\r\n'),
    ];
    for (const step of steps) {
      assert.ok(await editor.edit(step));
      const { live, full } = a.occurrences(doc);
      assert.deepEqual(live, full, `after edit, text:\n${doc.getText()}`);
    }
    assert.ok(a.occurrences(doc).live.some((o) => o.text === 'MoE'));
  });

  it('re-opening reuses the persisted index for unchanged notes and re-parses a changed one', async () => {
    const a = await api();
    await a.indexed();
    await vscode.commands.executeCommand('llmGlossary.rebuildIndex');
    const first = a.indexStats();
    assert.ok(first.files >= 4, JSON.stringify(first));
    assert.equal(first.parsed, 0, `nothing changed since the first build: ${JSON.stringify(first)}`);
    assert.equal(first.reused, first.files);
    const uri = workspaceUri('notes', 'added.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# 新笔记\n\nSwiGLU 与 RMSNorm。\n'));
    try {
      await eventually(() => a.usageCount('swiglu') === 2, `usage count of swiglu = ${a.usageCount('swiglu')}`);
      await vscode.commands.executeCommand('llmGlossary.rebuildIndex');
      const second = a.indexStats();
      assert.equal(second.parsed, 0, JSON.stringify(second));
      assert.equal(second.files, first.files + 1);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await eventually(() => a.usageCount('swiglu') === 1, 'deleted note leaves the index');
  });
});

describe('the notes index under concurrent changes', function () {
  this.timeout(120_000);
  afterEach(closeAll);

  it('saving notes and editing the glossary while the index rebuilds ends with the index a fresh build makes', async () => {
    const a = await api();
    await a.indexed();
    const notes = Array.from({ length: 30 }, (_, i) => workspaceUri('notes', `bulk-${i}.md`));
    for (const uri of notes) await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# 批量\n\nLoRA 与 RLHF。\n\n'.repeat(40)));
    const glossary = workspaceUri('my.glossary.yaml');
    const original = (await vscode.workspace.openTextDocument(glossary)).getText();
    try {
      const build = vscode.commands.executeCommand('llmGlossary.rebuildIndex');
      const doc = await vscode.workspace.openTextDocument(notes[3]);
      const editor = await vscode.window.showTextDocument(doc);
      await editor.edit((e) => e.insert(new vscode.Position(0, 0), 'GQA 与 zebra attention。\n\n'));
      assert.ok(await doc.save());
      await replaceAndSave(glossary, `${original}  - id: zebra-attention\n    en: zebra attention\n    category: custom\n    definition: {en: A striped attention pattern made up for this test.}\n`);
      await build;
      const key = vscode.workspace.asRelativePath(notes[3]);
      await eventually(async () => {
        await a.ready();
        await a.indexed();
        const { current, fresh } = await a.indexSnapshots();
        const mine = Object.entries(current).find(([uri]) => uri.endsWith(key))?.[1];
        return mine?.['zebra-attention'] === 1 && mine['grouped-query-attention'] === 1 && JSON.stringify(current) === JSON.stringify(fresh);
      }, 'the index equals a fresh build, with the saved note and the new entry', 30_000);
      const { current, fresh } = await a.indexSnapshots();
      assert.deepEqual(current, fresh);
    } finally {
      await replaceAndSave(glossary, original);
      await closeAll();
      for (const uri of notes) await vscode.workspace.fs.delete(uri);
    }
    await eventually(() => a.usageCount('zebra-attention') === 0 && a.usageCount('lora') < 30, 'the bulk notes and the entry are gone again', 30_000);
  });
});
