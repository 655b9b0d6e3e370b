// Benchmarks of size (npm run bench -- --scale [N], -- --gate): a workspace of N notes made from copies of the
// corpus, and the scaling gate, which measures each series at 1×, 2× and 4× its size and fits the growth exponent.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { GlossaryIndex } from '../src/core/glossaryIndex';
import { Matcher } from '../src/core/matcher';
import { NotesIndex, type IndexStorage } from '../src/core/notesIndex';
import type { GlossaryState } from '../src/core/documents';
import { indexLayers } from '../src/core/builtinGlossary';
import { compileBuiltin, loadBuiltin } from '../src/core/precompiled';
import { builtinYamlBytes } from '../src/cli/glossaries';
import { createGlossaryService } from '../src/core/service';
import { SILENT } from '../src/core/workspace';
import { poolReader } from '../src/node/poolReader';
import { MAX_EXPONENT, verdict, type Point } from './scaling';

/** What the size benchmarks need from bench.ts. */
export interface ScaleContext {
  readonly root: string;
  readonly files: readonly string[];
  readonly quick: boolean;
  readonly log: (s: string) => void;
  readonly median: (xs: number[]) => number;
  /** `--scale-index-only`: only the notes index step of `--scale`. */
  readonly indexOnly?: boolean;
  /** `--scale-references`: only the Find All References step of `--scale`. */
  readonly referencesOnly?: boolean;
}

const r = (x: number, d = 2) => Number(x.toFixed(d));
/** Common concepts whose names are spread through the copies, so that each copy's text differs. */
const WORDS = ['注意力机制', 'Transformer', 'LoRA', '微调', 'RLHF', '思维链', '预训练', 'token', '量化', 'embedding'];

/**
 * Writes `count` notes into `dir`: copies of the corpus, each copy's notes varied (a paragraph naming a few
 * concepts in a per-copy order, and the copy's number), so no two notes have the same content.
 */
export function writeCopies(files: readonly string[], count: number, dir: string): string[] {
  const out: string[] = [];
  for (let copy = 0; out.length < count; copy++) {
    for (let i = 0; i < files.length && out.length < count; i++) {
      const words = WORDS.map((_, j) => WORDS[(j * (copy + 1) + i) % WORDS.length]).slice(0, 3 + (copy % 5));
      const text = fs.readFileSync(files[i], 'utf8') + (copy === 0 ? '' : `\n\n副本 ${copy}：${words.join('、')}。\n`);
      const file = path.join(dir, `copy-${copy}`, `${i}-${path.basename(files[i])}`);
      if (i === 0) fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      out.push(file);
    }
  }
  return out;
}

/** The compiled built-in glossary (dist/glossary.bin), as the extension reads it. */
function compiledBytes(root: string): Uint8Array {
  return new Uint8Array(fs.readFileSync(path.join(root, 'dist', 'glossary.bin')));
}

/** The compiled built-in glossary with the YAML files its details are in. */
function compiledBuiltin(root: string, bytes = compiledBytes(root)) {
  const yaml = builtinYamlBytes(path.join(root, 'glossary'));
  return loadBuiltin(bytes, (f) => yaml.get(f));
}

function loadGlossary(root: string, bytes = compiledBytes(root)): GlossaryIndex {
  return indexLayers(compiledBuiltin(root, bytes), []);
}

/**
 * The extension's notes index over `files` (one worker thread reads, this thread matches); `idleMs`: how long the
 * worker waits for more to read before it stops.
 */
export function extensionNotesIndex(root: string, files: readonly string[], glossary: GlossaryIndex, storage?: IndexStorage, idleMs?: number): NotesIndex {
  const uris = files.map((f) => pathToFileURL(f).toString());
  const workspace = { findNotes: async () => uris, readFile: async (u: string) => new Uint8Array(fs.readFileSync(fileURLToPath(u))) };
  const state: GlossaryState = { index: glossary, generation: 1, fingerprint: () => 'built-in' };
  return new NotesIndex({ workspace, reader: poolReader(workspace, path.join(root, 'dist', 'scanWorker.js'), idleMs), glossary: () => state, maxChars: () => 2_000_000, storage, log: SILENT });
}

