import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LineIndex } from '../../src/core/text';
import { collectProse } from '../../src/core/scanner';
import { parseMarkdown } from '../../src/core/markdown';
import { ROOT } from './helpers';

const BIN = path.join(ROOT, 'bin', 'llm-glossary.js');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface LintJson {
  findings: { file: string; line: number; column: number; endLine: number; endColumn: number; rule: string; severity: string; entry: string; text: string; preferred: string | null }[];
  changes: { file: string; line: number; column: number; from: string; to: string }[];
  errors: string[];
}

/** The text between prose ranges (code, HTML, markup), in order: what `--fix` must never change. */
function nonProse(text: string): string[] {
  const { ranges } = collectProse(parseMarkdown(text), text, new LineIndex(text));
  const out: string[] = [];
  let at = 0;
  for (let i = 0; i < ranges.length; i += 2) {
    out.push(text.slice(at, ranges[i]));
    at = ranges[i + 1];
  }
  out.push(text.slice(at));
  return out;
}

describe('llm-glossary lint (spawned)', function () {
  this.timeout(600_000);
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-glossary-lint-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints file:line:column: rule: message and exits 1 on findings, 0 when clean', () => {
    fs.writeFileSync(path.join(dir, 'a.md'), '# 微调\n\n我们先精调模型，再微调。\n\n```\n精调\n```\n');
    fs.writeFileSync(path.join(dir, 'clean.md'), '# 微调\n\n我们先微调模型。\n');
    const r = cli(['lint', 'a.md', 'clean.md'], dir);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(
      r.stdout,
      'a.md:1:3: mixed-renderings: "fine-tuning" is written 2 ways here: 微调 ×2, 精调 ×1; the glossary prefers 微调\n' +
        'a.md:3:4: avoided-variant: "精调" is a form of "fine-tuning" to avoid; use 微调\n',
    );
    assert.equal(cli(['lint', 'clean.md'], dir).status, 0);
  });

  it('--json gives findings with exact ranges; --rules picks rules', () => {
    fs.writeFileSync(path.join(dir, 'a.md'), '我们先看 CoT，再精调模型。\n');
    const j = JSON.parse(cli(['lint', '--json', '--rules', 'first-use-expansion,avoided-variant', 'a.md'], dir).stdout) as LintJson;
    assert.deepEqual(
      j.findings.map((f) => [f.rule, f.line, f.column, f.endColumn, f.text, f.preferred]),
      [
        ['first-use-expansion', 1, 6, 9, 'CoT', '思维链（chain of thought, CoT）'],
        ['avoided-variant', 1, 11, 13, '精调', '微调'],
      ],
    );
    const only = JSON.parse(cli(['lint', '--json', '--rules', 'mixed-renderings', 'a.md'], dir).stdout) as LintJson;
    assert.deepEqual(only.findings, []);
  });

  it('exit 2 on usage errors: no PATH, unknown rule, bad config file', () => {
    assert.equal(cli(['lint'], dir).status, 2);
    const r = cli(['lint', '--rules', 'spelling', 'x.md'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--rules: unknown rule "spelling"/);
    fs.writeFileSync(path.join(dir, '.llm-glossary.json'), '{"rules": ["mixed-renderings"], "colour": 1}');
    const c = cli(['lint', 'x.md'], dir);
    assert.equal(c.status, 2);
    assert.match(c.stderr, /\.llm-glossary\.json: unknown field "colour"/);
    assert.equal(cli(['lint', '--config', 'missing.json', 'x.md'], dir).status, 2);
  });

  it('the config file in the working folder selects rules and style', () => {
    fs.writeFileSync(path.join(dir, 'a.md'), '低秩适配很常用。后面我们用 low-rank adaptation 训练。\n');
    assert.equal(cli(['lint', 'a.md'], dir).status, 0);
    fs.writeFileSync(path.join(dir, '.llm-glossary.json'), '{"rules": ["mixed-renderings"], "style": "zh-first"}');
    const r = cli(['lint', 'a.md'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^a\.md:1:1: mixed-renderings: "LoRA" is written 2 ways/);
  });

  it('--fix on a copy of 50 corpus notes changes only prose, prints each change, and a re-lint is clean', function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    const all: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.md')) all.push(p);
      }
    };
    walk(CORPUS);
    const marked = all.filter((f) => /精调|令牌|低秩自适应|专家混合|词汇表|[Ff]inetuning/.test(fs.readFileSync(f, 'utf8'))).slice(0, 30);
    const others = all.filter((f, i) => i % 50 === 0 && !marked.includes(f)).slice(0, 50 - marked.length);
    const picked = [...marked, ...others];
    assert.equal(picked.length, 50);
    const before = new Map<string, string>();
    picked.forEach((f, i) => {
      const copy = path.join(dir, `${String(i).padStart(2, '0')}.md`);
      fs.copyFileSync(f, copy);
      before.set(copy, fs.readFileSync(copy, 'utf8'));
    });
    const rules = 'mixed-renderings,avoided-variant,first-use-expansion';
    const fixed = cli(['lint', '--fix', '--json', '--rules', rules, '.'], dir);
    const j = JSON.parse(fixed.stdout) as LintJson;
    assert.ok(j.changes.length > 50, `${j.changes.length} changes`);
    let changedFiles = 0;
    for (const [file, text] of before) {
      const after = fs.readFileSync(file, 'utf8');
      if (after !== text) changedFiles++;
      assert.deepEqual(nonProse(after), nonProse(text), `${file}: only prose changed`);
    }
    assert.ok(changedFiles >= 20, `${changedFiles} files changed`);
    // What remains after --fix is only what no automatic fix exists for (a use the glossary has no preferred form for).
    const again = JSON.parse(cli(['lint', '--json', '--rules', rules, '.'], dir).stdout) as LintJson;
    assert.deepEqual(again.findings.filter((f) => f.preferred !== null), []);
    assert.deepEqual(
      JSON.parse(cli(['lint', '--fix', '--json', '--rules', rules, '.'], dir).stdout).changes,
      [],
      'a second --fix changes nothing',
    );
  });
});
