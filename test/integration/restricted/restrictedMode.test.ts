// Runs in its own code-server, with workspace trust enabled and the workspace never trusted (run.mjs --restricted).
// The workspace copy has .vscode/settings.json with llmGlossary.glossaryFiles naming configured/extra-terms.yaml.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, hoverText, open, positionOf, workspaceUri } from '../util';

async function hoversAt(editor: vscode.TextEditor, needle: string): Promise<vscode.MarkdownString[]> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, needle));
  return hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c !== 'string' && 'value' in c);
}

describe('Restricted Mode (an untrusted workspace)', () => {
  afterEach(closeAll);

  it('runs in an untrusted workspace', async () => {
    await api();
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('hovers carry no command links and are not trusted', async () => {
    await api();
    const editor = await open('notes', 'llm-s1.md');
    const mds = await hoversAt(editor, '旋转位置编码');
    assert.ok(mds.length > 0 && /RoFormer/.test(mds.map((m) => m.value).join('\n')), 'the hover is there');
    for (const md of mds) {
      assert.doesNotMatch(md.value, /command:/, md.value);
      assert.ok(!md.isTrusted, `isTrusted is ${JSON.stringify(md.isTrusted)}`);
      assert.notEqual(md.supportHtml, true);
    }
  });

  it('workspace glossary files load, and their text stays plain', async () => {
    const a = await api();
    assert.ok(a.glossaryView().some((c) => c.ids.includes('note-term-example')), 'my.glossary.yaml is loaded');
    const editor = await open('notes', 'sub', 'other.md');
    const [md] = await hoversAt(editor, '笔记术语示例');
    assert.ok(md, 'a hover for the user entry');
    assert.ok(md.value.includes('\\[a link\\]'), `the link text is escaped: ${md.value}`);
    assert.ok(!md.value.includes('](command:') && !md.value.includes('<script>'), md.value);
    assert.ok(!md.isTrusted);
  });

  it('ignores llmGlossary.glossaryFiles from the workspace settings', async () => {
    const a = await api();
    // VS Code hides a restricted setting's workspace value in Restricted Mode; the file says it is set.
    const settings = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('.vscode', 'settings.json')));
    assert.deepEqual(JSON.parse(settings)['llmGlossary.glossaryFiles'], ['configured/extra-terms.yaml'], 'the workspace sets it');
    assert.ok(!a.glossaryView().some((c) => c.ids.includes('restricted-only-term')), 'the configured file is not loaded');
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: '我们讨论 walrus decoding。\n' });
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'walrus', 0, 2));
    assert.equal(hoverText(hovers), '');
  });
});
