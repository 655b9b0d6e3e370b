import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, discardAndCloseAll, eventually, hoverText, open, positionOf, setConfig } from './util';

/** Our completion items at the end of a document (other providers' items, such as words of the document, left out). */
async function termItems(doc: vscode.TextDocument, pos = doc.positionAt(doc.getText().length)): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
  return list.items.filter((i) => typeof i.label !== 'string' && i.sortText !== undefined && i.filterText !== undefined);
}

const label = (i: vscode.CompletionItem) => (typeof i.label === 'string' ? i.label : i.label.label);

async function note(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(doc);
}

/** Accepts an item as VS Code does: its range replaced by its insert text, in one edit. */
async function accept(editor: vscode.TextEditor, item: vscode.CompletionItem): Promise<void> {
  const range = item.range as vscode.Range;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(editor.document.uri, range, item.insertText as string);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('term completion in a real VS Code', () => {
  before(api);
  afterEach(discardAndCloseAll);

  it('completes the start of a Chinese name over the typed range: the introduction first, the name afterwards', async function () {
    this.timeout(120_000);
    const editor = await note('# 第一章\n\n我们用思维');
    const t0 = Date.now();
    const items = await termItems(editor.document);
    console.log(`      first completion in the extension host: ${Date.now() - t0} ms`);
    const cot = items.find((i) => label(i) === '思维链');
    assert.ok(cot, items.map(label).join(', '));
    assert.deepEqual((cot.range as vscode.Range).start, new vscode.Position(2, 3));
    assert.deepEqual((cot.range as vscode.Range).end, new vscode.Position(2, 5));
    assert.equal(cot.insertText, '思维链（chain of thought, CoT）');
    assert.ok((cot.filterText ?? '').startsWith('思维'));
    assert.match(cot.detail ?? '', /提示与推理/);
    assert.match((cot.label as vscode.CompletionItemLabel).description ?? '', /chain of thought/);
    await accept(editor, cot);
    assert.equal(editor.document.getText(), '# 第一章\n\n我们用思维链（chain of thought, CoT）');
    await editor.edit((e) => e.insert(editor.document.positionAt(editor.document.getText().length), '，再用思维'));
    const again = (await termItems(editor.document)).find((i) => label(i) === '思维链')!;
    assert.equal(again.insertText, '思维链', 'used before in this chapter: the short form');
    await accept(editor, again);
    assert.equal(editor.document.getText(), '# 第一章\n\n我们用思维链（chain of thought, CoT），再用思维链');
  });

  it('completes English names and abbreviations, ranked, and keeps the typed case in the filter text', async () => {
    const editor = await note('# Chapter\n\nWe use LoRA');
    const items = await termItems(editor.document);
    assert.equal(label(items[0]), 'LoRA', 'the name typed in full first');
    assert.deepEqual(
      items.map((i) => i.sortText),
      [...items.map((i) => i.sortText)].sort(),
    );
    assert.ok(items.every((i) => (i.filterText ?? '').startsWith('LoRA')));
    assert.equal(items[0].insertText, 'LoRA', 'in an English note the introduction of LoRA is its name');
    const abbr = await note('# 一\n\n比如 Co');
    const cot = (await termItems(abbr.document)).find((i) => label(i) === 'CoT');
    assert.ok(cot);
    assert.equal(cot.insertText, '思维链（chain of thought, CoT）');
  });

  it('offers nothing in code, math or links, and nothing when turned off', async () => {
    for (const content of ['```\n思维\n```\n', '文本 `思维` 文本', '$$\n思维\n$$\n', '见 [思维](https://a.org) 文']) {
      const editor = await note(content);
      const items = await termItems(editor.document, positionOf(editor.document, '思维', 0, 2));
      assert.deepEqual(items.map(label), [], content);
    }
    const editor = await note('# 一\n\n我们用思维');
    try {
      await setConfig('completion.enabled', false);
      await eventually(async () => (await termItems(editor.document)).length === 0, 'completion turned off');
    } finally {
      await setConfig('completion.enabled', undefined);
    }
    assert.ok((await termItems(editor.document)).length > 0);
  });

  it('inserts what llmGlossary.completion.insert asks for', async () => {
    const editor = await note('# 一\n\n我们用思维');
    try {
      await setConfig('completion.insert', 'short');
      await eventually(async () => (await termItems(editor.document)).find((i) => label(i) === '思维链')?.insertText === '思维链', 'short form');
    } finally {
      await setConfig('completion.insert', undefined);
    }
  });
});

describe('known terms in a real VS Code', () => {
  before(api);
  afterEach(async () => {
    await setConfig('knownTerms', undefined);
    await setConfig('showKnownTerms', undefined);
    await discardAndCloseAll();
  });

  it('Mark as known removes the underline and keeps the hover; Forget brings it back; the list is a user setting', async () => {
    const a = await api();
    const editor = await open('notes', 'llm-s1.md');
    const texts = () => a.decorations(editor).map((r) => editor.document.getText(r));
    await eventually(() => texts().includes('涌现能力'), '涌现能力 underlined');
    const pos = positionOf(editor.document, '涌现能力');
    const before = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos));
    assert.match(before, /command:llmGlossary\.markKnown\?/);

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(pos, pos));
    const mark = actions.find((x) => x.command?.command === 'llmGlossary.markKnown');
    assert.ok(mark, actions.map((x) => x.title).join(', '));
    assert.deepEqual(mark.command!.arguments, ['emergent-abilities']);
    await vscode.commands.executeCommand(mark.command!.command, ...mark.command!.arguments!);
    await eventually(() => !texts().includes('涌现能力'), 'the underline is gone');
    assert.ok(texts().includes('RMSNorm'), 'other terms keep theirs');
    const setting = vscode.workspace.getConfiguration('llmGlossary').inspect<string[]>('knownTerms');
    assert.deepEqual(setting?.globalValue, ['emergent-abilities'], 'written to the user settings');
    const after = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos));
    assert.match(after, /涌现能力/, 'the hover stays');
    assert.match(after, /command:llmGlossary\.forgetKnown\?/);
    const forget = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(pos, pos))).find(
      (x) => x.command?.command === 'llmGlossary.forgetKnown',
    );
    assert.ok(forget, 'the code action now offers Forget');

    assert.equal(await vscode.commands.executeCommand('llmGlossary.toggleKnownTerms'), true);
    await eventually(() => texts().includes('涌现能力'), 'shown again by the toggle');
    assert.equal(await vscode.commands.executeCommand('llmGlossary.toggleKnownTerms'), false);
    await eventually(() => !texts().includes('涌现能力'), 'hidden again');

    assert.deepEqual(await vscode.commands.executeCommand('llmGlossary.forgetKnown', 'emergent-abilities'), []);
    await eventually(() => texts().includes('涌现能力'), 'Forget restores the underline');
  });

  it('marks the term at the cursor from the command palette', async () => {
    const a = await api();
    const editor = await open('notes', 'llm-s1.md');
    const pos = positionOf(editor.document, 'RMSNorm');
    editor.selection = new vscode.Selection(pos, pos);
    const texts = () => a.decorations(editor).map((r) => editor.document.getText(r));
    await eventually(() => texts().includes('RMSNorm'), 'RMSNorm underlined');
    assert.deepEqual(await vscode.commands.executeCommand('llmGlossary.markKnown'), ['rmsnorm']);
    await eventually(() => !texts().includes('RMSNorm'), 'RMSNorm not underlined');
  });
});
