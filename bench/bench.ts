// Benchmarks (npm run bench [-- --json] [-- --quick] [-- --notes-index] [-- --cli-corpus] [-- --glossary-load] [-- --user-glossary] [-- --scale [N] [-- --scale-index-only | -- --scale-references]] [-- --cli-cache] [-- --gate] [-- --han-words]). Each ratio is measured in one run against its baseline,
// interleaved, and reported as a median; the machine is shared and noisy, so absolute times are indicative only.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { buildGlossary } from '../src/core/glossaryIndex';
import { IncrementalScan } from '../src/core/incremental';
import { Matcher } from '../src/core/matcher';
import { parseMarkdown } from '../src/core/markdown';
import { occurrenceAt } from '../src/core/occurrences';
import { indexLayers } from '../src/core/builtinGlossary';
import { ENGLISH_HOVER_LABELS, renderHover } from '../src/core/hover';
import { loadBuiltin, precompile, revive, type BuiltinGlossary, type PrecompiledGlossary } from '../src/core/precompiled';
import { builtinYamlBytes } from '../src/cli/glossaries';
import { parseGlossaryFile } from '../src/core/glossaryLoader';
import { resolveSenses } from '../src/core/senses';
import { collectProse, matchProse, scanDocument } from '../src/core/scanner';
import { LineIndex } from '../src/core/text';
import { summarize, WorkspaceIndex } from '../src/core/workspaceIndex';
import { ScanPool } from '../src/node/scanPool';
import { NotesIndex } from '../src/core/notesIndex';
import type { GlossaryState } from '../src/core/documents';
import { SILENT } from '../src/core/workspace';
import { poolReader } from '../src/node/poolReader';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchCliCache, benchGate, benchScale, extensionNotesIndex, type ScaleContext } from './scale';

const ROOT = path.resolve(__dirname, '..', '..');
const CORPUS = path.resolve(ROOT, process.env.LLM_GLOSSARY_CORPUS ?? '../shared/corpus');
const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const json = args.has('--json');
const log = (s: string) => process.stderr.write(s + '\n');
/** `--scale N`: the number of notes of the copied workspace (10,000 when no number follows). */
const scaleArg = process.argv.indexOf('--scale');
const scaleNotes = scaleArg < 0 ? 0 : /^\d+$/.test(process.argv[scaleArg + 1] ?? '') ? Number(process.argv[scaleArg + 1]) : 10_000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
const r = (x: number, d = 2) => Number(x.toFixed(d));

function corpusFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|markdown)$/.test(p)) out.push(p);
    }
  };
  walk(CORPUS);
  return out.sort();
}

