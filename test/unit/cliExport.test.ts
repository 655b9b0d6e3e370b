import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ROOT } from './helpers';

const BIN = path.join(ROOT, 'bin', 'llm-glossary.js');
const NOTE = 'test/fixtures/notes/llm-s1.md';
const TERMS = ['--no-builtin', '--glossary', path.join(ROOT, 'test/fixtures/glossaries/terms.glossary.yaml')];

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The concept ids `concepts --json` reports for the note, in order of first use. */
function conceptIds(file: string): string[] {
  const r = cli(['concepts', '--json', file]);
  assert.equal(r.status, 0, r.stderr);
  return (JSON.parse(r.stdout) as { files: { concepts: { id: string }[] }[] }).files[0].concepts.map((c) => c.id);
}

describe('llm-glossary export (spawned)', function () {
  this.timeout(90000);
  let tmp: string;
  let ids: string[];
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-glossary-export-'));
    ids = conceptIds(NOTE);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('csv round-trips through a real CSV parser: one record per concept, seven fields each', () => {
    const r = cli(['export', '--format', 'csv', NOTE]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith('\uFEFFid,English,Chinese,Abbreviation,Definition,Used in,Chapters\r\n'));
    const rows = parse(r.stdout, { bom: true }) as string[][];
    assert.ok(rows.every((row) => row.length === 7));
    assert.deepEqual(rows.slice(1).map((row) => row[0]), ids);
    const llm = rows.find((row) => row[0] === 'large-language-model')!;
    assert.equal(llm[3], 'LLM');
    assert.match(llm[5], /^test\/fixtures\/notes\/llm-s1\.md › 第一章 大模型简介 › 14, 20, /);
    assert.ok(llm[4].includes('\n\n'), 'both definitions, one paragraph each');
  });

  it('anki has the file headers, then one line of four tab-separated fields per concept', () => {
    const r = cli(['export', '--format', 'anki', '--lang', 'zh', NOTE]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.split('\n');
    assert.equal(lines.pop(), '');
    assert.deepEqual(lines.slice(0, 5), ['#separator:tab', '#html:true', '#notetype:Basic', '#tags column:3', '#guid column:4']);
    const notes = lines.slice(5);
    assert.equal(notes.length, ids.length);
    for (const l of notes) {
      const fields = l.split('\t');
      assert.equal(fields.length, 4, l);
      assert.ok(!/[\r"]/.test(l), l);
      assert.equal(fields[2], 'test::fixtures::notes::llm-s1::第一章_大模型简介');
    }
    assert.deepEqual(notes.map((l) => l.split('\t')[3]), ids.map((id) => `llm-glossary:${id}`));
  });

  it('--out replaces the file atomically, leaves nothing else, and gives the same bytes every time', () => {
    const out = path.join(tmp, 'glossary.md');
    fs.writeFileSync(out, 'old content');
    const r = cli(['export', '--format', 'md', '--group', 'alpha', '--out', out, NOTE]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`glossary\\.md: ${ids.length} concept\\(s\\) from 1 chapter\\(s\\) of 1 note\\(s\\), \\d+ bytes`));
    const first = fs.readFileSync(out, 'utf8');
    assert.deepEqual(fs.readdirSync(tmp), ['glossary.md']);
    const rel = path.relative(tmp, path.join(ROOT, NOTE)).split(path.sep).join('/');
    assert.ok(first.includes(`](${rel}#L14)`), 'line links are relative to the exported file');
    const letters = first.split('\n').filter((l) => /^## /.test(l)).map((l) => l.slice(3));
    assert.deepEqual(letters, [...letters].sort((a, b) => (a === '\\#' ? -1 : b === '\\#' ? 1 : a < b ? -1 : 1)));
    assert.equal(cli(['export', '--format', 'md', '--group', 'alpha', '--out', out, NOTE]).status, 0);
    assert.equal(fs.readFileSync(out, 'utf8'), first);
  });

  it('--chapter and --line choose a chapter; a chapter the note lacks is a warning', () => {
    const note = path.join(tmp, 'two.md');
    fs.writeFileSync(note, '# One\n\nLoRA here.\n\n# Two\n\nRLHF and LoRA there.\n');
    const ids2 = (args: string[]) => (parse(cli(['export', '--format', 'csv', ...TERMS, ...args, note]).stdout, { bom: true }) as string[][]).slice(1).map((r) => r[0]);
    assert.deepEqual(ids2(['--chapter', '2']), ids2(['--line', '7']));
    assert.ok(ids2(['--chapter', '2']).includes('rlhf'));
    assert.ok(!ids2(['--chapter', '1']).includes('rlhf'));
    const r = cli(['export', '--format', 'csv', ...TERMS, '--chapter', '3', note]);
    assert.equal(r.status, 0);
    assert.match(r.stderr, /two\.md:1:1: warning: --chapter 3: the note has 2 chapter\(s\)/);
  });

  it('usage errors exit 2 with a clear message, and an --out that is a note is refused', () => {
    const cases: [string[], RegExp][] = [
      [['export', NOTE], /export: expected --format anki, csv or md/],
      [['export', '--format', 'pdf', NOTE], /--format expects one of anki, csv, md, got "pdf"/],
      [['export', '--format', 'csv'], /export: expected at least one PATH/],
      [['export', '--format', 'csv', '--chapter', '1', '--line', '3', NOTE], /give --chapter or --line, not both/],
      [['export', '--format', 'csv', '--group', 'alpha', NOTE], /--group applies to --format md only/],
      [['export', '--format', 'md', '--lang', 'fr', NOTE], /--lang expects one of both, zh, en, got "fr"/],
      [['export', '--format', 'md', '--chapter', '0', NOTE], /--chapter expects a positive whole number/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message);
    }
    const note = path.join(tmp, 'keep.md');
    fs.writeFileSync(note, '# Keep\n\nLoRA.\n');
    const r = cli(['export', '--format', 'md', '--out', note, note]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /is one of the notes being exported/);
    assert.equal(fs.readFileSync(note, 'utf8'), '# Keep\n\nLoRA.\n');
    // Inside a folder, an earlier export at the --out path is not read as a note.
    const folder = path.join(tmp, 'folder');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'a.md'), '# A\n\nLoRA.\n');
    fs.writeFileSync(path.join(folder, 'glossary.md'), '# Old export\n\nRLHF and DPO.\n');
    const again = cli(['export', '--format', 'csv', ...TERMS, '--out', path.join(folder, 'glossary.md'), folder]);
    assert.equal(again.status, 0, again.stderr);
    const rows = parse(fs.readFileSync(path.join(folder, 'glossary.md'), 'utf8'), { bom: true }) as string[][];
    assert.deepEqual(rows.slice(1).map((x) => x[0]), ['lora']);
  });
});
