import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import spec from 'commonmark-spec';
import { buildGlossary, type GlossaryIndex } from '../../src/core/glossaryIndex';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { IncrementalScan } from '../../src/core/incremental';
import { parseMarkdown } from '../../src/core/markdown';
import { scanDocument } from '../../src/core/scanner';

/** Runs per property: small in `npm test`, larger with `npm run fuzz -- --runs N`. */
const RUNS = Number(process.env.LLM_GLOSSARY_FUZZ_RUNS ?? 150);
const SEED = Number(process.env.LLM_GLOSSARY_FUZZ_SEED ?? 424242);

const TERMS = ['CoT', 'LoRA', 'RLHF', 'GPT', 'GPT-4', 'foo', 'bar', 'baz', 'chain of thought', 'KV cache', 'C++', '思维链', '微调', '指令微调', '大模型', 'ＬＬＭ', 'naïve', 'x'];
const PIECES = [
  '# ', '## ', '\n', '\n\n', '\r\n', '\r', '- ', '1. ', '> ', '    ', '```\n', '~~~\n', '$$\n', '$', '`', '**', '_', '~~', '<div>', '</div>\n', '<span>',
  '</span>', '<!-- ', ' -->', '[', ']', '(', ')', '](http://x.y/CoT "LoRA")', '<https://a.b/GPT>', 'www.foo.com', '![alt GPT](i.png)', '[r]: /u\n', '[r]',
  '[^n]', '[^n]: note\n', '|a|b|\n|-|-|\n', '---\n', '+++\n', '\ufeff', '\u00a0', '\u3000', '😀', '\ud800', '\udc00', '&amp;', '\\', ' ', 'xLoRA', 'LLMs', "CoT's",
  ...TERMS,
];

const markdownArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

const glossaryArb = fc
  .uniqueArray(fc.constantFrom(...TERMS), { minLength: 1, maxLength: 8 })
  .chain((terms) => fc.tuple(fc.constant(terms), fc.array(fc.constantFrom<boolean | undefined>(true, false, undefined), { minLength: terms.length, maxLength: terms.length })))
  .map(([terms, cases]) => {
    const yaml = ['entries:'];
    terms.forEach((t, i) => {
      yaml.push(`  - id: e${i}`, `    en: ${JSON.stringify(t)}`, '    category: t', '    definition: {en: x}');
      if (cases[i] !== undefined) yaml.push(`    caseSensitive: ${cases[i]}`);
    });
    return buildGlossary([{ builtin: false, files: [parseGlossaryFile(yaml.join('\n') + '\n', 'fuzz.yaml')] }]);
  });

/** Offsets `[start, end)` the scanner must never annotate, found independently from the syntax tree. */
function nonProseRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const visit = (n: Nodes) => {
    const s = (n.position?.start.offset ?? 0) + shift;
    const e = (n.position?.end.offset ?? 0) + shift;
    if (['code', 'inlineCode', 'math', 'inlineMath', 'html', 'yaml', 'toml', 'definition', 'image', 'imageReference'].includes(n.type)) {
      out.push([s, e]);
      return;
    }
    if (n.type === 'link') {
      if (text[s] !== '[') {
        out.push([s, e]);
        return;
      }
      const last = n.children[n.children.length - 1];
      if (last?.position) out.push([last.position.end.offset! + shift + 1, e]); // "](destination "title")"
    }
    if ('children' in n) for (const c of n.children as Nodes[]) visit(c);
  };
  visit(parseMarkdown(text) as Nodes);
  return out;
}

function checkScan(text: string, glossary: GlossaryIndex): void {
  const scan = scanDocument(text, glossary);
  const banned = nonProseRanges(text);
  let prev = -1;
  for (const o of scan.occurrences) {
    assert.equal(text.slice(o.start, o.end), o.text);
    assert.ok(o.start >= prev, 'sorted, not overlapping');
    prev = o.end;
    for (const [s, e] of banned) assert.ok(o.end <= s || o.start >= e, `"${o.text}" at ${o.start} lies in non-prose [${s}, ${e})`);
  }
}

describe('fuzzing', function () {
  this.timeout(300_000);

  it(`random Markdown and glossaries: no exception, exact slices, nothing in non-prose nodes (${RUNS} runs)`, () => {
    fc.assert(fc.property(markdownArb, glossaryArb, (text, g) => checkScan(text, g)), { seed: SEED, numRuns: RUNS });
  });

  it(`random Markdown, glossaries and edits: incremental scans equal full scans (${RUNS} runs)`, () => {
    const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), len: fc.nat(8), insert: fc.array(fc.constantFrom(...PIECES), { maxLength: 3 }).map((p) => p.join('')) });
    fc.assert(
      fc.property(markdownArb, glossaryArb, fc.array(editArb, { minLength: 1, maxLength: 8 }), (text, g, edits) => {
        const inc = new IncrementalScan(text, g.matcher);
        let cur = text;
        for (const e of edits) {
          const start = Math.floor(e.at * cur.length);
          const end = Math.min(cur.length, start + e.len);
          inc.edit(start, end, e.insert);
          cur = cur.slice(0, start) + e.insert + cur.slice(end);
          assert.deepEqual(inc.result(), scanDocument(cur, g));
        }
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
  });

  describe('the CommonMark spec examples', () => {
    const words = ['foo', 'bar', 'baz', 'bim', 'bam', 'boo', 'qux', 'quux', 'hello', 'world', 'aaa', 'bbb', 'ccc', 'ddd', 'Foo', 'link', 'url', 'title', 'code', 'hi', 'lo'];
    const yaml = ['entries:', ...words.flatMap((w, i) => [`  - id: w${i}`, `    en: ${w}`, '    category: t', '    definition: {en: x}'])].join('\n') + '\n';
    const glossary = buildGlossary([{ builtin: false, files: [parseGlossaryFile(yaml, 'spec.yaml')] }]);
    const examples = (spec as { tests: { markdown: string; html: string; number: number }[] }).tests;

    /** How often each entry matches in the text a reader sees in the reference HTML, outside code and tags. */
    function visibleMatches(html: string): Map<string, number> {
      const visible = html
        .replace(/<pre[\s\S]*?<\/pre>/g, ' ')
        .replace(/<code>[\s\S]*?<\/code>/g, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
      const counts = new Map<string, number>();
      for (const m of glossary.matcher.findAll(visible)) counts.set(m.entryId, (counts.get(m.entryId) ?? 0) + 1);
      return counts;
    }

    it(`all ${examples.length} examples: nothing thrown, no term in code, HTML, link destinations or titles`, () => {
      let found = 0;
      for (const ex of examples) {
        const md = ex.markdown.replace(/→/g, '\t');
        const html = ex.html.replace(/→/g, '\t');
        const scan = scanDocument(md, glossary);
        checkScan(md, glossary);
        const allowed = visibleMatches(html);
        const ours = new Map<string, number>();
        for (const o of scan.occurrences) ours.set(o.entryId, (ours.get(o.entryId) ?? 0) + 1);
        for (const [id, n] of ours) {
          assert.ok(n <= (allowed.get(id) ?? 0), `example ${ex.number}: ${n} × ${glossary.get(id)?.en}, but the reference HTML shows ${allowed.get(id) ?? 0} outside code and tags\n${md}`);
        }
        found += scan.occurrences.length;
      }
      assert.ok(found > 500, `${found} terms found in prose`);
    });
  });
});