async function benchNotesIndex(files: string[], glossary: ReturnType<typeof loadGlossary>) {
  const uris = files.map((f) => pathToFileURL(f).toString());
  const workspace = { findNotes: async () => uris, readFile: async (u: string) => new Uint8Array(fs.readFileSync(fileURLToPath(u))) };
  let stored: Uint8Array | undefined;
  const storage = { read: async () => stored, write: async (b: Uint8Array) => void (stored = b) };
  // Fingerprints as the extension gives them (what each glossary was built from), so re-opening uses stored matches.
  let state: GlossaryState = { index: glossary, generation: 1, fingerprint: () => 'built-in' };
  const make = () =>
    new NotesIndex({ workspace, reader: poolReader(workspace, path.join(ROOT, 'dist', 'scanWorker.js')), glossary: () => state, maxChars: () => 2_000_000, storage, log: SILENT });
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const first = make();
  let t0 = performance.now();
  await first.rebuild();
  await first.ready();
  const c0 = performance.now();
  first.fileCounts(); // what the glossary tree asks for once the index is built
  const fileCountsMs = performance.now() - c0;
  const coldMs = performance.now() - t0;
  await new Promise((res) => setTimeout(res, 20)); // so the delay of the last synchronous block is recorded too
  h.disable();
  state = { index: buildGlossary([{ builtin: true, files: compiledBuiltin().files() }]), generation: 2, fingerprint: () => 'built-in, merged again' };
  t0 = performance.now();
  await first.rematch();
  const rematchMs = performance.now() - t0;
  first.dispose(); // saves
  await new Promise((res) => setTimeout(res, 50));
  const again = make();
  t0 = performance.now();
  const stats = await again.rebuild();
  await again.ready();
  again.fileCounts();
  const reopenMs = performance.now() - t0;
  again.dispose();
  // What a glossary change cost before: every note read and parsed again by the worker.
  const pool = new ScanPool({ patterns: state.index.patterns, size: 1, script: path.join(ROOT, 'dist', 'scanWorker.js'), batch: 2 });
  t0 = performance.now();
  await pool.scan(files.map((f) => ({ key: f, path: f })), 8 << 20, () => {});
  const reparseMs = performance.now() - t0;
  await pool.close();
  const out = {
    coldMs: r(coldMs),
    glossaryChangeReparseMs: r(reparseMs),
    rematchVsReparse: r(rematchMs / reparseMs, 3),
    glossaryChangeRematchMs: r(rematchMs),
    reopenMs: r(reopenMs),
    reopenParsed: stats.parsed,
    persistedMb: r((stored?.length ?? 0) / 2 ** 20),
    longestMainThreadTaskMs: r(h.max / 1e6 - 5),
    fileCountsAfterBuildMs: r(fileCountsMs),
  };
  log(`notes index: cold ${out.coldMs} ms, glossary change re-match ${out.glossaryChangeRematchMs} ms vs re-parse ${out.glossaryChangeReparseMs} ms, re-open ${out.reopenMs} ms (${stats.parsed} parsed), stored ${out.persistedMb} MB`);
  return out;
}

const BIN = path.join(ROOT, 'dist', 'glossary.bin');

/** The compiled built-in glossary read with the YAML files its details are in, as the extension reads them. */
function compiledBuiltin(bin = BIN): BuiltinGlossary {
  const yaml = builtinYamlBytes(path.join(ROOT, 'glossary'));
  return loadBuiltin(new Uint8Array(fs.readFileSync(bin)), (f) => yaml.get(f));
}

/** The built-in glossary as the extension loads it: the compiled file, read and loaded (its index comes with it). */
function loadGlossary() {
  return indexLayers(compiledBuiltin(), []);
}

/**
 * Glossary load at activation, against the path before format 3 (the parsed files as JSON, revived, merged, the
 * matcher built from the patterns), interleaved; and the first hover: load, matcher, scan of a chapter, hover.
 */
