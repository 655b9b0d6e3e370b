import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, eventually, setConfig, workspaceUri } from './util';

// A real sentence from the corpus (datawhalechina+self-llm/examples/数字生命/readme.md) and a bare abbreviation.
// 精调 inside 全量精调 is full fine-tuning, another entry; 精调 in the code block is not prose.
const NOTE = ['# 微调方式', '', '主要考虑Lora和全量精调，我们采用LoRa微调。我们在指令数据上精调模型，再用微调后的模型评测。', '', '精调之后再评测。', '', '```', '精调', '```', '', '先看 CoT 的效果。', ''].join('\n');

const ours = (uri: vscode.Uri, code: string) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'llm-glossary' && d.code === code);

async function openNote(name: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceUri('notes', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

const rangeText = (doc: vscode.TextDocument, r: vscode.Range) => doc.getText(r);

async function actionsAt(doc: vscode.TextDocument, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, vscode.CodeActionKind.QuickFix.value);
  return all.filter((a) => a.edit);
}

/** Applies an action's edit, checks the result, then undoes it and checks the bytes are back. */
async function applyAndUndo(editor: vscode.TextEditor, action: vscode.CodeAction, expected: (before: string) => string): Promise<void> {
  const doc = editor.document;
  const before = doc.getText();
  assert.ok(await vscode.workspace.applyEdit(action.edit!), `${action.title} applies`);
  assert.equal(doc.getText(), expected(before), action.title);
  await vscode.commands.executeCommand('undo');
  await eventually(() => doc.getText() === before, `one undo restores the note after "${action.title}"`);
}

describe('terminology in a real VS Code', function () {
  this.timeout(120_000);
  before(api);
  after(async () => {
    for (const n of ['a', 'b', 'c']) await vscode.workspace.fs.delete(workspaceUri('notes', `terminology-${n}.md`)).then(undefined, () => undefined);
  });
  afterEach(async () => {
    await closeAll();
    await setConfig('firstUse.enabled', undefined);
  });

  it('diagnostics at exact ranges: one Information per concept with every use, a Hint per avoided use, never in code', async () => {
    const editor = await openNote('terminology-a.md', NOTE);
    const doc = editor.document;
    const mixed = (await eventually(() => ours(doc.uri, 'mixed-renderings').find((d) => d.message.includes('fine-tuning')), 'the mixed-renderings diagnostic'))!;
    assert.equal(mixed.severity, vscode.DiagnosticSeverity.Information);
    assert.deepEqual([mixed.range.start.line, mixed.range.start.character], [0, 2]);
    assert.equal(rangeText(doc, mixed.range), '微调');
    assert.deepEqual(mixed.relatedInformation?.map((r) => `${r.location.range.start.line}:${r.location.range.start.character}:${rangeText(doc, r.location.range)}`), [
      '0:2:微调',
      '2:22:微调',
      '2:33:精调',
      '2:40:微调',
      '4:0:精调',
    ]);
    const hints = ours(doc.uri, 'avoided-variant');
    assert.deepEqual(hints.map((h) => [h.severity, h.range.start.line, h.range.start.character, rangeText(doc, h.range)]), [
      [vscode.DiagnosticSeverity.Hint, 2, 33, '精调'],
      [vscode.DiagnosticSeverity.Hint, 4, 0, '精调'],
    ]);
    assert.deepEqual(ours(doc.uri, 'first-use-expansion'), [], 'first-use-expansion is off by default');
  });

  it('each quick fix applies as one edit and one undo restores the bytes', async () => {
    const editor = await openNote('terminology-b.md', NOTE);
    const doc = editor.document;
    const hint = (await eventually(() => ours(doc.uri, 'avoided-variant')[0], 'the avoided-variant hint'))!;
    const actions = await actionsAt(doc, hint.range);
    const titles = actions.map((a) => a.title);
    const replaceOne = actions.find((a) => /^Replace "精调" with "微调"$/.test(a.title));
    const replaceAll = actions.find((a) => /^Replace all 2 uses in this note with "微调"$/.test(a.title));
    const allow = actions.find((a) => a.title === 'Allow "精调" in this note');
    assert.ok(replaceOne && replaceAll && allow, titles.join(' | '));
    assert.ok(replaceOne.isPreferred);
    await applyAndUndo(editor, replaceOne, (t) => t.replace('上精调模型', '上微调模型'));
    await applyAndUndo(editor, replaceAll, (t) => t.replace('上精调模型', '上微调模型').replace('\n精调之后', '\n微调之后'));
    await applyAndUndo(editor, allow, (t) => `<!-- llm-glossary: allow 精调 -->\n${t}`);
    // After the allow directive the diagnostics go away.
    assert.ok(await vscode.workspace.applyEdit(allow.edit!));
    await eventually(() => ours(doc.uri, 'avoided-variant').length === 0 && ours(doc.uri, 'mixed-renderings').length === 0, 'no findings once 精调 is allowed');
    await vscode.commands.executeCommand('undo');
  });

  it('first-use expansion (when turned on) flags a bare abbreviation and writes the introduction', async () => {
    await setConfig('firstUse.enabled', true);
    const editor = await openNote('terminology-c.md', NOTE);
    const doc = editor.document;
    const d = (await eventually(() => ours(doc.uri, 'first-use-expansion')[0], 'the first-use diagnostic'))!;
    assert.deepEqual([d.range.start.line, d.range.start.character, rangeText(doc, d.range)], [10, 3, 'CoT']);
    const intro = (await actionsAt(doc, d.range)).find((a) => a.title.startsWith('Write the introduction'));
    assert.ok(intro, 'the introduction fix');
    await applyAndUndo(editor, intro, (t) => t.replace('先看 CoT 的', '先看 思维链（chain of thought, CoT） 的'));
  });
});