/** Milliseconds to build the notes index of `files` from nothing (every note parsed, every note matched). */
async function coldIndex(ctx: ScaleContext, files: readonly string[], glossary: GlossaryIndex, storage?: IndexStorage): Promise<{ ms: number; longestTaskMs: number; longestGcMs: number; longestGcKind: string }> {
  const index = extensionNotesIndex(ctx.root, files, glossary, storage);
  const h = monitorEventLoopDelay({ resolution: 5 });
  // Garbage-collection pauses of this thread, to tell them from long tasks of the index's own code.
  let longestGcMs = 0;
  let longestGcKind = '';
  const gc = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.duration > longestGcMs) longestGcKind = String((e as unknown as { detail?: { kind?: number } }).detail?.kind);
      longestGcMs = Math.max(longestGcMs, e.duration);
    }
  });
  gc.observe({ entryTypes: ['gc'] });
  h.enable();
  const t0 = performance.now();
  await index.ready();
  index.fileCounts();
  const ms = performance.now() - t0;
  await new Promise((res) => setTimeout(res, 20)); // so the delay of the last synchronous block is recorded too
  h.disable();
  gc.disconnect();
  index.dispose();
  return { ms, longestTaskMs: h.max / 1e6 - 5, longestGcMs, longestGcKind };
}