function benchGlossaryLoad(rounds: number) {
  const oldJson = path.join(os.tmpdir(), `llm-glossary-format2-${process.pid}.json`);
  fs.writeFileSync(oldJson, JSON.stringify(precompile(compiledBuiltin().files())));
  const chapter = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'notes', 'llm-s1.md'), 'utf8');
  const t = { ready: [] as number[], matcher: [] as number[], hover: [] as number[], oldReady: [] as number[], oldMatcher: [] as number[] };
  // CPU time of this process too: on a machine shared by many jobs, wall time is mostly waiting for a core.
  const cpu = { ready: [] as number[], oldReady: [] as number[], hover: [] as number[] };
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const time = <T>(into: number[], f: () => T, cpuInto?: number[]): T => {
    const t0 = performance.now();
    const c0 = cpuMs();
    const v = f();
    into.push(performance.now() - t0);
    cpuInto?.push(cpuMs() - c0);
    return v;
  };
  let entries = 0;
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const c0 = cpuMs();
    const g = time(t.ready, loadGlossary, cpu.ready);
    time(t.matcher, () => g.matcher.size);
    const scan = scanDocument(chapter, g);
    const o = scan.occurrences[Math.floor(scan.occurrences.length / 2)];
    renderHover(g.get(o.entryId)!, g, { language: 'zh', commandLinks: true, labels: ENGLISH_HOVER_LABELS }, o.senses);
    t.hover.push(performance.now() - t0);
    cpu.hover.push(cpuMs() - c0);
    entries = g.entries.size;
    const old = time(t.oldReady, () => buildGlossary([{ builtin: true, files: revive(JSON.parse(fs.readFileSync(oldJson, 'utf8')) as PrecompiledGlossary) }]), cpu.oldReady);
    time(t.oldMatcher, () => old.matcher.size);
  }
  const bin = fs.readFileSync(BIN);
  const json = fs.readFileSync(oldJson);
  fs.rmSync(oldJson);
  const m = (xs: number[]) => r(median(xs));
  return {
    entries,
    rounds,
    firstMs: r(t.ready[0]),
    medianMs: m(t.ready),
    matcherMs: m(t.matcher),
    firstHoverMedianMs: m(t.hover),
    firstHoverMaxMs: r(Math.max(...t.hover)),
    format2: { medianMs: m(t.oldReady), matcherBuildMs: m(t.oldMatcher) },
    readyRatio: r(median(t.ready.map((x, i) => x / t.oldReady[i])), 3),
    cpuMs: { ready: m(cpu.ready), format2Ready: m(cpu.oldReady), firstHover: m(cpu.hover) },
    fileBytes: bin.length,
    fileDeflatedBytes: deflateRawSync(bin).length,
    format2Bytes: json.length,
    format2DeflatedBytes: deflateRawSync(json).length,
    target: 'ready <= 20 ms median, first hover <= 100 ms',
  };
}

/** A user glossary of a few entries, one of them overriding a built-in entry; `extra` adds one more. */
function userGlossary(extra: boolean): string {
  const entry = (id: string, en: string, zh: string) => `  - id: ${id}\n    en: ${en}\n    zh: ${zh}\n    category: custom\n    definition: {en: Made up for the benchmark.}\n`;
  const lines = ['entries:\n', entry('lora', 'low-rank adaptation', '低秩适应'), entry('zebra-stripe-routing', 'zebra stripe routing', '斑马条纹路由')];
  if (extra) lines.push(entry('host-channel-adapter', 'Host Channel Adapter', '主机通道适配器'));
  return lines.join('');
}

/**
 * A user glossary change, from its text to a matcher that finds the new term: parse the file, merge it over the
 * built-in glossary and get the matcher (what the live reload does), against the same with nothing reused from
 * the last reload (the built-in entries merged afresh and the whole automaton built), interleaved.
 */
function benchUserGlossaryReload(rounds: number) {
  const builtin = compiledBuiltin();
  builtin.files();
  const line = '网卡叫 HCA，也就是主机通道适配器（Host Channel Adapter）。';
  const t = { layered: [] as number[], full: [] as number[] };
  let found = 0;
  for (let i = 0; i < rounds; i++) {
    const text = userGlossary(i % 2 === 0);
    let t0 = performance.now();
    const g = indexLayers(builtin, [{ builtin: false, files: [parseGlossaryFile(text, 'bench.glossary.yaml')] }]);
    found = g.matcher.findAll(line).length;
    t.layered.push(performance.now() - t0);
    const fresh = compiledBuiltin();
    fresh.files();
    t0 = performance.now();
    const f = buildGlossary([{ builtin: true, files: fresh.files() }, { builtin: false, files: [parseGlossaryFile(text, 'bench.glossary.yaml')] }]);
    f.matcher.findAll(line);
    t.full.push(performance.now() - t0);
  }
  return {
    rounds,
    medianMs: r(median(t.layered)),
    fullMergeMedianMs: r(median(t.full)),
    ratioMedian: r(median(t.layered.map((x, i) => x / t.full[i])), 3),
    matchesInLastRound: found,
    target: 'the new term hovered within 1 s of the save (this is the in-process part)',
  };
}

