import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { builtinYamlBytes, parseBuiltinGlossary } from '../../src/cli/glossaries';
import { indexLayers, readBuiltinGlossary } from '../../src/core/builtinGlossary';
import { buildGlossary } from '../../src/core/glossaryIndex';
import { parseGlossaryFile, type ParsedGlossaryFile } from '../../src/core/glossaryLoader';
import { BUILTIN_FORMAT, compileBuiltin, loadBuiltin, openBuiltin, precompile } from '../../src/core/precompiled';
import { scanDocument } from '../../src/core/scanner';
import { entryForms } from '../../src/node/wordForms';
import { fixture, FIXTURES, ROOT } from './helpers';

const BIN = path.join(ROOT, 'dist', 'glossary.bin');
const CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');

const chapters = () => fs.readdirSync(path.join(FIXTURES, 'notes')).map((f) => fixture('notes', f));

/** Every 20th note of the shared corpus, when it is there. */
function corpusSample(): string[] {
  if (!fs.existsSync(CORPUS)) return [];
  const files = (fs.readdirSync(CORPUS, { recursive: true }) as string[]).filter((f) => f.endsWith('.md')).sort();
  return files.filter((_, i) => i % 20 === 0).map((f) => fs.readFileSync(path.join(CORPUS, f), 'utf8'));
}

const logged = () => {
  const warnings: string[] = [];
  return { warnings, log: { info: () => {}, error: () => {}, warn: (m: string) => void warnings.push(m) } };
};

describe('compiled built-in glossary (dist/glossary.bin)', function () {
  this.timeout(300_000);
  const bytes = new Uint8Array(fs.readFileSync(BIN));
  const yaml = builtinYamlBytes(path.join(ROOT, 'glossary'));
  const fromYaml = (f: string) => yaml.get(f);
  const loaded = loadBuiltin(bytes, fromYaml);
  const alone = loaded.alone!;
  // What loading was before format 3: the parsed files merged, the matcher built from the patterns.
  const fresh = buildGlossary([{ builtin: true, files: loaded.files() }]);

  it('loads entries whose details, read lazily, equal those of a freshly built index', () => {
    assert.equal(alone.entries.size, fresh.entries.size);
    assert.ok(alone.entries.size > 3000);
    assert.deepEqual([...alone.entries.values()], [...fresh.entries.values()]);
    assert.deepEqual(alone.patterns, fresh.patterns);
    assert.deepEqual(alone.problems, fresh.problems);
  });

  it('finds the entries that point to each entry as a scan of every entry would, compiled (entries not made) and built', () => {
    const lazy = loadBuiltin(bytes, fromYaml).alone!;
    let pointed = 0;
    for (const id of fresh.entries.keys()) {
      const want = [...fresh.entries.values()].filter((e) => e.related.includes(id)).map((e) => e.id);
      assert.deepEqual(lazy.referrers(id).map((e) => e.id), want, id);
      assert.deepEqual(fresh.referrers(id).map((e) => e.id), want, id);
      if (want.length) pointed++;
    }
    assert.ok(pointed > 500, `${pointed} entries are pointed to`);
  });

  it('gives the same lazy entry fields through spread and JSON as plain ones', () => {
    const l = loadBuiltin(bytes, fromYaml).alone!.get('lora')!;
    const f = fresh.get('lora')!;
    assert.equal(JSON.stringify(l), JSON.stringify(f));
    assert.deepEqual({ ...loadBuiltin(bytes, fromYaml).alone!.get('lora')! }, { ...f });
    assert.deepEqual(Object.keys(l), Object.keys(f));
  });

  it('holds the trie a fresh build makes, and matches exactly what it matches', () => {
    const built = fresh.automaton().compiled();
    const stored = alone.automaton().compiled();
    for (const k of ['label', 'count', 'terminal', 'flags'] as const) assert.deepEqual(stored[k], built[k], k);
    for (const text of chapters()) assert.deepEqual(scanDocument(text, alone).occurrences, scanDocument(text, fresh).occurrences);
    for (const text of [...chapters(), ...corpusSample()]) assert.deepEqual(alone.matcher.findAll(text), fresh.matcher.findAll(text));
  });

  // The full load: every YAML file parsed, forms generated (what the build compiles).
  let full: ParsedGlossaryFile[] | undefined;
  const parsed = () => (full ??= parseBuiltinGlossary(path.join(ROOT, 'glossary')).map((f) => ({ ...f, entries: f.entries.map((e) => ({ ...e, forms: [...entryForms(e)] })) })));

  it('revives every built-in entry as a full parse of the YAML gives it: values, definitions, references and places', () => {
    const lazy = loadBuiltin(bytes, fromYaml);
    const files = lazy.files();
    assert.equal(files.length, yaml.size);
    assert.ok(files.reduce((n, f) => n + f.entries.length, 0) > 3000);
    assert.deepEqual(files, parsed());
    const built = buildGlossary([{ builtin: true, files: parsed() }]);
    assert.deepEqual([...loadBuiltin(bytes, fromYaml).alone!.entries.values()], [...built.entries.values()]);
    assert.deepEqual(alone.problems, built.problems);
  });

  it('reads the details of an entry from its YAML only when asked for, placed in the real file', () => {
    const lazy = loadBuiltin(bytes, fromYaml);
    const lora = lazy.alone!.get('lora')!;
    assert.equal(Object.getOwnPropertyDescriptor(lora, 'references')?.get !== undefined, true);
    const entry = lazy.files().flatMap((f) => f.entries).find((e) => e.id.value === 'lora')!;
    assert.ok(Object.getOwnPropertyDescriptor(entry.en, 'range')?.get, 'the place of a name waits');
    const text = new TextDecoder().decode(yaml.get(lora.source.file));
    const lines = text.split('\n');
    assert.match(lines[lora.source.line - 1].slice(lora.source.column - 1), /^id: lora\b/);
    assert.equal(lines[entry.en.range.line - 1].slice(entry.en.range.column - 1, entry.en.range.endColumn - 1), entry.en.value);
  });

  it('merges with user layers as the parsed files would', () => {
    const user = [{ builtin: false, files: [parseGlossaryFile(fixture('glossaries', 'terms.glossary.yaml'), 'terms.glossary.yaml')] }];
    const merged = indexLayers(loaded, user);
    const direct = buildGlossary([{ builtin: true, files: loaded.files() }, ...user]);
    assert.notEqual(merged, alone);
    assert.deepEqual([...merged.entries.values()], [...direct.entries.values()]);
    assert.deepEqual(merged.patterns, direct.patterns);
    assert.equal(indexLayers(loaded, []), alone);
  });
});

