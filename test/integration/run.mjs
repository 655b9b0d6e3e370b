// Runs the integration suites inside a real VS Code extension host (code-server 4.100.3 = VS Code 1.100.3),
// opened in headless Chromium, offline. See ../shared/VSCODE-E2E.md. Prints "N passed, N failed" at the end.
//
// The Node and web suites are started through @vscode/test-electron's runTests, with this runner (in --as-vscode
// mode, via code-server-as-vscode.sh) as the VS Code executable; LLM_GLOSSARY_VSCODE=download runs them in a
// downloaded desktop VS Code instead, where that is possible.
//
//   node test/integration/run.mjs [--web] [--restricted] [--ui] [--keep]
//     --web         also run the web suites in the web-worker extension host (the browser entry, as on vscode.dev)
//     --restricted  also run the Restricted Mode suites (test/integration/restricted/) in a code-server with
//                   workspace trust enabled and the workspace untrusted (always code-server: runTests turns trust off)
//     --ui          also run the UI-level test that drives the workbench like a person (screenshots in test-results/)
//     --keep        keep the temporary folders
//   LLM_GLOSSARY_SUITE=word,... narrows the Node and Restricted Mode runs to suite files with one of the words
//   (a run left with no suite is skipped).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as util from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const E2E = path.join(ROOT, 'e2e');
const require = createRequire(path.join(E2E, 'package.json'));
const { chromium } = require('playwright-core');