async function main() {
  if (args.has('--user-glossary')) return void process.stdout.write(JSON.stringify({ userGlossaryReload: benchUserGlossaryReload(15) }, null, 2) + '\n');
  if (args.has('--glossary-load')) return void process.stdout.write(JSON.stringify(benchGlossaryLoad(15), null, 2) + '\n');
  const files = corpusFiles();
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  const chars = texts.reduce((n, t) => n + t.length, 0);
  log(`corpus: ${files.length} files, ${(chars / 1e6).toFixed(2)} M characters`);
  if (args.has('--notes-index')) return void process.stdout.write(JSON.stringify(await benchNotesIndex(files, loadGlossary())) + '\n');
  if (args.has('--han-words')) return void process.stdout.write(JSON.stringify({ hanWords: benchHanWords(texts, loadGlossary()) }, null, 2) + '\n');
  if (args.has('--cli-corpus')) return void process.stdout.write(JSON.stringify({ cliCorpus: benchCliCorpus(quick ? 1 : 3) }, null, 2) + '\n');
  const ctx: ScaleContext = { root: ROOT, files, quick, log, median, indexOnly: args.has('--scale-index-only'), referencesOnly: args.has('--scale-references') };
  if (args.has('--gate')) {
    const gate = await benchGate(ctx);
    process.stdout.write(JSON.stringify(gate, null, json ? 2 : undefined) + '\n');
    if (!gate.pass) process.exitCode = 1;
    return;
  }
  if (scaleNotes > 0 || args.has('--cli-cache')) {
    const out: Record<string, unknown> = {};
    if (args.has('--cli-cache')) out.cliCacheCorpus = benchCliCache(ctx, CORPUS);
    if (scaleNotes > 0) out.scale = await benchScale(ctx, scaleNotes);
    return void process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  }
  const results: Record<string, unknown> = { corpus: { files: files.length, characters: chars }, machine: { cores: (await import('node:os')).availableParallelism(), node: process.version } };

  // 1. Glossary load at activation: read the compiled file and load it (what the extension does), against format 2.
  {
    const g = benchGlossaryLoad(15);
    results.glossaryLoad = g;
    log(`glossary load: median ${g.medianMs} ms (format 2: ${g.format2.medianMs} ms, ratio ${g.readyRatio}); matcher ${g.matcherMs} ms (built: ${g.format2.matcherBuildMs} ms); first hover ${g.firstHoverMedianMs} ms`);
  }
  {
    const u = benchUserGlossaryReload(15);
    results.userGlossaryReload = u;
    log(`user glossary reload: median ${u.medianMs} ms (full merge: ${u.fullMergeMedianMs} ms, ratio ${u.ratioMedian})`);
  }
  const glossary = loadGlossary();
  const matcher = glossary.matcher;

  // 2. Scan minus parse, against the parse, per document over the corpus.
  {
    const ratios: number[] = [];
    for (let rep = 0; rep < (quick ? 1 : 3); rep++) {
      let parse = 0;
      let rest = 0;
      for (const text of texts) {
        const t0 = performance.now();
        const root = parseMarkdown(text);
        const t1 = performance.now();
        const lines = new LineIndex(text);
        const prose = collectProse(root, text, lines);
        resolveSenses({ ranges: prose.ranges, slice: (a, b) => text.slice(a, b) }, matchProse(text, prose.ranges, matcher, lines), prose.headings);
        const t2 = performance.now();
        parse += t1 - t0;
        rest += t2 - t1;
      }
      ratios.push(rest / parse);
      log(`scan minus parse: ${r(rest)} ms vs parse ${r(parse)} ms`);
    }
    results.scanMinusParse = { ratioMedian: r(median(ratios), 3), runs: ratios.map((x) => r(x, 3)), target: '<= 0.10' };
  }

  // 3. One-character edits in a 1 MB note made from the corpus, against a full re-scan of it.
  const big = bigNote(texts);
  {
    const full: number[] = [];
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      const t0 = performance.now();
      scanDocument(big, glossary);
      full.push(performance.now() - t0);
    }
    const inc = new IncrementalScan(big, matcher);
    const edits: number[] = [];
    const reparsed: number[] = [];
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let i = 0; i < (quick ? 30 : 200); i++) {
      const src = inc.source;
      let at = Math.floor(rand() * src.length);
      // A keystroke in prose: put it inside a line of text, not on a fence or table line.
      while (at < src.length && /[`|$\n]/.test(src[at])) at++;
      const t0 = performance.now();
      const before = inc.stats.reparsed;
      inc.edit(at, at, rand() < 0.5 ? 'x' : '字');
      inc.result();
      edits.push(performance.now() - t0);
      reparsed.push(inc.stats.reparsed - before);
    }
    const check = scanDocument(inc.source, glossary);
    const same = JSON.stringify(check.occurrences) === JSON.stringify(inc.result().occurrences);
    results.edit1MB = {
      noteCharacters: big.length,
      fullRescanMedianMs: r(median(full)),
      editMedianMs: r(median(edits)),
      editP95Ms: r(pct(edits, 95)),
      ratioMedian: r(median(edits) / median(full), 4),
      reparsedCharactersMedian: median(reparsed),
      partialEdits: inc.stats.partial,
      fullFallbacks: inc.stats.full - 1,
      equalsFullScan: same,
      target: 'median <= 20 ms, p95 <= 50 ms',
    };
    log(`1 MB note: full re-scan ${r(median(full))} ms; edit median ${r(median(edits))} ms, p95 ${r(pct(edits, 95))} ms; equal to a full scan: ${same}`);

    // 4. Hover lookup in the 1 MB note, warm.
    const occ = inc.result().occurrences;
    const lookups: number[] = [];
    for (let i = 0; i < 20000; i++) {
      const at = Math.floor(rand() * big.length);
      const t0 = performance.now();
      occurrenceAt(occ, at);
      lookups.push(performance.now() - t0);
    }
    results.hoverLookup = { occurrences: occ.length, p50Ms: r(median(lookups), 4), p99Ms: r(pct(lookups, 99), 4), target: 'p99 <= 1 ms' };
    log(`hover lookup: p99 ${r(pct(lookups, 99), 4)} ms over ${occ.length} occurrences`);
  }

  // 5. Workspace index: cold (every note parsed by the worker) vs re-open (hashes unchanged), and the longest task
  //    on the main thread while indexing, as in the extension (one worker thread).
  {
    const script = path.join(ROOT, 'dist', 'scanWorker.js');
    const cold: number[] = [];
    const warm: number[] = [];
    let longest = 0;
    let hashes = new Map<string, string>();
    let index = new WorkspaceIndex();
    for (let rep = 0; rep < (quick ? 1 : 3); rep++) {
      const pool = new ScanPool({ patterns: glossary.patterns, size: 1, script, batch: 2 });
      const h = monitorEventLoopDelay({ resolution: 5 });
      h.enable();
      let t0 = performance.now();
      index = new WorkspaceIndex();
      hashes = new Map();
      await pool.scan(files.map((f) => ({ key: f, path: f })), 8 << 20, (res) => {
        const s = performance.now();
        if (res.scan && res.hash) {
          index.set(res.key, summarize(res.hash, res.scan.occurrences));
          hashes.set(res.key, res.hash);
        }
        longest = Math.max(longest, performance.now() - s);
      });
      cold.push(performance.now() - t0);
      h.disable();
      longest = Math.max(longest, h.max / 1e6 - 5);
      t0 = performance.now();
      await pool.scan(files.map((f) => ({ key: f, path: f, knownHash: hashes.get(f) })), 8 << 20, () => {});
      warm.push(performance.now() - t0);
      await pool.close();
    }
    results.workspaceIndex = {
      coldMedianMs: r(median(cold)),
      reopenMedianMs: r(median(warm)),
      reopenRatio: r(median(warm) / median(cold), 3),
      longestMainThreadTaskMs: r(longest),
      targets: 'reopen <= 0.10 x cold; longest task <= 50 ms',
    };
    log(`index: cold ${r(median(cold))} ms, re-open ${r(median(warm))} ms; longest main-thread task ${r(longest)} ms`);
  }

  // 5b. The notes index as the extension builds it: prose read by one worker thread, matched here; re-open from
  //     the persisted index; a glossary change re-matches the stored prose instead of re-parsing.
  if (!args.has('--skip-notes-index')) results.notesIndex = await benchNotesIndex(files, glossary);

  // 6. Memory of the corpus index, in a fresh process that holds only it.
  {
    const child = spawnSync(process.execPath, ['--expose-gc', __filename, '--memory-child'], { encoding: 'utf8', env: { ...process.env, LLM_GLOSSARY_CORPUS: CORPUS } });
    const m = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { rssMb: number; baseRssMb: number; heapMb: number };
    results.indexMemory = { ...m, target: '<= 200 MB RSS' };
    log(`index memory: ${m.rssMb} MB RSS (process before indexing: ${m.baseRssMb} MB)`);
  }

  // 7. The CLI over the whole corpus against parsing the same files with remark alone, one thread.
  results.cliCorpus = benchCliCorpus(quick ? 1 : 3);

  if (json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else {
    for (const [k, v] of Object.entries(results)) process.stdout.write(`${k}: ${JSON.stringify(v)}\n`);
  }
}

/** A note of about 1 MB made of corpus notes, front matter removed. */
function bigNote(texts: readonly string[]): string {
  let s = '';
  for (const t of texts) {
    if (s.length >= 1_000_000) break;
    s += t.replace(/^(---|\+\+\+)\n[\s\S]*?\n\1\n/, '') + '\n\n';
  }
  return s;
}

/**
 * What the Chinese word-boundary rule costs: the corpus scanned (as the CLI's workers scan it, parse included) and
 * one-character edits in the 1 MB note, each with the rule and without it, interleaved in one process.
 */
function benchHanWords(texts: readonly string[], glossary: ReturnType<typeof loadGlossary>) {
  const variants = { with: glossary, without: { matcher: new Matcher(glossary.patterns, { hanWords: false }) } };
  const corpus: Record<keyof typeof variants, number[]> = { with: [], without: [] };
  // Each round alternates which variant goes first, so neither always profits from a warm cache.
  const order = (i: number) => (i % 2 ? (['with', 'without'] as const) : (['without', 'with'] as const));
  for (let rep = 0; rep < (quick ? 1 : 3); rep++) {
    for (const k of order(rep)) {
      const t0 = performance.now();
      for (const text of texts) scanDocument(text, variants[k]);
      corpus[k].push(performance.now() - t0);
    }
  }
  const big = bigNote(texts);
  const scans = { with: new IncrementalScan(big, variants.with.matcher), without: new IncrementalScan(big, variants.without.matcher) };
  const edits: Record<keyof typeof variants, number[]> = { with: [], without: [] };
  let seed = 12345;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < (quick ? 30 : 200); i++) {
    let at = Math.floor(rand() * big.length);
    while (at < big.length && /[`|$\n]/.test(scans.with.source[at])) at++;
    const ch = rand() < 0.5 ? 'x' : '字';
    for (const k of order(i)) {
      const t0 = performance.now();
      scans[k].edit(at, at, ch);
      scans[k].result();
      edits[k].push(performance.now() - t0);
    }
  }
  const out = {
    corpusScanMs: { without: r(median(corpus.without)), with: r(median(corpus.with)), ratio: r(median(corpus.with) / median(corpus.without), 3) },
    edit1MBMedianMs: { without: r(median(edits.without)), with: r(median(edits.with)), ratio: r(median(edits.with) / median(edits.without), 3) },
    edit1MBP95Ms: { without: r(pct(edits.without, 95)), with: r(pct(edits.with, 95)) },
    loadAverage: r(os.loadavg()[0], 1),
  };
  log(`Han word boundaries: corpus scan ${out.corpusScanMs.without} -> ${out.corpusScanMs.with} ms; 1 MB edit median ${out.edit1MBMedianMs.without} -> ${out.edit1MBMedianMs.with} ms`);
  return out;
}