describe('compileBuiltin and loadBuiltin', () => {
  // Duplicate ids, a dangling related id and a clash: the problems and the dropped entries come back as built.
  const parsed = [parseGlossaryFile(fixture('glossaries', 'terms.glossary.yaml'), 'terms.glossary.yaml'), parseGlossaryFile(fixture('glossaries', 'broken.glossary.yaml'), 'broken.glossary.yaml')];
  const { bytes, index } = compileBuiltin(parsed.map((p) => ({ parsed: p })));
  const direct = buildGlossary([{ builtin: true, files: parsed }]);

  it('round-trips a glossary with problems', () => {
    const loaded = loadBuiltin(bytes);
    assert.ok(direct.problems.length > 0);
    assert.deepEqual(loaded.alone!.problems, direct.problems);
    assert.deepEqual([...loaded.alone!.entries.values()], [...direct.entries.values()]);
    assert.deepEqual(loaded.alone!.patterns, direct.patterns);
    assert.deepEqual(loaded.files(), parsed);
    assert.equal(loaded.fileCount, 2);
    assert.deepEqual(index.patterns, direct.patterns);
    const text = fixture('notes', 'llm-s1.md');
    assert.deepEqual(loaded.alone!.matcher.findAll(text), direct.matcher.findAll(text));
  });

  it('round-trips an empty glossary', () => {
    const empty = loadBuiltin(compileBuiltin([]).bytes);
    assert.equal(empty.alone!.entries.size, 0);
    assert.deepEqual(empty.alone!.matcher.findAll('LoRA'), []);
    assert.deepEqual(empty.files(), []);
  });

  it('rejects, saying why, a file of another format, a truncated one and the JSON of format 2', () => {
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(4, 2, true);
    assert.throws(() => loadBuiltin(other), new RegExp(`format 2; this version reads format ${BUILTIN_FORMAT}`));
    assert.throws(() => loadBuiltin(bytes.slice(0, bytes.length - 100)), /truncated/);
    assert.throws(() => loadBuiltin(new TextEncoder().encode(JSON.stringify(precompile(parsed)))), /not a compiled glossary/);
  });

  it('a stale file falls back to the YAML files with one warning', async () => {
    const { warnings, log } = logged();
    const yaml = fixture('glossaries', 'terms.glossary.yaml');
    const files = {
      readFile: async (uri: string) => new TextEncoder().encode(uri === 'bin' ? '{"format":2,"files":[]}' : yaml),
      precompiled: 'bin',
      yamlFiles: async () => [{ uri: 'y', file: 'glossary/terms.yaml' }],
      yamlUri: () => 'y',
    };
    const b = await readBuiltinGlossary(files, log);
    assert.equal(b.alone, undefined);
    assert.equal(b.files()[0].entries.length, parseGlossaryFile(yaml, 'x').entries.length);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], new RegExp(`precompiled glossary unavailable \\(not a compiled glossary \\(format ${BUILTIN_FORMAT}\\)\\)`));
  });
});

