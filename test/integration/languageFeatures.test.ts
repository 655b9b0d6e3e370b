import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAll, hoverText, open, positionOf, setConfig, workspaceUri } from './util';

describe('language features in a real VS Code', () => {
  before(api);
  afterEach(closeAll);

  describe('hover', () => {
    it('shows both names, the abbreviation, the definition, aliases, related links and the paper', async () => {
      const editor = await open('notes', 'llm-s1.md');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, '旋转位置编码'));
      const text = hoverText(hovers);
      assert.match(text, /\*\*旋转位置编码\*\*/);
      assert.match(text, /rotary position embedding/i);
      assert.match(text, /`RoPE`/);
      assert.match(text, /RoFormer/, 'the source paper');
      assert.match(text, /command:llmGlossary\.openEntry\?/);
      assert.match(text, /command:llmGlossary\.findUses\?/);
      const range = hovers[0].range!;
      assert.equal(editor.document.getText(range), '旋转位置编码');
    });

    it('follows llmGlossary.language', async () => {
      const editor = await open('notes', 'llm-s1.md');
      const pos = positionOf(editor.document, '涌现能力');
      try {
        await setConfig('language', 'en');
        const en = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos));
        await setConfig('language', 'zh');
        const zh = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos));
        assert.match(en, /emergent/i);
        const enDefinition = en.split('\n\n')[2];
        assert.ok(!/[\u4e00-\u9fff]/.test(enDefinition), `English-only definition: ${enDefinition}`);
        const zhDefinition = zh.split('\n\n')[2];
        assert.ok(/[\u4e00-\u9fff]/.test(zhDefinition) && !/\b(the|a|of)\b/.test(zhDefinition), `Chinese-only definition: ${zhDefinition}`);
      } finally {
        await setConfig('language', undefined);
      }
    });

    it('renders a user glossary text as plain text: no foreign command link, no HTML', async () => {
      const editor = await open('notes', 'sub', 'other.md');
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, '笔记术语示例'));
      const md = hovers[0].contents[0] as vscode.MarkdownString;
      assert.ok(!md.value.includes('](command:workbench'), md.value);
      assert.ok(!md.value.includes('<script>'), md.value);
      assert.ok(md.value.includes('\\[a link\\]'), 'the link text is escaped');
      const trusted = md.isTrusted as { enabledCommands: string[] };
      assert.deepEqual([...trusted.enabledCommands].sort(), ['llmGlossary.findUses', 'llmGlossary.forgetKnown', 'llmGlossary.markKnown', 'llmGlossary.openEntry']);
      assert.notEqual(md.supportHtml, true);
    });

    it('works in untitled Markdown documents and finds nothing in code', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'LoRA 与 QLoRA\n\n`LoRA` in code\n' });
      await vscode.window.showTextDocument(doc);
      const prose = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(0, 1));
      assert.match(hoverText(prose), /LoRA/);
      const code = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, new vscode.Position(2, 2));
      assert.ok(!/Low-Rank/i.test(hoverText(code)), hoverText(code));
    });
  });

  describe('definition', () => {
    it('opens a built-in entry in the read-only shipped glossary file, at the entry', async () => {
      const editor = await open('notes', 'llm-s1.md');
      const links = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', editor.document.uri, positionOf(editor.document, 'RMSNorm'));
      assert.equal(links.length, 1);
      const target = links[0].targetUri;
      assert.equal(target.scheme, 'llm-glossary');
      assert.equal(target.path, '/glossary/architecture.yaml');
      const doc = await vscode.workspace.openTextDocument(target);
      assert.match(doc.lineAt(links[0].targetRange.start.line).text, /- id: rmsnorm$/);
      assert.equal(editor.document.getText(links[0].originSelectionRange), 'RMSNorm');
    });

    it("opens a user entry in the user's glossary file", async () => {
      const editor = await open('notes', 'sub', 'other.md');
      const links = await vscode.commands.executeCommand<vscode.LocationLink[]>('vscode.executeDefinitionProvider', editor.document.uri, positionOf(editor.document, 'CoT'));
      assert.equal(links[0].targetUri.toString(), workspaceUri('my.glossary.yaml').toString());
      const doc = await vscode.workspace.openTextDocument(links[0].targetUri);
      assert.match(doc.lineAt(links[0].targetRange.start.line).text, /- id: chain-of-thought$/);
    });
  });

  describe('references and highlights', () => {
    it('finds every use of a concept across the workspace, plus the entry as declaration', async () => {
      const editor = await open('notes', 'english.md');
      const refs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', editor.document.uri, positionOf(editor.document, "CoT's"));
      const files = new Set(refs.map((r) => vscode.workspace.asRelativePath(r.uri)));
      for (const f of ['notes/english.md', 'notes/llm-s1.md', 'notes/traps.md', 'notes/sub/other.md', 'my.glossary.yaml']) assert.ok(files.has(f), `${f} in ${[...files].join(', ')}`);
      for (const r of refs.filter((x) => x.uri.path.endsWith('.md'))) {
        const doc = await vscode.workspace.openTextDocument(r.uri);
        assert.match(doc.getText(r.range), /^(CoT|思维链|chain[- ]of[- ]thought|Chain of Thought)s?$/i, `${r.uri.path}:${r.range.start.line}`);
      }
      const s1 = refs.filter((r) => r.uri.path.endsWith('llm-s1.md'));
      assert.equal(s1.length, 3, 'llm-s1.md uses 思维链, CoT and Chain of Thought once each');
    });

    it('highlights the occurrences of the concept in the current file', async () => {
      const editor = await open('notes', 'llm-s1.md');
      const hl = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', editor.document.uri, positionOf(editor.document, 'SwiGLU'));
      assert.deepEqual(hl.map((h) => editor.document.getText(h.range)), ['SwiGLU', 'SwiGLU', 'SwiGLU']);
    });
  });
});
