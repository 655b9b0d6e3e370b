import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../src/cli/main';
import { fixture, FIXTURES, ROOT } from './helpers';

const BIN = path.join(ROOT, 'bin', 'llm-glossary.js');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The CLI run in this process, with the version its cache keys use. */
async function inProcess(args: string[], cwd: string, version: string) {
  let stdout = '';
  let stderr = '';
  const status = await run(args, {
    out: (s) => (stdout += typeof s === 'string' ? s : Buffer.from(s).toString()),
    err: (s) => (stderr += s),
    cwd,
    version,
  });
  return { status, stdout, stderr };
}

/** Runs a command with --cache and without; both must print the same bytes and exit the same. */
function same(args: string[], cwd: string, cacheArgs = ['--cache']) {
  const [command, ...rest] = args;
  const cached = cli([command, ...cacheArgs, ...rest], cwd);
  const plain = cli(args, cwd);
  assert.equal(cached.stdout, plain.stdout);
  assert.equal(cached.stderr, plain.stderr);
  assert.equal(cached.status, plain.status);
  return cached;
}

/**
 * Rewrites the cached JSON answer of the note whose path ends with `note` (and the file's checksum), as a way to
 * see whether a later run prints the cached answer (it shows the edit) or works it out again.
 */
function tamper(file: string, note: string, edit: (answer: string) => string): void {
  const buf = fs.readFileSync(file);
  let at = 0;
  const line = () => {
    const nl = buf.indexOf(10, at);
    const text = buf.toString('utf8', at, nl);
    at = nl + 1;
    return text;
  };
  const header = line();
  const basis = (JSON.parse(header) as { basis?: number }).basis ?? 0;
  const out: Buffer[] = [Buffer.from(header + '\n'), buf.subarray(at, (at += basis))];
  let notes = 0;
  for (;;) {
    const meta = JSON.parse(line()) as { f: string; n: number[]; notes?: number };
    if (meta.notes !== undefined) break;
    const parts = meta.n.map((n) => buf.subarray(at, (at += n)));
    if (meta.f.endsWith(note)) {
      const answer = edit(parts[0].toString());
      assert.notEqual(answer, parts[0].toString(), 'the edit changes the answer');
      parts[0] = Buffer.from(answer);
      meta.n[0] = parts[0].length;
    }
    out.push(Buffer.from(JSON.stringify(meta) + '\n'), ...parts);
    notes++;
  }
  const body = Buffer.concat(out);
  fs.writeFileSync(file, Buffer.concat([body, Buffer.from(JSON.stringify({ notes, sha1: createHash('sha1').update(body).digest('hex') }) + '\n')]));
}

