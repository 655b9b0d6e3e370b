import * as assert from 'node:assert/strict';
import { formatProblem } from '../../src/core/glossary';
import { buildGlossary } from '../../src/core/glossaryIndex';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { fixture, glossaryFrom } from './helpers';

const messages = (g: { problems: readonly { severity: string }[] }) => g.problems.map((p) => formatProblem(p as never));

describe('glossary loader', () => {
  it('reads entries with every field and the place of each', () => {
    const text = fixture('glossaries', 'terms.glossary.yaml');
    const parsed = parseGlossaryFile(text, 'terms.glossary.yaml');
    assert.deepEqual(parsed.problems, []);
    const cot = parsed.entries.find((e) => e.id.value === 'chain-of-thought')!;
    assert.equal(cot.en.value, 'chain of thought');
    assert.equal(cot.zh?.value, '思维链');
    assert.equal(cot.abbr?.value, 'CoT');
    assert.equal(cot.range.line, 3);
    assert.equal(cot.id.range.line, 3);
    assert.equal(cot.id.range.column, 9);
    assert.equal(cot.abbr?.range.line, 6);
  });

  describe('bad input gives file:line:column messages and keeps the good entries', () => {
    const g = glossaryFrom({ name: 'broken.glossary.yaml', text: fixture('glossaries', 'broken.glossary.yaml') });
    const all = messages(g);
    const has = (re: RegExp) => assert.ok(all.some((m) => re.test(m)), `expected a problem matching ${re}, got:\n${all.join('\n')}`);

    it('reports a bad id', () => has(/^broken\.glossary\.yaml:8:9: "id" in entry "Bad Id" must be a kebab-case id/));
    it('reports an unknown field', () => has(/^broken\.glossary\.yaml:15:5: unknown field "colour" in entry "unknown-field"; expected one of id, en, zh/));
    it('reports a wrong type', () => has(/^broken\.glossary\.yaml:19:14: "aliases" in entry "wrong-type" has the wrong type; expected a list/));
    it('reports a duplicate id with the first place', () => has(/^broken\.glossary\.yaml:22:9: duplicate id "good-one" \(first defined at broken\.glossary\.yaml:3\)/));
    it('reports a name claimed by two entries', () => has(/^broken\.glossary\.yaml:28:15: "good one" of entry "alias-thief" is already a name of entry "good-one"/));
    it('reports a related id that points nowhere', () => has(/^broken\.glossary\.yaml:34:15: related id "no-such-entry" of entry "dangling" does not exist/));
    it('reports a missing required field', () => has(/^broken\.glossary\.yaml:36:5: entry is missing the required field "definition" in entry "missing-definition"/));
    it('keeps every entry that is still usable', () => {
      assert.deepEqual([...g.entries.keys()].sort(), ['alias-thief', 'dangling', 'good-one', 'good-two', 'unknown-field', 'wrong-type']);
      assert.equal(g.get('good-one')?.en, 'good one');
      assert.deepEqual(g.get('wrong-type')?.aliases, []);
      assert.deepEqual(g.get('dangling')?.related, []);
    });
    it('still matches the good entries', () => {
      const hits = g.matcher.findAll('good one, good two, 好词二, alias thief').map((m) => m.entryId);
      assert.deepEqual(hits, ['good-one', 'good-two', 'good-two', 'alias-thief']);
    });
  });

  it('reports unparsable YAML with its place and keeps the entries before it', () => {
    const g = glossaryFrom({ name: 'u.yaml', text: fixture('glossaries', 'unparsable.glossary.yaml') });
    assert.ok(g.problems.length > 0);
    assert.match(messages(g)[0], /^u\.yaml:\d+:\d+: invalid YAML: /);
    assert.deepEqual([...g.entries.keys()], ['ok']);
  });

  it('rejects a file without an entries list', () => {
    for (const [text, re] of [
      ['- a\n- b\n', /expected a mapping with an "entries:" list/],
      ['items: []\n', /unknown top-level field "items"; expected "entries"/],
      ['entries: 3\n', /"entries" must be a list of entries, got number 3/],
      ['entries:\n  - just a string\n', /each entry must be a mapping/],
    ] as const) {
      const parsed = parseGlossaryFile(text, 'x.yaml');
      assert.ok(parsed.problems.some((p) => re.test(p.message)), `${JSON.stringify(text)}: ${JSON.stringify(parsed.problems)}`);
    }
  });

  it('refuses a YAML alias bomb instead of expanding it, keeping the other entries', () => {
    // Each level repeats the previous one ten times: fully expanded, the last alias would be 10^6 strings.
    const levels = ['    a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i <= 6; i++) levels.push(`    a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const text =
      'entries:\n  - id: fine\n    en: fine term\n    category: t\n    definition: {en: x, zh: y}\n' +
      '  - id: bomb\n    en: bomb\n    category: t\n    definition:\n' +
      levels.join('\n') +
      '\n';
    const parsed = parseGlossaryFile(text, 'bomb.yaml');
    assert.deepEqual(parsed.entries.map((e) => e.id.value), ['fine']);
    assert.match(formatProblem(parsed.problems[0]), /^bomb\.yaml:6:5: entry cannot be read: .*alias/i);
  });

  describe('layers', () => {
    const base = `entries:\n  - id: token\n    en: token\n    zh: 词元\n    category: nlp\n    definition: {en: Base text., zh: 基础。}\n`;
    it('a later layer overrides the fields it gives and keeps the rest', () => {
      const user = `entries:\n  - id: token\n    en: token\n    aliases: [标记]\n    category: nlp\n    definition: {en: Mine.}\n`;
      const g = glossaryFrom({ name: 'builtin.yaml', text: base }, { name: 'user.yaml', text: user });
      const t = g.get('token')!;
      assert.equal(t.zh, '词元');
      assert.deepEqual(t.aliases, ['标记']);
      assert.deepEqual(t.definition, { en: 'Mine.', zh: '基础。' });
      assert.equal(t.source.file, 'user.yaml');
      assert.deepEqual(g.problems, []);
    });
    it('a later layer may take over a name, with a warning', () => {
      const user = `entries:\n  - id: my-token\n    en: my token\n    aliases: [词元]\n    category: nlp\n    definition: {en: x}\n`;
      const g = glossaryFrom({ name: 'builtin.yaml', text: base }, { name: 'user.yaml', text: user });
      assert.deepEqual(g.matcher.findAll('词元').map((m) => m.entryId), ['my-token']);
      assert.equal(g.problems.length, 1);
      assert.equal(g.problems[0].severity, 'warning');
    });
    it('marks built-in entries', () => {
      const g = buildGlossary([{ builtin: true, files: [parseGlossaryFile(base, 'b.yaml')] }]);
      assert.equal(g.get('token')?.builtin, true);
    });
  });
});

describe('names and case', () => {
  const entry = (id: string, en: string, extra = '') => `  - id: ${id}\n    en: ${en}\n    category: t\n    definition: {en: x}\n${extra}`;
  it('keeps case variants of an acronym within one entry (LLaMA, LLaMa)', () => {
    const g = glossaryFrom({ name: 'm.yaml', text: `entries:\n${entry('llama', 'LLaMA', '    aliases: [LLaMa, LLAMA]\n')}` });
    assert.deepEqual(g.problems, []);
    assert.deepEqual(g.matcher.findAll('LLaMA LLaMa LLAMA llama').map((m) => m.entryId), ['llama', 'llama', 'llama']);
  });
  it('lets two entries own names that differ only in case when both are case-sensitive (xAI, XAI)', () => {
    const g = glossaryFrom({ name: 'm.yaml', text: `entries:\n${entry('xai', 'xAI', '    caseSensitive: true\n')}${entry('explainable-ai', 'explainable AI', '    abbr: XAI\n')}` });
    assert.deepEqual(g.problems, []);
    assert.deepEqual(g.matcher.findAll('xAI and XAI').map((m) => m.entryId), ['xai', 'explainable-ai']);
  });
  it('reports a clash when either name matches case-insensitively', () => {
    const g = glossaryFrom({ name: 'm.yaml', text: `entries:\n${entry('a', 'Adam')}${entry('b', 'ADAM optimizer', '    aliases: [ADAM]\n')}` });
    assert.equal(g.problems.length, 1);
    assert.match(g.problems[0].message, /"ADAM" of entry "b" is already a name of entry "a"/);
  });
});

describe('precompiled glossary', () => {
  it('round-trips through JSON to the same glossary', async () => {
    const { precompile, revive } = await import('../../src/core/precompiled');
    const parsed = [parseGlossaryFile(fixture('glossaries', 'terms.glossary.yaml'), 'terms.glossary.yaml'), parseGlossaryFile(fixture('glossaries', 'broken.glossary.yaml'), 'broken.glossary.yaml')];
    const direct = buildGlossary([{ builtin: true, files: parsed }]);
    const revived = buildGlossary([{ builtin: true, files: revive(JSON.parse(JSON.stringify(precompile(parsed)))) }]);
    assert.deepEqual([...revived.entries.values()], [...direct.entries.values()]);
    assert.deepEqual(revived.patterns, direct.patterns);
    assert.deepEqual(revived.problems, direct.problems);
  });
});
