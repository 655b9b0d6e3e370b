import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from './helpers';

const BIN = path.join(ROOT, 'bin', 'llm-glossary.js');
const TERMS = 'test/fixtures/glossaries/terms.glossary.yaml';

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonOccurrence {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
  text: string;
}
interface JsonOut {
  files: {
    file: string;
    concepts: { id: string; en: string; zh: string | null; aliases: string[]; category: string; count: number; occurrences: JsonOccurrence[] }[];
    chapters: { title: string; line: number; endLine: number; concepts: { id: string; count: number }[] }[];
  }[];
  errors: { file: string; line: number; column: number; message: string }[];
  warnings: { file: string; message: string }[];
}

describe('llm-glossary CLI (spawned)', function () {
  this.timeout(20000);
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-glossary-cli-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('concepts --json prints the documented shape with exact source slices', () => {
    const r = cli(['concepts', '--json', '--no-builtin', '--glossary', TERMS, 'test/fixtures/notes/traps.md']);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.deepEqual(out.errors, []);
    assert.equal(out.files.length, 1);
    const f = out.files[0];
    assert.equal(f.file, 'test/fixtures/notes/traps.md');
    const cot = f.concepts.find((c) => c.id === 'chain-of-thought')!;
    assert.deepEqual(
      { en: cot.en, zh: cot.zh, aliases: cot.aliases, category: cot.category, count: cot.count },
      { en: 'chain of thought', zh: '思维链', aliases: ['CoT'], category: 'prompting', count: 2 },
    );
    const source = fs.readFileSync(path.join(ROOT, f.file), 'utf8');
    const lines = source.split('\n');
    for (const c of f.concepts) {
      assert.equal(c.count, c.occurrences.length);
      for (const o of c.occurrences) {
        assert.equal(source.slice(o.offset, o.endOffset), o.text);
        assert.equal(lines[o.line - 1].slice(o.column - 1, o.endColumn - 1), o.text);
      }
    }
    assert.deepEqual(
      f.chapters.map((c) => [c.title, c.line, c.endLine]),
      [['第三章 微调与对齐', 6, 50]],
    );
    assert.equal(f.chapters[0].concepts.find((c) => c.id === 'lora')?.count, 3);
  });

  it('--line keeps only the chapter containing that line', () => {
    fs.writeFileSync(path.join(tmp, 'two.md'), '# 一\nLoRA\n\n# 二\nCoT 与 RLHF\n');
    const r = cli(['concepts', '--json', '--line', '5', '--no-builtin', '--glossary', path.join(ROOT, TERMS), 'two.md'], tmp);
    assert.equal(r.status, 0, r.stderr);
    const f = (JSON.parse(r.stdout) as JsonOut).files[0];
    assert.deepEqual(f.chapters.map((c) => c.title), ['二']);
    assert.deepEqual(f.concepts.map((c) => c.id), ['chain-of-thought', 'rlhf']);
  });

  it('reads folders recursively, skipping node_modules and dot folders', () => {
    const dir = path.join(tmp, 'notes');
    for (const d of ['a/b', 'node_modules/x', '.hidden']) fs.mkdirSync(path.join(dir, d), { recursive: true });
    for (const f of ['top.md', 'a/b/deep.markdown', 'node_modules/x/no.md', '.hidden/no.md', 'a/not-markdown.txt']) {
      fs.writeFileSync(path.join(dir, f), 'LoRA\n');
    }
    const r = cli(['concepts', '--json', '--no-builtin', '--glossary', path.join(ROOT, TERMS), 'notes'], tmp);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as JsonOut).files.map((f) => f.file), ['notes/a/b/deep.markdown', 'notes/top.md']);
  });

  it('prints a human table per file and chapter', () => {
    const r = cli(['concepts', '--no-builtin', '--glossary', TERMS, 'test/fixtures/notes/traps.md']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^test\/fixtures\/notes\/traps\.md: \d+ concepts, \d+ uses/);
    assert.match(r.stdout, /第三章 微调与对齐 {2}\[lines 6-50\]/);
    assert.match(r.stdout, /Concept +Count +First line/);
    assert.match(r.stdout, /chain of thought \(CoT\) \/ 思维链 +2 +13\n/);
  });

  it('exit 1 for a missing file, still processing the rest', () => {
    const r = cli(['concepts', '--json', '--no-builtin', '--glossary', TERMS, 'no/such.md', 'test/fixtures/notes/traps.md']);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.equal(out.files.length, 1);
    assert.deepEqual(out.errors.map((e) => [e.file, e.message]), [['no/such.md', 'no such file or folder']]);
  });

  it('skips binary and oversized notes with a warning, not a crash', () => {
    fs.writeFileSync(path.join(tmp, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]));
    fs.writeFileSync(path.join(tmp, 'big.md'), 'LoRA '.repeat(100));
    const r = cli(['concepts', '--json', '--max-file-size', '100', '--no-builtin', '--glossary', path.join(ROOT, TERMS), 'binary.md', 'big.md'], tmp);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.deepEqual(out.files, []);
    assert.deepEqual(out.warnings.map((w) => w.file), ['binary.md', 'big.md']);
    assert.match(out.warnings[0].message, /binary/);
    assert.match(out.warnings[1].message, /over the limit/);
  });

  it('exit 1 and precise errors for a bad glossary; good entries keep working', () => {
    fs.writeFileSync(path.join(tmp, 'n.md'), 'good one 与 好词二\n');
    const r = cli(['concepts', '--json', '--no-builtin', '--glossary', path.join(ROOT, 'test/fixtures/glossaries/broken.glossary.yaml'), 'n.md'], tmp);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout) as JsonOut;
    assert.ok(out.errors.some((e) => e.line === 22 && e.column === 9 && /duplicate id "good-one"/.test(e.message)), JSON.stringify(out.errors));
    assert.deepEqual(out.files[0].concepts.map((c) => c.id), ['good-one', 'good-two']);
  });

  it('check prints file:line:column problems and exits 1; 0 for a good file', () => {
    const bad = cli(['check', 'test/fixtures/glossaries/broken.glossary.yaml']);
    assert.equal(bad.status, 1);
    const lines = bad.stdout.trim().split('\n');
    assert.equal(lines.length, 7);
    for (const l of lines) assert.match(l, /^test\/fixtures\/glossaries\/broken\.glossary\.yaml:\d+:\d+: /);
    const good = cli(['check', TERMS]);
    assert.equal(good.status, 0, good.stdout + good.stderr);
    assert.equal(good.stdout, '');
    assert.match(good.stderr, /1 file, 27 entries: 0 errors, 0 warnings/);
  });

  it('exit 2 for usage errors', () => {
    for (const args of [[], ['concepts'], ['concepts', '--line', 'x', 'a.md'], ['concepts', '--bogus', 'a.md'], ['frobnicate'], ['check']]) {
      const r = cli(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, /Usage:/);
    }
    const help = cli(['--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /llm-glossary concepts/);
  });
});