const args = new Set(process.argv.slice(2));
const OVERALL_TIMEOUT_MS = Number(process.env.LLM_GLOSSARY_E2E_TIMEOUT ?? 600_000);

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${ms} ms`);
}

/** Workspace trust on, and nothing trusted: the workbench opens the folder in Restricted Mode without asking. */
const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.untrustedFiles': 'open',
  'security.workspace.trust.emptyWindow': false,
};

/**
 * Starts code-server in its own process group on a free loopback port with fresh folders; `restricted` enables
 * workspace trust (otherwise it is off, as in runTests).
 */
export async function startCodeServer(tmp, extraSettings = {}, { restricted = false } = {}) {
  const port = await freePort();
  for (const d of ['user-data', 'extensions', 'config', 'xdg']) fs.mkdirSync(path.join(tmp, d), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'config', 'config.yaml'), 'auth: none\ncert: false\n');
  const userSettings = path.join(tmp, 'user-data', 'User');
  fs.mkdirSync(userSettings, { recursive: true });
  fs.writeFileSync(
    path.join(userSettings, 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'telemetry.telemetryLevel': 'off',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'security.workspace.trust.enabled': false,
      'workbench.tips.enabled': false,
      'git.enabled': false,
      'update.mode': 'none',
      ...(restricted ? RESTRICTED_SETTINGS : {}),
      ...extraSettings,
    }),
  );
  const bin = path.join(E2E, 'node_modules', '.bin', 'code-server');
  const child = spawn(
    bin,
    [
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      ...(restricted ? [] : ['--disable-workspace-trust']),
      '--ignore-last-opened',
      '--user-data-dir', path.join(tmp, 'user-data'),
      '--extensions-dir', path.join(tmp, 'extensions'),
      '--config', path.join(tmp, 'config', 'config.yaml'),
    ],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: path.join(tmp, 'xdg') },
    },
  );
  const log = fs.createWriteStream(path.join(tmp, 'code-server.log'));
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  await waitFor(`http://127.0.0.1:${port}/healthz`, 30_000);
  return {
    port,
    stop() {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** Copies the fixture workspace to a temporary folder, so tests may edit it freely. */
export function freshWorkspace(tmp) {
  const ws = path.join(tmp, 'workspace');
  fs.cpSync(path.join(ROOT, 'test', 'fixtures', 'workspace'), ws, { recursive: true });
  return ws;
}

export function workbenchUrl(port, folder, payload) {
  const p = encodeURIComponent(JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}&payload=${p}`;
}

/**
 * Runs one set of suites in a fresh code-server: `tests` (a bundled index.js) in the Node extension host, or in
 * the web-worker extension host with `web`.
 */
export async function runSuites(tmp, { extensionPath = ROOT, tests = path.join(ROOT, 'out', 'test', 'integration', 'index.js'), web = false, restricted = false, folder } = {}) {
  // An extension with both entries runs in the Node host where there is one; this makes it run in the web worker,
  // as on vscode.dev and github.dev, which have no Node host.
  const server = await startCodeServer(tmp, web ? { 'remote.extensionKind': { 'llm-glossary.llm-glossary': ['web'] } } : {}, { restricted });
  const browser = await launchBrowser();
  const ws = folder ?? freshWorkspace(tmp);
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  let settle;
  const result = new Promise((resolve) => (settle = resolve));
  const summary = { passed: 0, failed: 0 };
  try {
    const page = await browser.newPage();
    await page.exposeFunction('codeAutomationExit', (code) => settle(code));
    page.on('console', (msg) => {
      const text = msg.text();
      // In test mode the extension host's console reaches the page as console.log('%c INFO', css, ...args).
      if (!text.startsWith('%c')) return;
      Promise.all(msg.args().slice(2).map((a) => a.jsonValue().catch(() => '?'))).then((vals) => {
        const line = util.format(...vals);
        const m = /^(\d+) passed, (\d+) failed$/.exec(line.trim());
        if (m) {
          summary.passed = Number(m[1]);
          summary.failed = Number(m[2]);
        }
        process.stdout.write(line + '\n');
      });
    });
    const url = workbenchUrl(server.port, ws, [
      ['extensionDevelopmentPath', remote(extensionPath)],
      ['extensionTestsPath', remote(tests)],
      // Desktop VS Code honours this; code-server 1.100 reads it but not for choosing the host (the setting above does).
      ...(web ? [['extensionDevelopmentKind', 'web']] : []),
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]);
    await page.goto(url, { timeout: 120_000 }); // a loaded machine can take longer than the 30 s default
    const timer = setTimeout(() => settle('timeout'), OVERALL_TIMEOUT_MS);
    const code = await result;
    clearTimeout(timer);
    await new Promise((r) => setTimeout(r, 300)); // let the last console lines arrive
    if (code === 'timeout') {
      console.error(`integration suites did not finish within ${OVERALL_TIMEOUT_MS} ms`);
      return { code: 1, ...summary };
    }
    return { code, ...summary };
  } finally {
    await browser.close().catch(() => {});
    server.stop();
  }
}

const NODE_TESTS = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
const WEB_TESTS = path.join(ROOT, 'out', 'test', 'integration', 'web', 'index.js');
const RESTRICTED_TESTS = path.join(ROOT, 'out', 'test', 'integration', 'restricted', 'index.js');

/** Whether LLM_GLOSSARY_SUITE leaves any suite of a bundled folder to run. */
function hasSuites(indexJs) {
  const only = process.env.LLM_GLOSSARY_SUITE?.split(',').filter(Boolean);
  const files = fs.readdirSync(path.dirname(indexJs)).filter((f) => f.endsWith('.test.js'));
  return files.some((f) => !only || only.some((w) => f.includes(w)));
}

/**
 * The Restricted Mode run: a fresh workspace whose .vscode/settings.json names an extra glossary file in
 * llmGlossary.glossaryFiles (a restricted setting, so it must be ignored), in a code-server where it is untrusted.
 */
async function runRestricted(tmp) {
  const dir = path.join(tmp, 'restricted');
  fs.mkdirSync(dir, { recursive: true });
  const ws = freshWorkspace(dir);
  fs.mkdirSync(path.join(ws, '.vscode'));
  fs.writeFileSync(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'llmGlossary.glossaryFiles': ['configured/extra-terms.yaml'] }));
  fs.mkdirSync(path.join(ws, 'configured'));
  fs.writeFileSync(
    path.join(ws, 'configured', 'extra-terms.yaml'),
    'entries:\n  - id: restricted-only-term\n    en: walrus decoding\n    category: custom\n    definition: {en: A term that only a workspace setting loads.}\n',
  );
  return runSuites(dir, { tests: RESTRICTED_TESTS, restricted: true, folder: ws });
}
/** The "VS Code executable" that @vscode/test-electron starts: this runner, in --as-vscode mode. */
const AS_VSCODE = path.join(ROOT, 'test', 'integration', 'code-server-as-vscode.sh');

/**
 * Runs one set of suites through @vscode/test-electron's runTests. By default its executable is code-server
 * (AS_VSCODE); with LLM_GLOSSARY_VSCODE=download it downloads desktop VS Code 1.100.3 and runs the same suites there.
 */
async function viaTestElectron(tmp, { web }) {
  const { runTests } = createRequire(import.meta.url)('@vscode/test-electron');
  const results = path.join(tmp, `results-${web ? 'web' : 'node'}.json`);
  const desktop = process.env.LLM_GLOSSARY_VSCODE === 'download';
  try {
    await runTests({
      ...(desktop ? { version: '1.100.3' } : { vscodeExecutablePath: process.env.LLM_GLOSSARY_VSCODE ?? AS_VSCODE }),
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: web ? WEB_TESTS : NODE_TESTS,
      launchArgs: [freshWorkspace(path.join(tmp, web ? 'web' : 'node')), ...(web ? ['--extensionDevelopmentKind=web'] : [])],
      extensionTestsEnv: { LLM_GLOSSARY_RESULTS: results },
    });
  } catch (e) {
    if (!fs.existsSync(results)) console.error(e);
  }
  const r = fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : { code: 1, passed: 0, failed: 0 };
  return { ...r, code: r.code ?? 1 };
}

/** --as-vscode: takes VS Code's command line (as test-electron passes it), ignores desktop-only flags. */
async function asVscode(argv) {
  const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const folder = argv.find((a) => !a.startsWith('-'));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-glossary-host-'));
  try {
    const r = await runSuites(tmp, {
      extensionPath: value('extensionDevelopmentPath'),
      tests: value('extensionTestsPath'),
      web: value('extensionDevelopmentKind') === 'web',
      folder: folder && path.resolve(folder),
    });
    if (process.env.LLM_GLOSSARY_RESULTS) fs.writeFileSync(process.env.LLM_GLOSSARY_RESULTS, JSON.stringify(r));
    return r.code === 0 ? 0 : 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function runUi(tmp) {
  // The UI test runs the packaged extension, so packaging is tested too.
  const vsix = path.join(tmp, 'llm-glossary.vsix');
  const pack = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (pack.status !== 0) throw new Error(`vsce package failed:\n${pack.stdout}${pack.stderr}`);
  // The glossary issue's budget: the package stays at most 3 MB (as vsce counts them, MiB).
  const size = fs.statSync(vsix).size;
  console.log(`  .vsix: ${size} bytes (${(size / 2 ** 20).toFixed(2)} MiB)`);
  if (size > 3 * 2 ** 20) throw new Error(`the .vsix is ${size} bytes, over the 3 MB budget`);
  const { runUiTest } = await import('./ui.mjs');
  return runUiTest(tmp, { ROOT, vsix, startCodeServer, launchBrowser, freshWorkspace, workbenchUrl });
}

async function main() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-glossary-e2e-'));
  const total = { passed: 0, failed: 0 };
  let failed = false;
  const add = (r) => {
    total.passed += r.passed;
    total.failed += r.failed;
    if ((r.code ?? 0) !== 0 || r.failed) failed = true;
  };
  try {
    if (hasSuites(NODE_TESTS)) add(await viaTestElectron(tmp, { web: false }));
    if (args.has('--restricted') && hasSuites(RESTRICTED_TESTS)) {
      console.log('\n  Restricted Mode (workspace trust enabled, the workspace untrusted)');
      add(await runRestricted(tmp));
    }
    if (args.has('--web')) {
      console.log('\n  Web extension host (browser entry, as on vscode.dev / github.dev)');
      add(await viaTestElectron(tmp, { web: true }));
    }
    if (args.has('--ui')) add(await runUi(tmp));
    console.log(`${total.passed} passed, ${total.failed} failed`);
    if (total.passed === 0) failed = true;
  } catch (e) {
    console.error(e);
    failed = true;
  } finally {
    if (!args.has('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
    else console.error(`kept ${tmp}`);
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--as-vscode') asVscode(process.argv.slice(3)).then((code) => process.exit(code), (e) => (console.error(e), process.exit(1)));
  else main();
}