/** Runs the CLI with stdout to /dev/null (10,000 notes print hundreds of megabytes); its wall time in ms. */
function cliMs(ctx: ScaleContext, args: readonly string[], cwd: string): number {
  const out = fs.openSync(os.devNull, 'w');
  try {
    const t0 = performance.now();
    const c = spawnSync(process.execPath, [path.join(ctx.root, 'bin', 'llm-glossary.js'), 'concepts', ...args], { cwd, stdio: ['ignore', out, 'pipe'], encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (c.status !== 0 && c.status !== 1) throw new Error(`the CLI failed: ${c.stderr}`);
    return ms;
  } finally {
    fs.closeSync(out);
  }
}

/** A user glossary for the CLI runs; `edit` changes one entry (a new Chinese name). */
function writeUserGlossary(file: string, edit: boolean): void {
  fs.writeFileSync(file, `entries:\n  - id: bench-entry\n    en: bench concept\n    zh: ${edit ? '副本概念' : '基准概念'}\n    category: bench\n    definition: {en: A concept for the benchmark., zh: 基准测试用的概念。}\n`);
}

/** `--scale N`: the extension's index, references, memory and the CLI cache over N notes (default 10,000). */
export async function benchScale(ctx: ScaleContext, count: number): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-glossary-scale-'));
  try {
    const t0 = performance.now();
    const files = writeCopies(ctx.files, count, path.join(dir, 'notes'));
    const tenth = files.filter((_, i) => i % 10 === 0);
    ctx.log(`scale: wrote ${files.length} notes in ${r(performance.now() - t0)} ms; baseline ${tenth.length} notes`);
    const glossary = loadGlossary(ctx.root);
    const out: Record<string, unknown> = { notes: files.length, baselineNotes: tenth.length };
    if (ctx.referencesOnly) return { ...out, references: await references(ctx, files, glossary) };

    // The notes index: cold at a tenth and at the full size, then re-opened from what it persisted.
    let stored: Uint8Array | undefined;
    const storage = { read: async () => stored, write: async (b: Uint8Array) => void (stored = b) };
    void glossary.matcher; // built at the first hover in the extension, before any indexing
    const { ms: baseMs } = await coldIndex(ctx, tenth, glossary);
    const cold = await coldIndex(ctx, files, glossary, storage);
    await new Promise((res) => setTimeout(res, 1500)); // the debounced save
    const reopen = await coldIndex(ctx, files, glossary, storage);
    const coldMs = cold.ms;
    out.index = {
      baselineColdMs: r(baseMs),
      coldMs: r(coldMs),
      coldVsBaseline: r(coldMs / baseMs, 2),
      reopenMs: r(reopen.ms),
      reopenVsCold: r(reopen.ms / coldMs, 3),
      longestTaskColdMs: r(cold.longestTaskMs),
      longestTaskReopenMs: r(reopen.longestTaskMs),
      longestGcPauseColdMs: r(cold.longestGcMs),
      longestGcPauseReopenMs: r(reopen.longestGcMs),
      // perf_hooks' GC kinds: 1 a scavenge of the young generation, 4 a full mark-sweep-compact, 8 incremental marking.
      longestGcPauseKinds: [cold.longestGcKind, reopen.longestGcKind],
      persistedMb: r((stored?.length ?? 0) / 2 ** 20),
      loadAverage: r(os.loadavg()[0], 1),
      targets: 'cold <= 10.5 x baseline; reopen <= 0.05 x cold; longest task <= 50 ms',
    };
    ctx.log(`scale: index cold ${r(coldMs)} ms (${r(coldMs / baseMs)}x the ${tenth.length}-note ${r(baseMs)} ms), re-open ${r(reopen.ms)} ms (${r(reopen.ms / coldMs, 3)}x); longest task ${r(cold.longestTaskMs)} / ${r(reopen.longestTaskMs)} ms (longest GC pause ${r(cold.longestGcMs)} / ${r(reopen.longestGcMs)} ms)`);
    stored = undefined;
    if (ctx.indexOnly) return out;

    out.references = await references(ctx, files, glossary);
    out.indexMemory = memory(ctx, path.join(dir, 'notes'));
    out.cliCache = cliCache(ctx, dir);
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Find All References on a common concept through the core service, notes read from disk by a worker. */
async function references(ctx: ScaleContext, files: readonly string[], glossary: GlossaryIndex) {
  const uris = files.map((f) => pathToFileURL(f).toString());
  const text = '# 引用\n\nTransformer 与注意力机制。\n';
  const doc = { uri: pathToFileURL(path.join(path.dirname(files[0]), 'open.md')).toString(), version: 1, getText: () => text };
  const workspace = {
    findNotes: async () => uris,
    findGlossaries: async () => [],
    readFile: async (u: string) => new Uint8Array(fs.readFileSync(fileURLToPath(u))),
    openDocument: (u: string) => (u === doc.uri ? doc : undefined),
    openNotes: () => [doc],
  };
  const builtin = async () => compiledBuiltin(ctx.root);
  const service = createGlossaryService({ workspace, reader: poolReader(workspace, path.join(ctx.root, 'dist', 'scanWorker.js')), builtin });
  try {
    await service.ready();
    const at = text.indexOf('Transformer') + 1;
    let t0 = performance.now();
    const first = await service.references(doc, at, false);
    const firstMs = performance.now() - t0;
    const warm: number[] = [];
    for (let i = 0; i < (ctx.quick ? 3 : 7); i++) {
      t0 = performance.now();
      await service.references(doc, at, false);
      warm.push(performance.now() - t0);
    }
    const res = { locations: first?.length ?? 0, firstMs: r(firstMs), warmMedianMs: r(ctx.median(warm)), entries: glossary.entries.size, target: 'warm <= 200 ms' };
    ctx.log(`scale: references to Transformer: ${res.locations} locations, first ${res.firstMs} ms, warm median ${res.warmMedianMs} ms`);
    return res;
  } finally {
    service.dispose();
  }
}

/** The index memory child of bench.ts, over the copies. */
function memory(ctx: ScaleContext, dir: string) {
  const child = spawnSync(process.execPath, ['--expose-gc', path.join(ctx.root, 'out', 'bench', 'bench.js'), '--memory-child'], { encoding: 'utf8', env: { ...process.env, LLM_GLOSSARY_CORPUS: dir } });
  const m = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { rssMb: number; heapMb: number; everyNoteOccurrences: { rssMb: number; heapMb: number } };
  ctx.log(`scale: index memory ${m.rssMb} MB RSS, ${m.heapMb} MB heap (holding every note's occurrences: ${m.everyNoteOccurrences.rssMb} MB RSS, ${m.everyNoteOccurrences.heapMb} MB heap)`);
  return { ...m, target: '<= 400 MB RSS' };
}

/** The CLI over the copies: cold without a cache, then with --cache cold, unchanged, and after a glossary edit. */
function cliCache(ctx: ScaleContext, dir: string) {
  const g = path.join(dir, 'user.glossary.yaml');
  writeUserGlossary(g, false);
  const args = ['--json', '--glossary', g, 'notes'];
  const cache = ['--cache-location', path.join(dir, 'cache')];
  const load = [os.loadavg()[0]];
  const coldMs = cliMs(ctx, args, dir);
  const cacheColdMs = cliMs(ctx, [...cache, ...args], dir);
  const unchanged: number[] = [];
  for (let i = 0; i < (ctx.quick ? 1 : 3); i++) unchanged.push(cliMs(ctx, [...cache, ...args], dir));
  const edits: number[] = [];
  for (let i = 0; i < (ctx.quick ? 1 : 3); i++) {
    writeUserGlossary(g, i % 2 === 0);
    edits.push(cliMs(ctx, [...cache, ...args], dir));
  }
  const res = {
    coldMs: r(coldMs),
    cacheColdMs: r(cacheColdMs),
    unchangedMedianMs: r(ctx.median(unchanged)),
    unchangedVsCold: r(ctx.median(unchanged) / coldMs, 3),
    afterGlossaryEditMedianMs: r(ctx.median(edits)),
    afterGlossaryEditVsCold: r(ctx.median(edits) / coldMs, 3),
    loadAverage: [...load, os.loadavg()[0]].map((x) => r(x, 1)),
    targets: 'unchanged <= 0.05 x cold; after a glossary edit <= 0.15 x cold',
  };
  ctx.log(`CLI --cache: cold ${res.coldMs} ms (with --cache ${res.cacheColdMs} ms), unchanged ${res.unchangedMedianMs} ms (${res.unchangedVsCold}x), after a glossary edit ${res.afterGlossaryEditMedianMs} ms (${res.afterGlossaryEditVsCold}x); load average ${res.loadAverage.join(' -> ')}`);
  return res;
}

/** `--cli-cache`: the CLI cache series over the corpus itself (without copies). */
export function benchCliCache(ctx: ScaleContext, corpus: string): Record<string, unknown> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-glossary-cli-cache-'));
  try {
    fs.symlinkSync(corpus, path.join(dir, 'notes'));
    return cliCache(ctx, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The first notes, in a fixed shuffled order, that together hold 1/part of the corpus's bytes. */
function notesOfSize(files: readonly string[], part: number): string[] {
  const order = files.map((f, i) => ({ f, k: (i * 2654435761) % 4294967296 })).sort((a, b) => a.k - b.k).map((x) => x.f);
  const total = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  const out: string[] = [];
  for (let n = 0, i = 0; i < order.length && n < total / part; i++) {
    out.push(order[i]);
    n += fs.statSync(order[i]).size;
  }
  return out;
}

/**
 * `--gate`: each series measured at 1×, 2× and 4× its size in one run, interleaved, medians; the growth exponent
 * of each is fitted and printed, and the gate fails (exit 1) when one exceeds {@link MAX_EXPONENT}. Sizes: a
 * quarter, half and all of the corpus's bytes (notes in a fixed shuffled order), of the glossary's names (matcher
 * build) and of its entries (glossary load). Fixed costs (process start, the glossary load in each CLI run) make
 * the index and CLI exponents a little below 1; what the gate catches is growth worse than linear.
 */
export async function benchGate(ctx: ScaleContext): Promise<{ pass: boolean; series: ReturnType<typeof verdict>[]; points: Record<string, Point[]> }> {
  const files = compiledBuiltin(ctx.root).files();
  const glossary = loadGlossary(ctx.root);
  const noteSets = [4, 2, 1].map((part) => notesOfSize(ctx.files, part));
  const chars = noteSets.map((set) => set.reduce((n, f) => n + fs.statSync(f).size, 0));
  const patternSets = [4, 2, 1].map((stride) => glossary.patterns.filter((_, i) => i % stride === 0));
  const part = (stride: number) => files.map((f) => ({ ...f, entries: f.entries.filter((_, i) => i % stride === 0) }));
  const glossaryBins = [4, 2, 1].map((stride) => compileBuiltin(part(stride).map((parsed) => ({ parsed }))).bytes);
  const entryCounts = [4, 2, 1].map((stride) => part(stride).reduce((n, f) => n + f.entries.length, 0));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-glossary-gate-'));
  const times: Record<string, number[][]> = { index: [[], [], []], cli: [[], [], []], matcherBuild: [[], [], []], glossaryLoad: [[], [], []] };
  try {
    for (let rep = 0; rep < (ctx.quick ? 1 : 3); rep++) {
      for (let s = 0; s < 3; s++) {
        const k = (s + rep) % 3; // interleaved: a different size first in each repetition
        times.index[k].push((await coldIndex(ctx, noteSets[k], glossary)).ms);
        times.cli[k].push(cliMs(ctx, ['--json', ...noteSets[k]], dir));
        let t0 = performance.now();
        for (let i = 0; i < 3; i++) void new Matcher(patternSets[k]).size;
        times.matcherBuild[k].push((performance.now() - t0) / 3);
        t0 = performance.now();
        for (let i = 0; i < 3; i++) void loadGlossary(ctx.root, glossaryBins[k]);
        times.glossaryLoad[k].push((performance.now() - t0) / 3);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const sizes: Record<string, number[]> = { index: chars, cli: chars, matcherBuild: patternSets.map((p) => p.length), glossaryLoad: entryCounts };
  const points: Record<string, Point[]> = {};
  for (const name of Object.keys(times)) points[name] = sizes[name].map((size, k) => ({ size, ms: r(ctx.median(times[name][k])) }));
  const series = Object.entries(points).map(([name, p]) => verdict(name, p));
  for (const v of series) ctx.log(`gate: ${v.name.padEnd(13)} exponent ${v.exponent.toFixed(2)} ${v.pass ? 'ok' : `FAIL (> ${MAX_EXPONENT})`}  ${points[v.name].map((p) => `${p.size}: ${p.ms} ms`).join(', ')}`);
  return { pass: series.every((v) => v.pass), series, points };
}
