import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import * as vscode from 'vscode';
import { api, closeAll, eventually } from './util';

/** A full garbage collection, so heap figures compare live objects only. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose_gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
}

describe('long sessions', function () {
  this.timeout(300_000);
  afterEach(closeAll);

  it('opening, editing and closing 500 notes releases their scans and memory', async () => {
    const a = await api();
    await closeAll();
    // Documents that earlier suites opened may stay open (without editors) for a while: they set the baseline.
    const liveBefore = a.liveDocuments();
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
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
    await eventually(() => a.liveDocuments() <= liveBefore, `live scans released (${a.liveDocuments()} left, ${liveBefore} before)`, 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    collectGarbage();
    const heapAfter = process.memoryUsage().heapUsed;
    const growthMb = (heapAfter - heapBefore) / 2 ** 20;
    console.log(`      heap before ${(heapBefore / 2 ** 20).toFixed(1)} MB, after ${(heapAfter / 2 ** 20).toFixed(1)} MB`);
    assert.ok(growthMb < 40, `heap grew by ${growthMb.toFixed(1)} MB over 500 notes`);
  });
});