describe('llm-glossary --cache', function () {
  this.timeout(240000); // many spawned runs, on a shared machine
  let tmp: string;
  const glossary = () => path.join(tmp, 'my.glossary.yaml');
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-glossary-cache-'));
    fs.mkdirSync(path.join(tmp, 'notes'));
    fs.writeFileSync(path.join(tmp, 'notes', 'a.md'), fixture('notes', 'traps.md'));
    fs.writeFileSync(path.join(tmp, 'notes', 'b.md'), '# 一\nLoRA 与 CoT\n\n# 二\n思维链与指令微调\n');
    fs.writeFileSync(glossary(), fixture('glossaries', 'terms.glossary.yaml'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const base = () => ['--no-builtin', '--glossary', 'my.glossary.yaml', 'notes'];

  it('answers an unchanged folder from the cache, byte for byte as without it, in both formats', () => {
    for (const format of [['--json'], []]) {
      same(['concepts', ...format, ...base()], tmp); // writes the cache
      assert.ok(fs.existsSync(path.join(tmp, '.llm-glossary-cache', 'concepts.jsonl')));
      const before = fs.statSync(path.join(tmp, '.llm-glossary-cache', 'concepts.jsonl')).mtimeMs;
      const r = same(['concepts', ...format, ...base()], tmp); // reads it
      assert.match(r.stdout, /LoRA/);
      if (format.length) assert.equal(fs.statSync(path.join(tmp, '.llm-glossary-cache', 'concepts.jsonl')).mtimeMs, before, 'an unchanged run does not rewrite the cache');
    }
  });

  it('is never stale: a changed note, glossary entry or option gives what a run without the cache gives', () => {
    same(['concepts', '--json', ...base()], tmp);
    fs.appendFileSync(path.join(tmp, 'notes', 'b.md'), '\n更多的 LoRA 和微调。\n');
    same(['concepts', '--json', ...base()], tmp);
    // A glossary entry changes: a name is added; another entry loses its Chinese name.
    fs.writeFileSync(glossary(), fs.readFileSync(glossary(), 'utf8').replace('aliases: [Low-Rank Adaptation]', 'aliases: [Low-Rank Adaptation, 与]').replace('zh: 指令微调\n', ''));
    const changed = same(['concepts', '--json', ...base()], tmp);
    assert.match(changed.stdout, /"text": "与"/);
    same(['concepts', '--json', '--line', '5', ...base()], tmp);
    same(['concepts', '--json', '--max-file-size', '1000', ...base()], tmp);
    same(['concepts', ...base()], tmp);
    // A glossary that breaks: its problems are reported the same way.
    fs.writeFileSync(glossary(), 'entries:\n  - id: x\n');
    same(['concepts', '--json', ...base()], tmp);
    // A note deleted, a note made unreadable as text.
    fs.rmSync(path.join(tmp, 'notes', 'a.md'));
    fs.writeFileSync(path.join(tmp, 'notes', 'c.md'), Buffer.from([0, 1, 2, 3]));
    same(['concepts', '--json', ...base()], tmp);
  });

  it('is keyed by the tool version: another version ignores the cache with one line and rewrites it', async () => {
    const args = ['concepts', '--json', '--cache', ...base()];
    const plain = await inProcess(['concepts', '--json', ...base()], tmp, '1.0.0');
    const first = await inProcess(args, tmp, '1.0.0');
    assert.equal(first.stdout, plain.stdout);
    assert.equal(first.stderr, '');
    const other = await inProcess(args, tmp, '2.0.0');
    assert.equal(other.stdout, plain.stdout);
    assert.equal(other.stderr.trim().split('\n').length, 1);
    assert.match(other.stderr, /ignoring the cache .*version 1\.0\.0/);
    const again = await inProcess(args, tmp, '2.0.0');
    assert.equal(again.stderr, '');
    assert.equal(again.stdout, plain.stdout);
  });

  it('ignores a corrupt or truncated cache with one line on stderr, then rewrites it', () => {
    const file = path.join(tmp, '.llm-glossary-cache', 'concepts.jsonl');
    const plain = cli(['concepts', '--json', ...base()], tmp);
    cli(['concepts', '--json', '--cache', ...base()], tmp);
    const good = fs.readFileSync(file);
    for (const damaged of [good.subarray(0, good.length - 30), Buffer.concat([good.subarray(0, 400), Buffer.from('garbage'), good.subarray(407)]), Buffer.from('not a cache'), Buffer.alloc(0)]) {
      fs.writeFileSync(file, damaged);
      const r = cli(['concepts', '--json', '--cache', ...base()], tmp);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, plain.stdout);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, /ignoring the cache .*(corrupt|truncated)/);
      const next = cli(['concepts', '--json', '--cache', ...base()], tmp);
      assert.equal(next.stderr, '', 'the cache was rewritten');
      assert.equal(next.stdout, plain.stdout);
    }
  });

  it('--cache-location names a file or a folder; no temporary file is left behind', () => {
    same(['concepts', '--json', ...base()], tmp, ['--cache-location', 'c/my-cache']);
    assert.ok(fs.statSync(path.join(tmp, 'c', 'my-cache')).isFile());
    same(['concepts', '--json', ...base()], tmp, ['--cache-location', 'c/my-cache']);
    same(['concepts', '--json', ...base()], tmp, ['--cache', '--cache-location', 'folder/']);
    assert.ok(fs.existsSync(path.join(tmp, 'folder', 'concepts.jsonl')));
    assert.ok(!fs.existsSync(path.join(tmp, '.llm-glossary-cache')), 'the default location is unused');
    assert.deepEqual(fs.readdirSync(path.join(tmp, 'c')), ['my-cache']);
  });

  it('check --cache gives the same answer, and follows edits of the glossary', () => {
    same(['check', 'my.glossary.yaml'], tmp);
    same(['check', '--json', 'my.glossary.yaml'], tmp);
    fs.appendFileSync(glossary(), '  - id: lora\n    en: LoRA\n');
    const r = same(['check', 'my.glossary.yaml'], tmp);
    assert.equal(r.status, 1);
    assert.ok(fs.existsSync(path.join(tmp, '.llm-glossary-cache', 'check.jsonl')));
  });

  it('after a glossary edit prints the kept answers of notes it cannot change, and works out the others again', () => {
    const file = path.join(tmp, '.llm-glossary-cache', 'concepts.jsonl');
    const args = ['concepts', '--json', ...base()];
    const bench = (zh: string) => `  - id: bench-b\n    en: bench concept\n    zh: ${zh}\n    category: bench\n    definition: {en: A test concept., zh: 测试用的概念。}\n`;
    const original = fs.readFileSync(glossary(), 'utf8');
    fs.writeFileSync(glossary(), original + bench('基准概念'));
    fs.writeFileSync(path.join(tmp, 'notes', 'c.md'), '# 三\n\n基准概念只在这里出现。\n');
    same(args, tmp);
    tamper(file, 'b.md', (a) => a.replace('"en": "LoRA"', '"en": "MARK"'));
    tamper(file, 'c.md', (a) => a.replace('"zh": "基准概念"', '"zh": "MARKED"'));
    // The user entry is edited: its Chinese name changes. c.md used it; b.md did not.
    fs.writeFileSync(glossary(), original + bench('副本概念'));
    const plain = cli(args, tmp);
    const cached = cli(['concepts', '--cache', ...args.slice(1)], tmp);
    assert.match(cached.stdout, /"en": "MARK"/, "b.md's cached answer was kept");
    assert.doesNotMatch(cached.stdout, /MARKED/, 'c.md was matched again');
    assert.equal(cached.stdout.replace('"en": "MARK"', '"en": "LoRA"'), plain.stdout);
    // An edit that reaches b.md (a new alias it uses) and one that removes the user entry: never the marked answer.
    fs.writeFileSync(glossary(), original.replace('aliases: [Low-Rank Adaptation]', 'aliases: [Low-Rank Adaptation, 与]') + bench('副本概念'));
    same(args, tmp);
    fs.writeFileSync(glossary(), original);
    same(args, tmp);
    same(['concepts', ...base()], tmp);
  });

  it('with the built-in glossary and worker threads, after a glossary edit too', () => {
    for (let i = 0; i < 10; i++) fs.writeFileSync(path.join(tmp, 'notes', `n${i}.md`), `# 第${i}章\n\n${fixture('notes', 'llm-s1.md').slice(i * 500, i * 500 + 3000)}\n`);
    const args = ['concepts', '--json', '--jobs', '2', '--glossary', 'my.glossary.yaml', 'notes'];
    same(args, tmp);
    same(args, tmp);
    fs.writeFileSync(glossary(), fs.readFileSync(glossary(), 'utf8').replace('en: LoRA', 'en: LoRA\n    zh: 大模型'));
    same(args, tmp);
  });

  it('writes JSON exactly as JSON.stringify with two spaces would', () => {
    const r = cli(['concepts', '--json', '--no-builtin', '--glossary', path.join(FIXTURES, 'glossaries', 'terms.glossary.yaml'), 'notes', 'missing.md'], tmp);
    assert.equal(r.stdout, JSON.stringify(JSON.parse(r.stdout), null, 2) + '\n');
    const none = cli(['concepts', '--json', 'missing.md'], tmp);
    assert.equal(none.stdout, JSON.stringify(JSON.parse(none.stdout), null, 2) + '\n');
  });
});
