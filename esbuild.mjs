// Bundles the extension, the CLI and the unit tests into CommonJS for Node, and the web extension (with its
// integration tests) for the web-worker extension host of vscode.dev and github.dev.
// unified/remark are ESM-only; esbuild inlines them so the CommonJS extension host and mocha can load them.
import * as esbuild from 'esbuild';
import { readdirSync, existsSync } from 'node:fs';
import { join, sep } from 'node:path';
import { createRequire } from 'node:module';

const testsIn = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, f))
    : [];

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  external: ['vscode'],
};

// The web-worker extension host: no Node. `worker` makes packages with a DOM variant (micromark's entity decoder
// via decode-named-character-reference) pick the one that runs in a web worker.
const web = { ...common, platform: 'browser', target: 'es2022', conditions: ['worker'], mainFields: ['browser', 'module', 'main'] };

const builds = [
  { ...common, entryPoints: { extension: 'src/extension.ts' }, outdir: 'dist' },
  { ...web, entryPoints: { extension: 'src/web/extension.ts' }, outdir: 'dist/web' },
  { ...common, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'dist' },
  { ...common, entryPoints: { scanWorker: 'src/node/scanWorker.ts' }, outdir: 'dist' },
  {
    ...common,
    sourcemap: 'inline',
    minify: false,
    entryPoints: testsIn('test/unit'),
    outdir: 'out/test/unit',
    outbase: 'test/unit',
    // commonmark-spec reads its spec.txt from its own folder at run time.
    external: ['vscode', 'mocha', 'commonmark-spec'],
  },
  {
    ...common,
    sourcemap: 'inline',
    minify: false,
    entryPoints: ['test/integration/index.ts', ...testsIn('test/integration').filter((f) => !f.includes(`${sep}web${sep}`))],
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    external: ['vscode', 'mocha'],
  },
  // The Restricted Mode run (run.mjs --restricted): the same mocha entry, loading the suites beside it.
  { ...common, sourcemap: 'inline', minify: false, entryPoints: { index: 'test/integration/index.ts' }, outdir: 'out/test/integration/restricted', external: ['vscode', 'mocha'] },
  {
    ...web,
    sourcemap: 'inline',
    minify: false,
    entryPoints: { index: 'test/integration/web/index.ts' },
    outdir: 'out/test/integration/web',
    alias: { 'node:assert/strict': './test/integration/web/assert.ts' },
  },
  { ...common, minify: false, entryPoints: { bench: 'bench/bench.ts' }, outdir: 'out/bench' },
  { ...common, minify: false, entryPoints: { eval: 'scripts/eval.ts', 'han-cuts': 'scripts/han-cuts.ts', remap: 'scripts/remap.ts' }, outdir: 'out/eval' },
  { ...common, minify: false, sourcemap: false, entryPoints: { compileGlossary: 'src/node/compileGlossary.ts' }, outdir: 'out/build' },
].filter((b) => (Array.isArray(b.entryPoints) ? b.entryPoints.length > 0 : true));

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  // Precompile the built-in glossary so the extension and the CLI read it instead of parsing YAML and building its index at start.
  const { compileGlossary } = createRequire(import.meta.url)('./out/build/compileGlossary.js');
  const problems = compileGlossary(join(process.cwd(), 'glossary'), join(process.cwd(), 'dist', 'glossary.bin')).filter((p) => p.severity === 'error');
  for (const p of problems) console.warn(`${p.file}:${p.line}:${p.column}: ${p.message}`);
  if (problems.length) console.warn(`warning: the built-in glossary has ${problems.length} errors (npm test fails on them)`);
}
