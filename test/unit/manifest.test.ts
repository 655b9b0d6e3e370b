import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './helpers';

const json = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, unknown>;

describe('manifest and localisation', () => {
  const pkg = json('package.json') as { contributes: { commands: { command: string; title: string; category: string }[] }; [k: string]: unknown };
  const nls = json('package.nls.json');
  const nlsZh = json('package.nls.zh-cn.json');

  it('is a VS Code extension manifest named llm-glossary', () => {
    assert.equal(pkg.name, 'llm-glossary');
    assert.equal(pkg.displayName, 'LLM Glossary');
    assert.equal((pkg.engines as { vscode: string }).vscode, '^1.100.0');
    assert.ok((pkg.activationEvents as string[]).includes('onLanguage:markdown'));
  });

  it('every %placeholder% in package.json has an English and a Chinese string', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 20);
    for (const k of keys) {
      assert.ok(typeof nls[k] === 'string', `package.nls.json lacks ${k}`);
      assert.ok(typeof nlsZh[k] === 'string', `package.nls.zh-cn.json lacks ${k}`);
    }
    assert.deepEqual(Object.keys(nlsZh).sort(), Object.keys(nls).sort());
  });

  it('every command has the "LLM Glossary" category and an id llmGlossary.<verb>', () => {
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, '%category%');
      assert.match(c.command, /^llmGlossary\.[a-zA-Z.]+$/);
    }
  });

  it('every runtime string (vscode.l10n.t) has a Simplified Chinese translation', () => {
    const en = json('l10n/bundle.l10n.json');
    const zh = json('l10n/bundle.l10n.zh-cn.json');
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const f of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, f.name);
        if (f.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1].replace(/\\'/g, "'"));
      }
    };
    walk(path.join(ROOT, 'src'));
    assert.ok(used.size > 20);
    for (const s of used) {
      assert.ok(s in en, `l10n/bundle.l10n.json lacks "${s}" (run npx @vscode/l10n-dev export --outDir ./l10n ./src)`);
      assert.ok(typeof zh[s] === 'string' && (zh[s] as string).length > 0, `l10n/bundle.l10n.zh-cn.json lacks "${s}"`);
    }
  });
});

describe('packaging', function () {
  this.timeout(60_000);
  it('the .vsix holds the bundled extensions (Node and web), glossary, manifest, README with its screenshots, CHANGELOG, licence and l10n files only', () => {
    const r = spawnSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const files = r.stdout.trim().split('\n').sort();
    const glossaries = fs.readdirSync(path.join(ROOT, 'glossary')).map((f) => `glossary/${f}`);
    assert.deepEqual(
      files,
      [
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'dist/extension.js',
        'dist/web/extension.js',
        'dist/glossary.bin',
        'dist/scanWorker.js',
        ...glossaries,
        'l10n/bundle.l10n.json',
        'l10n/bundle.l10n.zh-cn.json',
        'media/glossary.svg',
        'media/screenshot-export.png',
        'media/screenshot-export-pick.png',
        'media/preview.css',
        'media/screenshot-hover.png',
        'media/screenshot-preview.png',
        'media/screenshot-sidebar.png',
        'media/screenshot-terminology-fix.png',
        'package.json',
        'package.nls.json',
        'package.nls.zh-cn.json',
      ].sort(),
    );
  });

  it("every image the README shows is in the .vsix, so it shows on the extension's page", () => {
    const r = spawnSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' });
    const shipped = new Set(r.stdout.trim().split('\n'));
    const images = [...fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    assert.ok(images.length >= 2);
    for (const img of images) assert.ok(/^https:/.test(img) || shipped.has(img), `${img} is shipped or absolute`);
  });

  it('contributes a markdown-it plugin and its stylesheet, shipped in the .vsix', () => {
    const contributes = json('package.json').contributes as Record<string, unknown>;
    assert.equal(contributes['markdown.markdownItPlugins'], true);
    assert.deepEqual(contributes['markdown.previewStyles'], ['./media/preview.css']);
    assert.ok(fs.existsSync(path.join(ROOT, 'media', 'preview.css')));
  });

  it('has a browser entry for the web extension host', () => {
    const manifest = json('package.json');
    assert.equal(manifest.browser, './dist/web/extension.js');
    assert.equal(manifest.main, './dist/extension.js');
  });
});
