import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import type { LlmGlossaryApi } from '../../src/extension';
import { api, closeAll, eventually, workspaceUri } from './util';

/** A full garbage collection, so heap figures compare live objects only. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose_gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
}

/**
 * Runs a session and holds the extension to its baseline afterwards: once every document the session opened is
 * closed, no live scan is left beyond those before it, and the heap is back within 40 MB of where it started.
 */
async function backToBaseline(a: LlmGlossaryApi, what: string, session: () => Promise<void>): Promise<void> {
  await closeAll();
  // Documents that earlier suites opened may stay open (without editors) for a while: they set the baseline.
  const liveBefore = a.liveDocuments();
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  await session();
  await closeAll();
  await eventually(() => a.liveDocuments() <= liveBefore, `live scans released (${a.liveDocuments()} left, ${liveBefore} before)`, 60_000);
  await a.ready();
  await new Promise((r) => setTimeout(r, 1000));
  collectGarbage();
  const heapAfter = process.memoryUsage().heapUsed;
  const growthMb = (heapAfter - heapBefore) / 2 ** 20;
  console.log(`      heap before ${(heapBefore / 2 ** 20).toFixed(1)} MB, after ${(heapAfter / 2 ** 20).toFixed(1)} MB (${what})`);
  assert.ok(growthMb < 40, `heap grew by ${growthMb.toFixed(1)} MB over ${what}`);
}

describe('long sessions', function () {
  this.timeout(300_000);
  afterEach(closeAll);

  it('opening, editing and closing 500 notes releases their scans and memory', async () => {
    const a = await api();
    await backToBaseline(a, '500 notes', async () => {
      for (let i = 0; i < 500; i++) {
        const t0 = Date.now();
        const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: `# 第${i}章\n\nLoRA 与 RLHF，思维链（CoT）。\n`.repeat(20) });
        const editor = await vscode.window.showTextDocument(doc);
        assert.ok(a.occurrences(doc).live.length >= 80);
        await editor.edit((e) => e.insert(new vscode.Position(2, 0), 'QLoRA '));
        assert.deepEqual(a.occurrences(doc).live, a.occurrences(doc).full);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        if (i % 100 === 0) console.log(`      note ${i}: ${Date.now() - t0} ms`);
      }
    });
  });

  it('2,000 random edits across 12 notes, with a glossary reload every 250: always equal to full scans, memory back to its baseline', async () => {
    const a = await api();
    await backToBaseline(a, '2,000 edits and 8 reloads', () => randomSession(a));
  }).timeout(900_000);
});

/** 2,000 random edits across 12 notes, each checked against a full scan, with a live glossary edit every 250. */
async function randomSession(a: LlmGlossaryApi): Promise<void> {
  const chapter = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'notes', 'llm-s1.md'), 'utf8');
  const docs: vscode.TextDocument[] = [];
  for (let i = 0; i < 12; i++) docs.push(await vscode.workspace.openTextDocument({ language: 'markdown', content: (chapter + chapter).slice(i * 350, i * 350 + 4000) }));
  // Shown in an editor, so the workbench keeps the glossary document open however long the run takes.
  const gdoc = (await vscode.window.showTextDocument(workspaceUri('my.glossary.yaml'), { preview: false })).document;
  const original = gdoc.getText();
  const t0 = Date.now();
  const rand = seeded(20261202);
  try {
    for (let i = 1; i <= 2000; i++) {
      const doc = docs[Math.floor(rand() * docs.length)];
      assert.ok(await vscode.workspace.applyEdit(randomEdit(doc, rand)));
      const { live, full } = a.occurrences(doc);
      assert.deepEqual(live, full, `edit ${i}: live scan differs from a full scan`);
      if (i % 250 === 0) {
        await reloadGlossary(gdoc, i);
        const named = new vscode.WorkspaceEdit();
        named.insert(docs[(i / 250) % docs.length].uri, new vscode.Position(0, 0), `zebra stripes ${i}\n\n`);
        assert.ok(await vscode.workspace.applyEdit(named));
        await a.ready();
        for (const d of docs) assert.deepEqual(a.occurrences(d).live, a.occurrences(d).full, `after reload ${i / 250}`);
        assert.ok(docs.some((d) => a.occurrences(d).live.some((o) => o.entryId === `zebra-${i}`)), `reload ${i / 250}: the new entry is found`);
      }
    }
  } finally {
    const g = await vscode.workspace.openTextDocument(workspaceUri('my.glossary.yaml'));
    const undo = new vscode.WorkspaceEdit();
    undo.replace(g.uri, new vscode.Range(g.positionAt(0), g.positionAt(g.getText().length)), original);
    await vscode.workspace.applyEdit(undo);
    await g.save();
  }
  console.log(`      2,000 edits and 8 reloads checked in ${Date.now() - t0} ms`);
}

/** A small seeded generator (mulberry32), so a failing run can be repeated edit for edit. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Fragments that make or break terms, code, math, headings and Han word boundaries. */
const FRAGMENTS = ['LoRA ', '思维链', '注意力机制', 'RLHF', '然后训练', '`RoPE`', '$x$', '推理速度', '\n# 新的一章\n\n', '\n```\nCoT\n```\n', '（CoT）', 'fine-tuned ', '\n\n'];

/** Insert a fragment, delete up to 30 characters, or replace some with a fragment, at a random place. */
function randomEdit(doc: vscode.TextDocument, rand: () => number): vscode.WorkspaceEdit {
  const len = doc.getText().length;
  const start = Math.floor(rand() * (len + 1));
  const end = Math.min(len, start + Math.floor(rand() * 30));
  const fragment = FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)];
  const kind = rand();
  const e = new vscode.WorkspaceEdit();
  const range = new vscode.Range(doc.positionAt(start), doc.positionAt(kind < 0.45 ? start : end));
  e.replace(doc.uri, range, kind < 0.7 && kind >= 0.45 ? '' : fragment);
  return e;
}

/** A live edit of the user glossary (unsaved, as while the user types it): one more entry, named for the edit. */
async function reloadGlossary(gdoc: vscode.TextDocument, i: number): Promise<void> {
  const e = new vscode.WorkspaceEdit();
  e.insert(gdoc.uri, gdoc.positionAt(gdoc.getText().length), `  - id: zebra-${i}\n    en: zebra stripes ${i}\n    category: custom\n    definition: {en: A made-up entry of the long-session test.}\n`);
  assert.ok(await vscode.workspace.applyEdit(e));
}
