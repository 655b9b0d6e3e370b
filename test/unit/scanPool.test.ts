import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { createGlossaryService, type ServiceWorkspace } from '../../src/core/service';
import { poolReader } from '../../src/node/poolReader';
import { ScanPool, ScanPoolClosedError, type PoolFile } from '../../src/node/scanPool';
import type { FileScan } from '../../src/node/scanProtocol';
import { fixture, ROOT, termsGlossary } from './helpers';

const SCRIPT = path.join(ROOT, 'dist', 'scanWorker.js');

/** Real worker threads (dist/scanWorker.js, built by `npm run test:unit`) over real files. */
describe('ScanPool (real worker threads)', function () {
  this.timeout(60_000);
  let tmp: string;
  const patterns = termsGlossary().patterns;
  const note = fixture('notes', 'llm-s1.md');

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-glossary-pool-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function files(prefix: string, n: number): PoolFile[] {
    return Array.from({ length: n }, (_, i) => {
      const file = path.join(tmp, `${prefix}-${i}.md`);
      fs.writeFileSync(file, `# ${prefix} ${i}\n\nLoRA 与思维链。\n\n${note}`);
      return { key: `${prefix}:${i}`, path: file };
    });
  }

  /**
   * The real worker script (tmp/`name`) with `before`, JavaScript run on each request (`req`, with `fs` at hand)
   * before the real worker takes it.
   */
  function wrappedScript(name: string, before: string): string {
    const file = path.join(tmp, name);
    fs.writeFileSync(
      file,
      `const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const on = parentPort.on.bind(parentPort);
let real;
parentPort.on = (event, listener) => (event === 'message' ? (real = listener) : on(event, listener), parentPort);
on('message', (req) => {
${before}
  real(req);
});
require(${JSON.stringify(SCRIPT)});
`,
    );
    return file;
  }

  /**
   * The real worker script behind a fault injector: a request holding a file whose name has CRASH kills the worker
   * (EXIT: `process.exit`, else an uncaught exception) the first time, or every time with ALWAYS in the name.
   */
  function crashingScript(): string {
    return wrappedScript(
      'crashing-worker.js',
      `  for (const f of req.files) {
    if (!f.path.includes('CRASH')) continue;
    // The notes index sends file: URIs, the CLI paths.
    const flag = (f.path.startsWith('file:') ? require('node:url').fileURLToPath(f.path) : f.path) + '.crashed';
    if (fs.existsSync(flag) && !f.path.includes('ALWAYS')) continue;
    fs.writeFileSync(flag, '');
    if (f.path.includes('EXIT')) process.exit(7);
    throw new Error('injected crash');
  }`,
    );
  }

  function rename(f: PoolFile, tag: string): PoolFile {
    const to = f.path.replace(/\.md$/, `-${tag}.md`);
    fs.renameSync(f.path, to);
    return { key: f.key, path: to };
  }

  function collect(into: FileScan[]) {
    return (r: FileScan) => into.push(r);
  }

  it('two scans in flight on one pool each get exactly their own results', async () => {
    const pool = new ScanPool({ patterns, size: 1, script: SCRIPT, batch: 2 });
    try {
      const big = files('big', 40);
      const small = files('small', 4);
      const a: FileScan[] = [];
      const b: FileScan[] = [];
      const first = pool.scan(big, 1e7, collect(a));
      await new Promise((r) => setTimeout(r, 5));
      const second = pool.scan(small, 1e7, collect(b));
      await Promise.all([first, second]);
      assert.deepEqual(a.map((r) => r.key).sort(), big.map((f) => f.key).sort());
      assert.deepEqual(b.map((r) => r.key).sort(), small.map((f) => f.key).sort());
      for (const r of [...a, ...b]) assert.ok(r.scan && r.scan.occurrences.length > 2, `${r.key} scanned`);
    } finally {
      await pool.close();
    }
  });

  it('many concurrent scans on two workers never exchange results', async () => {
    const pool = new ScanPool({ patterns, size: 2, script: SCRIPT, batch: 3 });
    try {
      const sets = Array.from({ length: 5 }, (_, i) => files(`set${i}`, 3 + i * 4));
      const got = sets.map(() => [] as FileScan[]);
      await Promise.all(sets.map((s, i) => new Promise((r) => setTimeout(r, i * 2)).then(() => pool.scan(s, 1e7, collect(got[i])))));
      sets.forEach((s, i) => assert.deepEqual(got[i].map((r) => r.key).sort(), s.map((f) => f.key).sort()));
    } finally {
      await pool.close();
    }
  });

  it('a cancelled scan stops early and resolves; another scan still completes', async () => {
    const pool = new ScanPool({ patterns, size: 1, script: SCRIPT, batch: 2 });
    try {
      const a: FileScan[] = [];
      const b: FileScan[] = [];
      const big = files('cancel', 30);
      const other = files('other', 6);
      const first = pool.scan(big, 1e7, collect(a), () => a.length >= 4);
      const second = pool.scan(other, 1e7, collect(b));
      await Promise.all([first, second]);
      assert.ok(a.length < big.length, `${a.length} results after cancelling`);
      assert.equal(b.length, other.length);
    } finally {
      await pool.close();
    }
  });

  it('closing the pool rejects every scan in flight and refuses new ones', async () => {
    const pool = new ScanPool({ patterns, size: 1, script: SCRIPT, batch: 2 });
    const a: FileScan[] = [];
    const first = pool.scan(files('closeA', 40), 1e7, collect(a));
    const second = pool.scan(files('closeB', 4), 1e7, () => {});
    const rejected = [assert.rejects(first, ScanPoolClosedError), assert.rejects(second, ScanPoolClosedError)];
    await new Promise((r) => setTimeout(r, 20));
    await pool.close();
    await Promise.all(rejected);
    await assert.rejects(pool.scan(files('closeC', 1), 1e7, () => {}), ScanPoolClosedError);
    assert.ok(a.length < 40);
  });

  it('an empty scan resolves at once', async () => {
    const pool = new ScanPool({ patterns, size: 1, script: SCRIPT });
    try {
      await pool.scan([], 1e7, () => assert.fail('no results'));
    } finally {
      await pool.close();
    }
  });

  it('sends notes with a known hash in wide batches (a read and a hash each), the others two by two', async () => {
    const log = path.join(tmp, 'batches.log');
    const script = wrappedScript('counting-worker.js', `  fs.appendFileSync(${JSON.stringify(log)}, req.files.length + '\\n');`);
    const batches = () => fs.readFileSync(log, 'utf8').trim().split('\n').map(Number);
    const pool = new ScanPool({ mode: 'prose', size: 1, batch: 2, checkBatch: 16, script });
    try {
      const fs40 = files('batch', 40);
      const first: FileScan[] = [];
      await pool.scan(fs40, 1e7, collect(first));
      assert.deepEqual(batches(), Array(20).fill(2));
      fs.rmSync(log);
      const hashes = new Map(first.map((r) => [r.key, r.hash]));
      const again: FileScan[] = [];
      await pool.scan(fs40.map((f, i) => (i === 20 ? f : { ...f, knownHash: hashes.get(f.key) })), 1e7, collect(again));
      assert.deepEqual(batches(), [16, 4, 16, 4], 'a batch takes a note without a hash only among its first two');
      assert.equal(again.length, 40);
      assert.equal(again.filter((r) => r.unchanged).length, 39);
    } finally {
      await pool.close();
    }
  });

  it('reports unreadable and unchanged files per file', async () => {
    const pool = new ScanPool({ patterns, size: 1, script: SCRIPT });
    try {
      const [f] = files('hash', 1);
      const first: FileScan[] = [];
      await pool.scan([f, { key: 'missing', path: path.join(tmp, 'nope.md') }], 1e7, collect(first));
      const ok = first.find((r) => r.key === f.key)!;
      assert.ok(ok.hash && ok.scan);
      assert.ok(first.find((r) => r.key === 'missing')?.error);
      const again: FileScan[] = [];
      await pool.scan([{ ...f, knownHash: ok.hash }], 1e7, collect(again));
      assert.equal(again[0].unchanged, true);
    } finally {
      await pool.close();
    }
  });

  it('skips a note that is a named pipe or grows past the limit after its size was read', async function () {
    this.timeout(15_000);
    const fifo = path.join(tmp, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    // /proc files say they are empty and then give more: a file that grew between stat and read.
    const growing = path.join(tmp, 'growing.md');
    fs.symlinkSync('/proc/self/status', growing);
    const pool = new ScanPool({ patterns, size: 1, script: SCRIPT });
    const got: FileScan[] = [];
    const scan = pool.scan([{ key: 'pipe', path: fifo }, { key: 'growing', path: growing }], 200, collect(got));
    const timer = setTimeout(() => fs.closeSync(fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK)), 5000); // unblock a waiting reader
    try {
      await scan;
      assert.match(got.find((r) => r.key === 'pipe')?.skip ?? 'read', /not a regular file/);
      assert.match(got.find((r) => r.key === 'growing')?.skip ?? 'read', /over the limit/);
    } finally {
      clearTimeout(timer);
      await pool.close();
    }
  });

  it('the notes reader stops its worker when it has nothing to read, and starts one for the next read', async () => {
    const starts = path.join(tmp, 'starts.log');
    const script = path.join(tmp, 'counting-worker.js');
    fs.writeFileSync(script, `require('node:fs').appendFileSync(${JSON.stringify(starts)}, 'start\\n');\nrequire(${JSON.stringify(SCRIPT)});\n`);
    const workspace = { readFile: async (uri: string) => fs.readFileSync(new URL(uri)) };
    const requests = files('idle', 3).map((f) => ({ uri: pathToFileURL(f.path).toString() }));
    const read = async (reader: ReturnType<typeof poolReader>) => {
      const got: string[] = [];
      await reader.read(requests, 1e6, (r) => got.push('prose' in r ? r.uri : `not read: ${r.uri}`), () => false);
      return got.sort();
    };
    const startsNow = () => (fs.existsSync(starts) ? fs.readFileSync(starts, 'utf8').split('\n').filter(Boolean).length : 0);
    const idle = poolReader(workspace, script, 0);
    const want = requests.map((r) => r.uri).sort();
    assert.deepEqual(await read(idle), want);
    await new Promise((res) => setTimeout(res, 300));
    assert.deepEqual(await read(idle), want, 'a read after the worker stopped starts another');
    assert.equal(startsNow(), 2, 'the idle worker was stopped and a new one started');
    idle.dispose?.();
    const busy = poolReader(workspace, script, 60_000);
    await read(busy);
    await read(busy);
    assert.equal(startsNow(), 3, 'within the idle time the worker is kept');
    busy.dispose?.();
  });

  describe('workers that crash or are killed mid-scan', () => {
    it('a worker that exits or throws mid-scan is replaced: every file comes back exactly once', async () => {
      const pool = new ScanPool({ patterns, size: 1, script: crashingScript(), batch: 2 });
      try {
        const list = files('crash', 20);
        list[5] = rename(list[5], 'CRASH-EXIT');
        list[12] = rename(list[12], 'CRASH-THROW');
        const got: FileScan[] = [];
        await pool.scan(list, 1e7, collect(got));
        assert.deepEqual(got.map((r) => r.key).sort(), list.map((f) => f.key).sort(), 'each file once');
        for (const r of got) assert.ok(r.scan && r.scan.occurrences.length > 2, `${r.key} scanned`);
        assert.equal(pool.size, 1, 'the pool is back to its size');
        const again: FileScan[] = [];
        await pool.scan(files('after', 3), 1e7, collect(again));
        assert.equal(again.length, 3, 'the pool still scans');
      } finally {
        await pool.close();
      }
    });

    it('a file that kills every worker it meets is reported as an error; the other files complete', async () => {
      const pool = new ScanPool({ patterns, size: 2, script: crashingScript(), batch: 3 });
      try {
        const list = files('poison', 12);
        list[4] = rename(list[4], 'CRASH-ALWAYS');
        const got: FileScan[] = [];
        await pool.scan(list, 1e7, collect(got));
        assert.deepEqual(got.map((r) => r.key).sort(), list.map((f) => f.key).sort(), 'each file once');
        const poison = got.find((r) => r.key === list[4].key)!;
        assert.match(poison.error ?? 'scanned', /scan worker stopped/);
        assert.equal(got.filter((r) => r.scan).length, 11);
      } finally {
        await pool.close();
      }
    });

    it('the notes index completes, no note missing or doubled, when its worker exits mid-build', async () => {
      const list = files('index', 16);
      list[7] = rename(list[7], 'CRASH-EXIT');
      const uris = list.map((f) => pathToFileURL(f.path).toString());
      const workspace: ServiceWorkspace = {
        findNotes: async () => uris,
        findGlossaries: async () => [],
        readFile: async (uri) => fs.readFileSync(new URL(uri)),
        openDocument: () => undefined,
        openNotes: () => [],
      };
      const builtin = async () => [parseGlossaryFile(fixture('glossaries', 'terms.glossary.yaml'), 'glossary/terms.yaml')];
      const service = createGlossaryService({ workspace, reader: poolReader(workspace, crashingScript()), builtin });
      try {
        await service.ready();
        await service.indexed();
        assert.equal(service.indexStats.files, 16);
        assert.equal(service.indexStats.parsed, 16, 'every note parsed once');
        const { current, fresh } = await service.indexSnapshots();
        assert.deepEqual(Object.keys(current).sort(), [...uris].sort());
        assert.deepEqual(current, fresh);
      } finally {
        service.dispose();
      }
    });
  });
});
