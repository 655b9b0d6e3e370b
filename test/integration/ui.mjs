// The UI-level test: drives the VS Code workbench in a browser like a person. Opens a note, hovers a term and
// reads the hover from the page, runs "List Concepts in This Chapter" from the command palette, opens the sidebar,
// opens the Markdown preview (tooltips, also at its edges, and after a glossary edit), runs Export Concepts…
// through its quick picks and code-server's save dialog, applies a consistency quick fix from the Ctrl+. menu, and
// saves screenshots under test-results/ (the readme-*.png ones are the README's pictures before pngquant: see
// README, Development).
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

/** Runs a command from the palette by its title. */
async function runCommand(page, title) {
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { timeout: 15_000 });
  await page.keyboard.type(title);
  await page.waitForSelector('.quick-input-list .monaco-list-row', { timeout: 15_000 });
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
}

async function waitForTitle(page, re) {
  await page.waitForFunction((src) => new RegExp(src).test(document.querySelector('.quick-input-widget:not([style*="display: none"]) .quick-input-title')?.textContent ?? ''), re.source, { timeout: 15_000 });
}

/** Chooses the row of the open quick pick whose label is `label`. */
async function pick(page, label) {
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: label }) }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
}

/** The text of the first notification toast matching `re`. */
async function notification(page, re) {
  const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: re }).first();
  await toast.waitFor({ timeout: 20_000 });
  return (await toast.innerText()).trim();
}

