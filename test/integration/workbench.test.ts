import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, eventually, open, positionOf, setConfig } from './util';

describe('sidebar, status bar, commands and underlines', () => {
  afterEach(closeAll);

  it('the built-in glossary is loaded', async () => {
    const a = await api();
    assert.ok(a.entryCount() >= 800, `${a.entryCount()} entries`);
  });

  it('"This Chapter" follows the cursor and the status bar counts its concepts', async () => {
    const a = await api();
    const editor = await open('notes', 'english.md');
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    await eventually(() => a.chapterView().title === 'Chapter 2: Attention and Efficient Inference', 'chapter title');
    const ids = a.chapterView().concepts.map((c) => c.id);
    for (const id of ['transformer', 'self-attention', 'grouped-query-attention', 'kv-cache', 'chain-of-thought-prompting', 'in-context-learning']) assert.ok(ids.includes(id), `${id} in ${ids.join(', ')}`);
    await eventually(() => a.statusText() === `$(book) ${a.chapterView().concepts.length} concepts`, `status text, got ${a.statusText()}`);
    const s1 = await open('notes', 'llm-s1.md');
    s1.selection = new vscode.Selection(40, 0, 40, 0);
    await eventually(() => a.chapterView().title === '第一章 大模型简介', 'follows the active editor');
    assert.ok(a.chapterView().concepts.some((c) => c.id === 'rmsnorm'));
  });

  it('"This Chapter" can show the whole file', async () => {
    const a = await api();
    const editor = await open('notes', 'traps.md');
    editor.selection = new vscode.Selection(7, 0, 7, 0);
    await vscode.commands.executeCommand('llmGlossary.chapterView.showFile');
    try {
      await eventually(() => a.chapterView().title.endsWith('traps.md'), 'file scope');
    } finally {
      await vscode.commands.executeCommand('llmGlossary.chapterView.showChapter');
    }
    await eventually(() => a.chapterView().title === '第三章 微调与对齐', 'chapter scope again');
  });

  it('"Glossary" lists entries by category with usage counts, and filters', async () => {
    const a = await api();
    await a.indexed();
    const cats = a.glossaryView().map((c) => c.category);
    assert.deepEqual(cats.slice(0, 3), ['ml-basics', 'nlp-basics', 'architecture']);
    assert.ok(cats.includes('custom'), 'user category shown');
    await eventually(() => a.usageCount('chain-of-thought') === 4, `usage count of chain-of-thought = ${a.usageCount('chain-of-thought')}`);
    const n = await vscode.commands.executeCommand<number>('llmGlossary.filterGlossary', 'rope');
    try {
      assert.ok(n >= 1 && n < 20, `${n} entries match "rope"`);
      assert.ok(a.glossaryView().some((c) => c.ids.includes('rope')));
    } finally {
      await vscode.commands.executeCommand('llmGlossary.clearGlossaryFilter');
    }
    assert.ok(a.glossaryView().reduce((k, c) => k + c.ids.length, 0) >= 800);
  });

  it('List Concepts in This Chapter: choosing a concept reveals its first use', async () => {
    await api();
    const editor = await open('notes', 'llm-s1.md');
    editor.selection = new vscode.Selection(60, 0, 60, 0);
    const picked = vscode.commands.executeCommand<{ id: string } | undefined>('llmGlossary.listChapterConcepts');
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const entry = await picked;
    assert.equal(entry?.id, 'large-language-model', 'the first item is the first concept of the chapter');
    const active = vscode.window.activeTextEditor!;
    assert.equal(active.document.getText(active.selection), '大模型', 'the heading 第一章 大模型简介 is its first use');
    assert.equal(active.selection.start.line, 13);
  });

  it('Insert Chapter Concept Table inserts one undoable table', async () => {
    await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '# 第一章\n\nLoRA 与 RLHF，以及思维链。\n\n' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(4, 0, 4, 0);
    const before = doc.getText();
    assert.equal(await vscode.commands.executeCommand('llmGlossary.insertConceptTable'), true);
    const after = doc.getText();
    assert.match(after, /\| 中文 \| English \| 缩写 \| 释义 \|\n\| --- \| --- \| --- \| --- \|\n/);
    assert.match(after, /\| 思维链 \| chain of thought \| CoT \| [^|]+ \|/);
    assert.equal(after.split('\n').filter((l) => l.startsWith('|')).length, 5);
    await vscode.commands.executeCommand('undo');
    assert.equal(doc.getText(), before, 'one undo restores the note byte for byte');
  });

  it('Copy as 中文（English, Abbreviation）', async () => {
    await api();
    const label = await vscode.commands.executeCommand<string>('llmGlossary.copyLabel', 'rope');
    assert.equal(label, '旋转位置编码（rotary position embedding, RoPE）');
    assert.equal(await vscode.env.clipboard.readText(), label);
  });

  it('Open Glossary Entry and Find All Uses', async () => {
    await api();
    const entry = await vscode.commands.executeCommand<{ id: string }>('llmGlossary.openEntry', 'swiglu');
    assert.equal(entry.id, 'swiglu');
    const ed = vscode.window.activeTextEditor!;
    assert.equal(ed.document.uri.toString(), 'llm-glossary:/glossary/architecture.yaml');
    assert.match(ed.document.lineAt(ed.selection.start.line).text, /- id: swiglu$/);
    const uses = await vscode.commands.executeCommand<vscode.Location[]>('llmGlossary.findUses', 'swiglu');
    assert.equal(uses.length, 3, 'llm-s1.md uses SwiGLU three times');
  });

  it('underlines terms, honours the modes and the toggle, and leaves basic terms alone by default', async () => {
    const a = await api();
    const editor = await open('notes', 'llm-s1.md');
    const texts = () => a.decorations(editor).map((r) => editor.document.getText(r));
    await eventually(() => texts().includes('RMSNorm'), 'RMSNorm underlined');
    assert.ok(!texts().includes('参数'), 'basic terms are not underlined by default');
    assert.ok(texts().filter((t) => t === 'LLM').length > 1);
    try {
      await setConfig('decorations', 'firstInSection');
      // SwiGLU is used twice in one section and once in another.
      await eventually(() => texts().filter((t) => t === 'SwiGLU').length === 2, 'first in section only');
      await setConfig('decorations', 'all');
      assert.equal(await vscode.commands.executeCommand('llmGlossary.toggleDecorations'), 'off');
      await eventually(() => a.decorations(editor).length === 0, 'toggled off');
      assert.equal(await vscode.commands.executeCommand('llmGlossary.toggleDecorations'), 'all');
      await eventually(() => a.decorations(editor).length > 0, 'toggled on');
      await setConfig('basicTerms.underline', true);
      await eventually(() => texts().includes('参数'), 'basic terms shown when asked');
    } finally {
      await setConfig('decorations', undefined);
      await setConfig('basicTerms.underline', undefined);
    }
  });

  it('updates underlines after an edit', async () => {
    const a = await api();
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'plain text\n' });
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'We use SwiGLU here.\n'));
    await eventually(() => a.decorations(editor).some((r) => doc.getText(r) === 'SwiGLU'), 'new term underlined');
    const pos = positionOf(doc, 'SwiGLU');
    assert.equal(pos.line, 1);
  });
});
