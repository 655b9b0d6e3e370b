import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseBuiltinGlossary } from '../../src/cli/glossaries';
import { indexLayers, readBuiltinGlossary } from '../../src/core/builtinGlossary';
import { buildGlossary } from '../../src/core/glossaryIndex';
import { parseGlossaryFile, type ParsedGlossaryFile, type RawEntry } from '../../src/core/glossaryLoader';
import { BUILTIN_FORMAT, compileBuiltin, loadBuiltin, precompile, revive } from '../../src/core/precompiled';
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
  this.timeout(120_000);
  const bytes = new Uint8Array(fs.readFileSync(BIN));
  const loaded = loadBuiltin(bytes);
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
    const lazy = loadBuiltin(bytes).alone!;
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
    const l = loadBuiltin(bytes).alone!.get('lora')!;
    const f = fresh.get('lora')!;
    assert.equal(JSON.stringify(l), JSON.stringify(f));
    assert.deepEqual({ ...loadBuiltin(bytes).alone!.get('lora')! }, { ...f });
    assert.deepEqual(Object.keys(l), Object.keys(f));
  });

  it('holds the trie a fresh build makes, and matches exactly what it matches', () => {
    const built = fresh.automaton().compiled();
    const stored = alone.automaton().compiled();
    for (const k of ['label', 'count', 'terminal', 'flags'] as const) assert.deepEqual(stored[k], built[k], k);
    for (const text of chapters()) assert.deepEqual(scanDocument(text, alone).occurrences, scanDocument(text, fresh).occurrences);
    for (const text of [...chapters(), ...corpusSample()]) assert.deepEqual(alone.matcher.findAll(text), fresh.matcher.findAll(text));
  });

  it('revives the parsed files the YAML gives, forms included (names, senses, notIn words and related ids placed at their entry)', () => {
    const parsed = parseBuiltinGlossary(path.join(ROOT, 'glossary'));
    const at = <T>(e: RawEntry, l: { value: T }) => ({ value: l.value, range: e.range });
    const atEntry = (files: readonly ParsedGlossaryFile[]) =>
      files.map((f) => ({
        ...f,
        entries: f.entries.map((e) => ({
          ...e,
          id: at(e, e.id),
          en: at(e, e.en),
          zh: e.zh && at(e, e.zh),
          abbr: e.abbr && at(e, e.abbr),
          aliases: e.aliases.map((l) => at(e, l)),
          senses: e.senses.map((l) => at(e, l)),
          notIn: e.notIn.map((l) => at(e, l)),
          related: e.related.map((l) => at(e, l)),
        })),
      }));
    assert.deepEqual(loaded.files(), atEntry(revive(JSON.parse(JSON.stringify(precompile(parsed, entryForms))))));
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
  const { bytes, index } = compileBuiltin(parsed);
  const direct = buildGlossary([{ builtin: true, files: parsed }]);

  it('round-trips a glossary with problems', () => {
    const loaded = loadBuiltin(bytes);
    assert.ok(direct.problems.length > 0);
    assert.deepEqual(loaded.alone!.problems, direct.problems);
    assert.deepEqual([...loaded.alone!.entries.values()], [...direct.entries.values()]);
    assert.deepEqual(loaded.alone!.patterns, direct.patterns);
    assert.deepEqual(loaded.files(), revive(JSON.parse(JSON.stringify(precompile(parsed)))));
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
    };
    const b = await readBuiltinGlossary(files, log);
    assert.equal(b.alone, undefined);
    assert.equal(b.files()[0].entries.length, parseGlossaryFile(yaml, 'x').entries.length);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], new RegExp(`precompiled glossary unavailable \\(not a compiled glossary \\(format ${BUILTIN_FORMAT}\\)\\)`));
  });
});
