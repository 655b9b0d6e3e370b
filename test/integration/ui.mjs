// The UI-level test: drives the VS Code workbench in a browser like a person. Opens a note, hovers a term and
// reads the hover from the page, runs "List Concepts in This Chapter" from the command palette, opens the sidebar,
// applies a consistency quick fix from the Ctrl+. menu, and saves screenshots under test-results/.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Screen coordinates of the middle of `needle` inside the visible editor lines, or undefined. */
async function wordBox(page, needle) {
  return page.evaluate((word) => {
    for (const line of document.querySelectorAll('.monaco-editor .view-lines .view-line')) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent.indexOf(word);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + word.length);
        const b = r.getBoundingClientRect();
        if (b.width > 0) return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
    }
    return undefined;
  }, needle);
}

const TERMINOLOGY_NOTE = 'terminology-demo.md';

async function step(results, name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.passed++;
    console.log(`  ✔ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.failed++;
    console.log(`  ✘ ${name}\n    ${String(e.stack ?? e).split('\n').slice(0, 6).join('\n    ')}`);
  }
}

/**
 * Installs the packaged extension (.vsix) into a fresh code-server, as a user would with
 * `code --install-extension`, then drives the workbench.
 */
export async function runUiTest(tmp, { ROOT, vsix, startCodeServer, launchBrowser, freshWorkspace, workbenchUrl }) {
  const out = path.join(ROOT, 'test-results');
  fs.mkdirSync(out, { recursive: true });
  const dir = path.join(tmp, 'ui');
  const install = spawnSync(
    path.join(ROOT, 'e2e', 'node_modules', '.bin', 'code-server'),
    ['--install-extension', vsix, '--extensions-dir', path.join(dir, 'extensions'), '--user-data-dir', path.join(dir, 'user-data')],
    { encoding: 'utf8', env: { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: path.join(dir, 'xdg') } },
  );
  if (install.status !== 0) throw new Error(`installing ${vsix} failed: ${install.stdout}${install.stderr}`);
  console.log(`\n  installed ${path.basename(vsix)}: ${install.stdout.trim().split('\n').pop()}`);
  const server = await startCodeServer(dir);
  const browser = await launchBrowser();
  const ws = freshWorkspace(dir);
  // A note of our own that mixes 微调 and its avoided form 精调, for the quick fix step.
  fs.writeFileSync(path.join(ws, TERMINOLOGY_NOTE), ['# 第三章 微调', '', '预训练得到的模型还要经过微调，才能做好具体任务。', '', '精调用的数据比预训练少得多，精调之后再做评测。', ''].join('\n'));
  const results = { passed: 0, failed: 0 };
  console.log('\n  UI test (workbench driven like a person)');
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    const url = workbenchUrl(server.port, ws, [
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]);
    await page.goto(url, { timeout: 120_000 }); // a loaded machine can take longer than the default 30 s
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.waitForSelector('.activitybar', { timeout: 60_000 });

    await step(results, 'opens a note from Quick Open', async () => {
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 15_000 });
      await page.keyboard.type('llm-s1.md');
      await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 60_000 });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('大模型简介'), null, { timeout: 20_000 });
    });

    await step(results, 'hovering a term shows its bilingual entry', async () => {
      let hover = '';
      for (let attempt = 0; attempt < 20 && !/均方根/.test(hover); attempt++) {
        // Bring the line into view, then move the mouse over the word (providers may register after the file opens).
        await page.keyboard.press('Control+G');
        await page.keyboard.type('39');
        await page.keyboard.press('Enter');
        await page.waitForTimeout(300);
        const box = await wordBox(page, 'RMSNorm');
        if (!box) continue;
        await page.mouse.move(box.x - 40, box.y - 40);
        await page.waitForTimeout(100);
        await page.mouse.move(box.x, box.y);
        try {
          await page.waitForSelector('.monaco-hover:not(.hidden)', { timeout: 3000 });
          await page.waitForTimeout(400);
          hover = (await page.locator('.monaco-hover:not(.hidden)').first().innerText()).trim();
        } catch {
          /* not yet */
        }
      }
      assert.match(hover, /RMSNorm/);
      assert.match(hover, /均方根/, `hover shows the Chinese name: ${hover}`);
      assert.match(hover, /Open entry|打开条目/);
      await page.screenshot({ path: path.join(out, 'hover.png') });
      console.log(`    hover text: ${hover.replace(/\s+/g, ' ').slice(0, 160)}…`);
    });

    await step(results, 'List Concepts in This Chapter runs from the command palette', async () => {
      await page.mouse.move(5, 400);
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 15_000 });
      await page.keyboard.type('List Concepts in This Chapter');
      await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15_000 });
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /Concepts in|中的概念/.test(document.querySelector('.quick-input-title')?.textContent ?? ''), null, { timeout: 15_000 });
      const rows = await page.locator('.quick-input-list .monaco-list-row').allInnerTexts();
      assert.ok(rows.length >= 5, `${rows.length} rows`);
      assert.ok(rows.some((r) => /large language model/.test(r)), rows.slice(0, 5).join(' | '));
      await page.screenshot({ path: path.join(out, 'list-concepts.png') });
      console.log(`    ${rows.length} concepts listed, first: ${rows[0].replace(/\s+/g, ' ')}`);
      await page.keyboard.press('Escape');
    });

    await step(results, 'the sidebar shows the concepts of this chapter and the glossary', async () => {
      await page.locator('.activitybar [aria-label^="LLM Glossary"]').first().click();
      await page.waitForFunction(() => document.querySelectorAll('.pane-body .monaco-list-row').length > 3, null, { timeout: 15_000 });
      await page.waitForTimeout(500);
      const rows = await page.locator('.pane-body .monaco-list-row').allInnerTexts();
      assert.ok(rows.some((r) => /大语言模型/.test(r)), rows.slice(0, 8).join(' | '));
      await page.screenshot({ path: path.join(out, 'sidebar.png') });
      console.log(`    sidebar rows: ${rows.slice(0, 4).map((r) => r.replace(/\s+/g, ' ')).join(' | ')}`);
    });

    await step(results, 'the Markdown preview shows a glossary tooltip when a term is hovered', async () => {
      await page.keyboard.press('Escape');
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 15_000 });
      await page.keyboard.type('Markdown: Open Preview to the Side');
      await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15_000 });
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      // The preview is a webview: an iframe holding the iframe with the rendered note.
      let frame;
      for (let i = 0; i < 100 && !frame; i++) {
        for (const f of page.frames()) if (await f.locator('.llmg-term').count().catch(() => 0)) frame = f;
        if (!frame) await page.waitForTimeout(200);
      }
      assert.ok(frame, 'the preview has marked terms');
      const term = frame.locator('.llmg-term[data-entry="emergent-abilities"]').first();
      const tip = term.locator('.llmg-tip');
      assert.equal(await tip.isVisible(), false, 'the tooltip is hidden before hovering');
      await term.hover();
      await tip.waitFor({ state: 'visible', timeout: 5000 });
      const text = (await tip.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /emergent abilit/i);
      assert.match(text, /涌现能力/);
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(out, 'preview.png') });
      console.log(`    preview: ${await frame.locator('.llmg-term').count()} terms marked; tooltip: ${text.slice(0, 120)}…`);
      // Keyboard: Tab focuses a term, which shows its tooltip too.
      await page.mouse.move(5, 400);
      await term.focus();
      await tip.waitFor({ state: 'visible', timeout: 5000 });
    });

    await step(results, 'a consistency quick fix replaces every use from the Ctrl+. menu', async () => {
      const name = TERMINOLOGY_NOTE;
      // Close the note and its preview first, so the one editor on the page is the new note's.
      await page.mouse.move(5, 400);
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 15_000 });
      await page.keyboard.type('View: Close All Editors');
      await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15_000 });
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .view-lines').length === 0, null, { timeout: 15_000 });
      await page.keyboard.press('Control+P');
      await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 15_000 });
      await page.keyboard.type(name);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'terminology-demo' }).first().waitFor({ timeout: 60_000 });
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('精调用的数据'), null, { timeout: 20_000 });
      let menu = [];
      for (let attempt = 0; attempt < 20 && !menu.some((r) => /Replace all/.test(r)); attempt++) {
        // The diagnostic may come a moment after the note opens: click on 精调, ask for quick fixes, read the menu.
        await page.keyboard.press('Escape');
        await page.waitForTimeout(300);
        const box = await wordBox(page, '精调用');
        if (!box) continue;
        await page.mouse.click(box.x - 8, box.y);
        await page.keyboard.press('Control+.');
        try {
          await page.waitForSelector('.action-widget .monaco-list-row', { timeout: 3000 });
          await page.waitForTimeout(300);
          menu = await page.locator('.action-widget .monaco-list-row').allInnerTexts();
        } catch {
          /* not yet */
        }
      }
      assert.ok(menu.some((r) => /Replace "精调" with "微调"/.test(r)), menu.join(' | '));
      assert.ok(menu.some((r) => /Replace all 2 uses in this note with "微调"/.test(r)), menu.join(' | '));
      // The README's picture: the editor lines and the menu, cropped.
      const widget = await page.locator('.action-widget').first().boundingBox();
      const editor = await page.locator('.monaco-editor .view-lines').first().boundingBox();
      const x = Math.max(0, editor.x - 40);
      const clip = { x, y: Math.max(0, editor.y - 4), width: Math.min(760, widget.x + widget.width + 24 - x), height: widget.y + widget.height + 16 - Math.max(0, editor.y - 4) };
      await page.screenshot({ path: path.join(out, 'terminology-fix.png'), clip });
      // Down to "Replace all …" and Enter, as a person would with the keyboard.
      for (let i = 0; i < 6; i++) {
        const focused = (await page.locator('.action-widget .monaco-list-row.focused').first().getAttribute('aria-label').catch(() => '')) ?? '';
        if (/Replace all/.test(focused)) break;
        await page.keyboard.press('ArrowDown');
        await page.waitForTimeout(100);
      }
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => !document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('精调'), null, { timeout: 10_000 });
      const text = await page.locator('.monaco-editor .view-lines').first().innerText();
      assert.match(text.replace(/\s+/g, ''), /微调用的数据比预训练少得多，微调之后再做评测。/);
      console.log(`    quick fixes: ${menu.map((r) => r.replace(/\s+/g, ' ')).join(' | ')}`);
      await page.keyboard.press('Control+Z');
      await page.waitForFunction(() => document.querySelector('.monaco-editor .view-lines')?.textContent?.includes('精调用的数据'), null, { timeout: 10_000 });
    });
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
  return results;
}