/** A file's text once it exists (and passes `ok`). */
async function eventuallyFile(file, ok = () => true) {
  for (let i = 0; i < 100; i++) {
    if (fs.existsSync(file)) {
      const t = fs.readFileSync(file, 'utf8');
      if (t && ok(t)) return t;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${file} was not written`);
}

/**
 * Answers code-server's save dialog when the file exists (a quick pick titled "… already exists. Are you sure you
 * want to overwrite it?" with OK and Cancel); returns the question.
 */
async function confirmReplace(page, yes) {
  const title = page.locator('.quick-input-widget:not([style*="display: none"]) .quick-input-title', { hasText: /already exists/ });
  await title.waitFor({ timeout: 15_000 });
  const q = (await title.innerText()).trim();
  if (yes) await page.keyboard.press('Enter');
  else await page.locator('.quick-input-widget:not([style*="display: none"]) .monaco-button', { hasText: 'Cancel' }).first().click();
  return q;
}

/** The frame of a webview (a Markdown preview) holding `selector`, waiting for it to appear. */
async function webviewFrame(page, selector, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    for (const f of page.frames()) if (await f.locator(selector).count().catch(() => 0)) return f;
    await page.waitForTimeout(200);
  }
  throw new Error(`no webview shows ${selector} within ${ms} ms`);
}

/**
 * Hovers the marked term nearest one edge of the preview (for the bottom: a term scrolled to the bottom line)
 * and measures it and its tooltip, in the preview's own coordinates.
 */
async function tipAtEdge(frame, where) {
  const chosen = await frame.evaluate((edge) => {
    const terms = [...document.querySelectorAll('.llmg-term')].filter((t) => t.getClientRects().length === 1);
    for (const t of terms) t.removeAttribute('data-edge');
    let best;
    if (edge === 'bottom') {
      best = terms[Math.floor(terms.length / 2)];
      best.scrollIntoView({ block: 'end' });
    } else {
      const key = (t) => (edge === 'right' ? t.getBoundingClientRect().right : -t.getBoundingClientRect().left);
      best = terms.reduce((a, b) => (key(b) > key(a) ? b : a));
      best.scrollIntoView({ block: 'center' });
    }
    best.setAttribute('data-edge', edge);
    return best.firstChild.textContent;
  }, where);
  const term = frame.locator(`.llmg-term[data-edge="${where}"]`);
  await term.hover();
  await term.locator('.llmg-tip').waitFor({ state: 'visible', timeout: 5000 });
  await frame.waitForTimeout(200);
  const r = await term.evaluate((t) => {
    const box = (b) => ({ left: Math.round(b.left), right: Math.round(b.right), top: Math.round(b.top), bottom: Math.round(b.bottom) });
    return { term: box(t.getBoundingClientRect()), tip: box(t.querySelector('.llmg-tip').getBoundingClientRect()), width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
  });
  return { ...r, text: chosen };
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

    let frame; // the rendered note inside the preview's webview, once the preview step has opened it

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
      await runCommand(page, 'List Concepts in This Chapter');
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
      await runCommand(page, 'Markdown: Open Preview to the Side');
      // The preview is a webview: an iframe holding the iframe with the rendered note.
      frame = undefined;
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

    await step(results, 'a tooltip at the right edge, the left edge or the bottom of the preview stays inside it', async () => {
      assert.ok(frame, 'the preview is open');
      await page.mouse.move(5, 400);
      // The previous step left a term focused (its tooltip open).
      await frame.evaluate(() => document.activeElement?.blur());
      for (const where of ['right', 'left', 'bottom']) {
        const r = await tipAtEdge(frame, where);
        const inside = r.tip.left >= 0 && r.tip.right <= r.width && r.tip.top >= 0 && r.tip.bottom <= r.height;
        assert.ok(inside, `${where}: the tooltip of ${r.text} (term ${JSON.stringify(r.term)}) is ${JSON.stringify(r.tip)} in a ${r.width}×${r.height} preview`);
        console.log(`    ${where}: term ${r.text} at x ${r.term.left}–${r.term.right}, y ${r.term.bottom}; tooltip x ${r.tip.left}–${r.tip.right}, y ${r.tip.top}–${r.tip.bottom} in ${r.width}×${r.height}`);
        if (where === 'right') {
          await page.screenshot({ path: path.join(out, 'preview-edge.png') });
          // For the README: the preview's pane, its tab row and the tooltip.
          const pane = await (await frame.frameElement()).boundingBox();
          await page.screenshot({ path: path.join(out, 'readme-preview.png'), clip: { x: pane.x, y: pane.y - 36, width: pane.width, height: Math.min(pane.height, r.tip.bottom + 80) } });
        }
      }
      await page.mouse.move(5, 400);
      await frame.evaluate(() => window.scrollTo(0, 0));
    });

    await step(results, 'the open preview follows a saved edit of a user glossary (new term, tooltip with its definition)', async () => {
      assert.ok(frame, 'the preview is open');
      assert.equal(await frame.locator('.llmg-term[data-entry="general-task-solver"]').count(), 0, '通用任务求解器 is not marked before the edit');
      const t0 = Date.now();
      // Saved as an editor in another window would save it: the file changes on disk.
      fs.appendFileSync(
        path.join(ws, 'my.glossary.yaml'),
        '  - id: general-task-solver\n    en: general-purpose task solver\n    zh: 通用任务求解器\n    category: custom\n    definition: {zh: 能用同一个模型完成许多不同任务的系统（界面测试编写）。}\n',
      );
      // The refresh reloads the preview's page, so its frame is a new one.
      frame = await webviewFrame(page, '.llmg-term[data-entry="general-task-solver"]');
      const ms = Date.now() - t0;
      const term = frame.locator('.llmg-term[data-entry="general-task-solver"]').first();
      const tip = term.locator('.llmg-tip');
      await term.hover();
      await tip.waitFor({ state: 'visible', timeout: 5000 });
      const text = (await tip.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /general-purpose task solver/);
      assert.match(text, /界面测试编写/);
      console.log(`    the preview marked the new term ${ms} ms after the glossary file was saved; tooltip: ${text}`);
      await page.mouse.move(5, 400);
    });

    const exportsTo = async ({ scope, format, target, shot }) => {
      await page.keyboard.press('Escape');
      await runCommand(page, 'Notifications: Clear All Notifications');
      await page.locator('.monaco-editor .view-lines').first().click();
      await runCommand(page, 'Export Concepts…');
      await waitForTitle(page, /Export concepts of/);
      await pick(page, scope);
      await waitForTitle(page, /Export format/);
      if (shot) {
        await page.mouse.move(1390, 700); // no row's tooltip in the picture
        await page.waitForTimeout(600);
        await page.screenshot({ path: path.join(out, `${shot}.png`) });
        const box = await page.locator('.quick-input-widget:not([style*="display: none"])').boundingBox();
        await page.screenshot({ path: path.join(out, `readme-${shot}.png`), clip: { x: box.x - 24, y: 0, width: box.width + 48, height: box.y + box.height + 90 } });
      }
      await pick(page, format);
      // code-server's save dialog: a quick input holding the path, the suggested name already in it.
      const input = page.locator('.quick-input-widget:not([style*="display: none"]) input');
      await page.waitForFunction(() => /\.(txt|csv|md)$/.test(document.querySelector('.quick-input-widget input')?.value ?? ''), null, { timeout: 15_000 });
      const suggested = await input.inputValue();
      await input.fill(target);
      await page.waitForTimeout(300);
      await page.keyboard.press('Enter');
      return suggested;
    };

    const exportDir = path.join(ws, 'notes');
    const anki = path.join(exportDir, 'llm-s1-cards.txt');
    await step(results, 'Export Concepts… from the palette: scope and format quick picks, the save dialog, the Anki file', async () => {
      const suggested = await exportsTo({ scope: 'This chapter', format: 'Anki cards', target: anki, shot: 'export-pick' });
      assert.equal(suggested, path.join(exportDir, 'llm-s1-concepts.txt'), 'the dialog suggests a name next to the note');
      const text = await eventuallyFile(anki);
      const lines = text.trimEnd().split('\n');
      assert.deepEqual(lines.slice(0, 5), ['#separator:tab', '#html:true', '#notetype:Basic', '#tags column:3', '#guid column:4']);
      const cards = lines.slice(5);
      for (const l of cards) assert.equal(l.split('\t').length, 4, `four fields: ${l.slice(0, 80)}`);
      assert.ok(cards.some((l) => l.startsWith('涌现能力 · emergent abilities\t')), 'the front has both names');
      const toast = await notification(page, /Exported \d+ concepts/);
      assert.equal(Number(/Exported (\d+) concepts/.exec(toast)[1]), cards.length, `${toast} / ${cards.length} cards`);
      console.log(`    ${path.basename(anki)}: ${cards.length} cards of 4 fields, ${Buffer.byteLength(text)} bytes; "${toast}"`);
    });

    await step(results, 'exporting over an existing file asks first: Cancel keeps it, OK replaces it', async () => {
      fs.writeFileSync(anki, 'an older file\n');
      await exportsTo({ scope: 'This note', format: 'Anki cards', target: anki });
      const asked = await confirmReplace(page, false);
      assert.match(asked, /llm-s1-cards\.txt already exists/);
      // Cancel goes back to the save dialog; closing it ends the export.
      await page.waitForTimeout(500);
      await page.keyboard.press('Escape');
      await page.waitForTimeout(1500);
      assert.equal(fs.readFileSync(anki, 'utf8'), 'an older file\n', 'Cancel leaves the file alone');
      await exportsTo({ scope: 'This note', format: 'Anki cards', target: anki });
      await confirmReplace(page, true);
      const text = await eventuallyFile(anki, (t) => t.startsWith('#separator:tab'));
      assert.ok(text.split('\n').length > 40, 'the file is replaced by the export');
      console.log(`    asked "${asked}"; Cancel kept the file, OK replaced it (${text.split('\n').length - 6} cards)`);
    });

    await step(results, 'the exported Markdown glossary opens in the preview with its links and marks', async () => {
      const md = path.join(ws, 'llm-s1-glossary.md');
      await exportsTo({ scope: 'This note', format: 'Markdown glossary, A–Z', target: md });
      const text = await eventuallyFile(md);
      assert.ok(text.startsWith('# Glossary\n'), text.slice(0, 40));
      await notification(page, /Exported \d+ concepts/);
      await page.locator('.notifications-toasts .monaco-button', { hasText: 'Open' }).first().click();
      // The editor shows spaces as no-break spaces.
      await page.waitForFunction(() => [...document.querySelectorAll('.monaco-editor .view-lines')].some((e) => e.textContent.replace(/\u00a0/g, ' ').includes('# Glossary')), null, { timeout: 20_000 });
      await runCommand(page, 'View: Close Editors in Other Groups');
      await runCommand(page, 'Markdown: Open Preview to the Side');
      const glossaryFrame = await webviewFrame(page, 'h1:text-is("Glossary")');
      assert.ok(glossaryFrame, 'the preview shows the exported glossary');
      const letters = await glossaryFrame.locator('h2').allInnerTexts();
      const links = await glossaryFrame.locator('a[href*="llm-s1.md"]').count();
      assert.ok(letters.length > 5 && links > 20, `${letters.length} letters, ${links} links to the note`);
      await page.mouse.move(5, 400);
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(out, 'export-preview.png') });
      const editors = await page.locator('.part.editor').boundingBox();
      await page.screenshot({ path: path.join(out, 'readme-export-preview.png'), clip: { x: editors.x, y: editors.y, width: editors.width, height: Math.min(editors.height, 560) } });
      console.log(`    preview of the glossary: ${letters.length} sections (${letters.slice(0, 6).join(' ')} …), ${links} links to the note`);
    });

    await step(results, 'a consistency quick fix replaces every use from the Ctrl+. menu', async () => {
      const name = TERMINOLOGY_NOTE;
      // Close the note and its preview first, so the one editor on the page is the new note's.
      await page.mouse.move(5, 400);
      await page.locator('.monaco-editor .view-lines').first().click();
      await runCommand(page, 'View: Close All Editors');
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