/** The CLI over the whole corpus (worker threads) against parsing the same files with remark alone, one thread, interleaved. */
function benchCliCorpus(rounds: number) {
  const cli: number[] = [];
  const base: number[] = [];
  const load = [os.loadavg()[0]];
  for (let rep = 0; rep < rounds; rep++) {
    let t0 = performance.now();
    const b = spawnSync(process.execPath, [__filename, '--parse-only-child'], { encoding: 'utf8', env: { ...process.env, LLM_GLOSSARY_CORPUS: CORPUS }, maxBuffer: 1 << 26 });
    base.push(performance.now() - t0);
    if (b.status !== 0) throw new Error(b.stderr);
    t0 = performance.now();
    const c = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'llm-glossary.js'), 'concepts', '--json', CORPUS], { encoding: 'utf8', maxBuffer: 1 << 28 });
    cli.push(performance.now() - t0);
    if (c.status !== 0) throw new Error(c.stderr);
  }
  load.push(os.loadavg()[0]);
  const ratios = cli.map((c, i) => c / base[i]);
  const out = { cliMedianMs: r(median(cli)), remarkOnlyMedianMs: r(median(base)), ratioMedian: r(median(ratios), 3), runs: ratios.map((x) => r(x, 3)), loadAverage: load.map((x) => r(x, 1)), target: '<= 0.7' };
  log(`CLI over the corpus: ${out.cliMedianMs} ms vs remark alone ${out.remarkOnlyMedianMs} ms: ${out.ratioMedian}x (load average ${out.loadAverage.join(' -> ')})`);
  return out;
}