/** An entry of each kind the compiler reads otherwise: details not in plain one-line scalars, values its merged entry does not give as written. */
const UNUSUAL = `entries:
  # a comment before the first entry
  - id: folded
    en: folded definition
    category: test
    definition:
      en: >
        A definition folded
        over two lines.
      zh: "转义\\x41与\\t制表"
  - id: quoted
    en: 'it''s quoted'
    zh: 引号
    category: test
    level: basic
    related: [folded, folded, quoted]
    avoid: {zh: []}
    definition: {en: 'It''s fine.', zh: "带引号的\\"定义\\"。"}

  - {id: flow-one, en: flow one, category: test, definition: {en: One., zh: 一。}}
  - id: last
    en: last one
    abbr: LO
    preferred: {en: last one}
    avoid: {en: [final one]}
    category: test
    definition:
      en: The last.
      zh: 最后一个。
    references:
      - title: "A Paper: on Things"
        year: 2020
        url: https://arxiv.org/abs/2001.00001
`;

describe('compiled glossary read with its YAML', () => {
  const sources = [
    { name: 'glossary/terms.yaml', text: fixture('glossaries', 'terms.glossary.yaml') },
    { name: 'glossary/broken.yaml', text: fixture('glossaries', 'broken.glossary.yaml') },
    { name: 'glossary/unusual.yaml', text: UNUSUAL },
  ];
  const parsed = sources.map((s) => parseGlossaryFile(s.text, s.name));
  const { bytes } = compileBuiltin(parsed.map((p, i) => ({ parsed: p, text: sources[i].text })));
  const yaml = new Map(sources.map((s) => [s.name, new TextEncoder().encode(s.text)]));
  const direct = buildGlossary([{ builtin: true, files: parsed }]);

  it('gives the parsed files and entries of a full load, problems and odd items included', () => {
    assert.deepEqual(openBuiltin(bytes).yamlFiles, sources.map((s) => s.name));
    const loaded = loadBuiltin(bytes, (f) => yaml.get(f));
    assert.deepEqual(loaded.files(), parsed);
    assert.deepEqual([...loaded.alone!.entries.values()], [...direct.entries.values()]);
    assert.deepEqual(loaded.alone!.problems, direct.problems);
    const folded = loaded.alone!.get('folded')!;
    assert.deepEqual(folded.definition, { en: 'A definition folded over two lines.', zh: '转义A与\t制表' });
    assert.equal(loaded.alone!.get('quoted')!.definition.zh, '带引号的"定义"。');
    assert.deepEqual(loaded.alone!.get('last')!.references, [{ title: 'A Paper: on Things', year: 2020, url: 'https://arxiv.org/abs/2001.00001' }]);
  });

  it('is much smaller than the glossary stored whole', () => {
    const whole = compileBuiltin(parsed.map((p) => ({ parsed: p }))).bytes;
    assert.ok(bytes.length < whole.length, `${bytes.length} < ${whole.length}`);
  });

  it('throws, naming the file, when a YAML file is missing or not the one compiled', () => {
    const edited = new Map(yaml);
    const text = sources[2].text.replace('The last.', 'The end.');
    edited.set('glossary/unusual.yaml', new TextEncoder().encode(text));
    assert.throws(() => loadBuiltin(bytes, (f) => edited.get(f)), /glossary\/unusual\.yaml is not the file the glossary was compiled from/);
    assert.throws(() => loadBuiltin(bytes), /glossary\/terms\.yaml is missing/);
  });

  it('falls back, with one warning, to parsing the YAML files when one was edited after the build', async () => {
    const { warnings, log } = logged();
    const text = sources[2].text.replace('The last.', 'The end.');
    const files = {
      readFile: async (uri: string) => (uri === 'bin' ? bytes : uri === 'glossary/unusual.yaml' ? new TextEncoder().encode(text) : yaml.get(uri)!),
      precompiled: 'bin',
      yamlFiles: async () => sources.map((s) => ({ uri: s.name, file: s.name })),
      yamlUri: (file: string) => file,
    };
    const b = await readBuiltinGlossary(files, log);
    assert.equal(b.alone, undefined);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /^precompiled glossary unavailable \(glossary\/unusual\.yaml is not the file the glossary was compiled from\); parsing the YAML files$/);
    const index = indexLayers(b, []);
    assert.equal(index.get('last')!.definition.en, 'The end.');
    assert.deepEqual(b.files()[0], parsed[0]);
  });
});
