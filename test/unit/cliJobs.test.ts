import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fixture, ROOT } from './helpers';

const BIN = path.join(ROOT, 'bin', 'llm-glossary.js');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function assertSame(a: ReturnType<typeof cli>, b: ReturnType<typeof cli>, what: string) {
  assert.equal(a.status, b.status, what);
  assert.equal(a.stderr, b.stderr, what);
  assert.ok(a.stdout === b.stdout, `${what}: the outputs differ`);
}

/** Real notes: every 40th note of the shared corpus when it is there, and the fixture chapters, in a folder. */
function writeNotes(dir: string): number {
  const corpus = fs.existsSync(CORPUS) ? (fs.readdirSync(CORPUS, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort() : [];
  const picked = corpus.filter((_, i) => i % 40 === 0);
  picked.forEach((f, i) => fs.writeFileSync(path.join(dir, `c${i}-${path.basename(f)}`), fs.readFileSync(path.join(CORPUS, f))));
  const chapter = fixture('notes', 'llm-s1.md');
  for (let i = 0; i < 6; i++) fs.writeFileSync(path.join(dir, `s${i}.md`), chapter.slice(i * 600, i * 600 + 2500));
  fs.writeFileSync(path.join(dir, 'traps.md'), fixture('notes', 'traps.md'));
  fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0, 1, 2, 3]));
  return picked.length + 8;
}

/**
 * Replaces the outline of the first cached note that has one by bytes of the same length that are not JSON, and
 * seals the file again (its checksum line), so the cache is read as sound and only that outline is bad.
 */
function spoilFirstOutline(file: string): void {
  const buf = fs.readFileSync(file);
  let at = buf.indexOf(10) + 1; // past the header
  at += (JSON.parse(buf.toString('utf8', 0, at)) as { basis?: number }).basis ?? 0; // and the glossary basis after it
  let spoilt = false;
  for (;;) {
    const nl = buf.indexOf(10, at);
    const meta = JSON.parse(buf.toString('utf8', at, nl)) as { n?: number[]; notes?: number };
    if (meta.notes !== undefined) break; // the checksum line
    const n = meta.n!;
    const outline = nl + 1 + n.slice(0, -1).reduce((x, y) => x + y, 0);
    const length = n[n.length - 1];
    if (length > 0 && !spoilt) buf.fill(0x7e, outline, outline + length); // "~~~~"
    spoilt ||= length > 0;
    at = outline + length;
  }
  assert.ok(spoilt, 'a cached note with an outline');
  const seal = JSON.parse(buf.toString('utf8', at, buf.length - 1)) as { notes: number; sha1: string };
  seal.sha1 = createHash('sha1').update(buf.subarray(0, at)).digest('hex');
  fs.writeFileSync(file, Buffer.concat([buf.subarray(0, at), Buffer.from(JSON.stringify(seal) + '\n')]));
}

describe('llm-glossary concepts: worker threads print what one thread prints', function () {
  this.timeout(600000); // spawned runs over real notes, on a shared machine
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-glossary-jobs-'));
    fs.mkdirSync(path.join(tmp, 'notes'));
    assert.ok(writeNotes(path.join(tmp, 'notes')) >= 8, 'enough notes for worker threads');
    fs.writeFileSync(path.join(tmp, 'my.glossary.yaml'), fixture('glossaries', 'terms.glossary.yaml'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('--jobs 1 and --jobs 2 give the same bytes on real notes: JSON, the table, --line, a user glossary', () => {
    for (const args of [['--json'], [], ['--json', '--line', '3'], ['--json', '--glossary', 'my.glossary.yaml']]) {
      const one = cli(['concepts', '--jobs', '1', ...args, 'notes'], tmp);
      const two = cli(['concepts', '--jobs', '2', ...args, 'notes'], tmp);
      assertSame(two, one, args.join(' ') || 'table');
      assert.match(one.stdout, /Transformer/);
    }
  });

  it('--cache with worker threads, after a glossary edit (re-matched by the workers) and with a spoilt outline', () => {
    const glossary = path.join(tmp, 'my.glossary.yaml');
    const args = (jobs: string, ...more: string[]) => ['concepts', '--json', '--jobs', jobs, ...more, '--glossary', 'my.glossary.yaml', 'notes'];
    const cache = ['--cache-location', 'c.jsonl'];
    assertSame(cli(args('2', ...cache), tmp), cli(args('1'), tmp), 'cache written');
    fs.writeFileSync(glossary, fs.readFileSync(glossary, 'utf8').replace('en: LoRA', 'en: LoRA\n    zh: 大模型'));
    const plain = cli(args('1'), tmp);
    assert.match(plain.stdout, /"text": "大模型"/);
    assertSame(cli(args('2', ...cache), tmp), plain, 'after a glossary edit');
    const edits = [
      ['zh: 大模型', 'zh: 低秩'],
      ['zh: 低秩', 'zh: 低秩适配'],
    ];
    for (const [i, table] of [false, true].entries()) {
      // The glossary changed again: outlines are matched again (those the edit can reach, and the spoilt one, which
      // cannot be checked either, so that note is scanned).
      spoilFirstOutline(path.join(tmp, 'c.jsonl'));
      fs.writeFileSync(glossary, fs.readFileSync(glossary, 'utf8').replace(edits[i][0], edits[i][1]));
      const format = (a: string[]) => (table ? a.filter((x) => x !== '--json') : a);
      assertSame(cli(format(args('2', ...cache)), tmp), cli(format(args('1')), tmp), `a spoilt outline (${table ? 'table' : 'JSON'})`);
    }
    assertSame(cli(args('2', ...cache), tmp), cli(args('1'), tmp), 'the cache after a spoilt outline');
  });

  it('the worker threads render with the glossary entries as merged (a user entry over a built-in one)', () => {
    const override = path.join(tmp, 'over.glossary.yaml');
    fs.writeFileSync(override, 'entries:\n  - id: transformer\n    en: Transformer\n    zh: 变形金刚\n    category: custom\n    definition: {en: Made up for a test.}\n');
    const one = cli(['concepts', '--json', '--jobs', '1', '--glossary', override, 'notes'], tmp);
    const two = cli(['concepts', '--json', '--jobs', '2', '--glossary', override, 'notes'], tmp);
    assertSame(two, one, 'override');
    assert.match(two.stdout, /"zh": "变形金刚"/);
  });
});