function parseOnlyChild() {
  // The baseline: read and parse every note with the same remark processor and plugins, one thread.
  for (const f of corpusFiles()) parseMarkdown(fs.readFileSync(f, 'utf8'));
}

/** Resident and heap megabytes after two full collections. */
function settledMemory(gc: () => void): { rssMb: number; heapMb: number } {
  gc();
  gc();
  const mu = process.memoryUsage();
  return { rssMb: r(mu.rss / 2 ** 20, 1), heapMb: r(mu.heapUsed / 2 ** 20, 1) };
}

async function memoryChild() {
  // As in the extension: the notes index built by a worker thread and ready (every note matched once), then
  // the same index holding every note's occurrences, as it did after a build until session 12 (only Find All
  // References keeps the occurrences of the notes it matched now).
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const base = process.memoryUsage().rss;
  // The worker stops as soon as it has nothing to read (in the extension, after READER_IDLE_MS).
  const index = extensionNotesIndex(ROOT, corpusFiles(), loadGlossary(), undefined, 0);
  await index.ready();
  index.fileCounts();
  await new Promise((res) => setTimeout(res, 500)); // the idle worker exits
  const built = settledMemory(gc);
  index.snapshot();
  const withOccurrences = settledMemory(gc);
  process.stdout.write(JSON.stringify({ ...built, baseRssMb: r(base / 2 ** 20, 1), files: index.size, everyNoteOccurrences: withOccurrences }) + '\n');
  index.dispose();
}

if (process.argv.includes('--parse-only-child')) parseOnlyChild();
else if (process.argv.includes('--memory-child')) void memoryChild();
else
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
