import * as assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { installPreview, locateText, marksFromPositions, marksInText, type PreviewToken } from '../../src/core/preview';
import { createGlossaryService, inProcessReader, type GlossaryService, type ServiceSettings, type TextDocument } from '../../src/core/service';
import { compiledBuiltin, fixture } from './helpers';
import { InMemoryWorkspace } from './inMemoryWorkspace';

// The engine VS Code 1.100's Markdown preview uses: markdown-it 12 with HTML and linkify on.
const engine = () => new MarkdownIt({ html: true, linkify: true });

/** Traps: every place where a term must not be marked, and the Markdown that splits text pieces. */
const TRAPS = [
  '---',
  'title: LoRA 与 RLHF（front matter）',
  '---',
  '',
  '# 第一章 LoRA 与 *思维*链',
  '',
  '思维链（CoT）与 LoRA 在 **RLHF** 之后；*Lo*RA 被强调拆开，**思维链**整体强调。',
  'AT&amp;T 用 LoRA，\\*转义\\* 的 RoPE 与 &lt;RMSNorm&gt; 和 &#x4E2D; 指令微调。',
  '',
  '`LoRA` 与 ``RoPE `x` CoT`` 是行内代码；$\\mathrm{LoRA}$ 与 $$RoPE$$ 是公式。',
  '',
  '```python',
  '# LoRA RoPE CoT 思维链',
  '```',
  '',
  '    indented code: LoRA RoPE',
  '',
  '[LoRA 论文](https://example.com/LoRA "RoPE title") 和 <https://example.com/RLHF> 与 https://example.com/CoT 。',
  '![LoRA 图](images/LoRA.png "RoPE")',
  '',
  '<div>',
  'HTML block: LoRA RoPE',
  '</div>',
  '',
  '<span title="GQA">inline HTML: GQA, LoRA</span> 之后的 GQA 是正文。',
  '',
  'Setext 标题 RoPE',
  '----------------',
  '',
  '| 方法 | 说明 \\| 管道 |',
  '| --- | --- |',
  '| LoRA | 低秩 RoPE |',
  '| `CoT` | 思维链 |',
  '',
  '> 引用里的 LoRA',
  '> 第二行的 RoPE 与 *CoT*',
  '',
  '- 列表 LoRA',
  '  - 嵌套 RoPE，继续',
  '    第二行 CoT',
  '',
  '[^1]: 脚注 in-context learning（上下文学习）。',
  '',
].join('\n');

const compiled = compiledBuiltin();

async function serviceWith(settings: Partial<ServiceSettings> = {}): Promise<GlossaryService> {
  const ws = new InMemoryWorkspace();
  const service = createGlossaryService({ workspace: ws, reader: inProcessReader(ws), builtin: async () => compiled, settings });
  await service.ready();
  return service;
}

let docs = 0;
/** A new open document (each with its own URI: the service caches scans by URI and version). */
const doc = (text: string): TextDocument => ({ uri: `mem:/ws/notes/n${++docs}.md`, version: 1, getText: () => text });

/** `line:column+length id` (0-based line and column), the way both sides below are compared. */
const at = (line: number, column: number, length: number, id: string | undefined) => `${line}:${column}+${length} ${id}`;

/** The marks the plugin's mapping places in the source. */
function placedMarks(md: MarkdownIt, text: string, service: GlossaryService, d: TextDocument): string[] {
  const src = text.replace(/\r\n?/g, '\n');
  const tokens = md.parse(src, {}) as unknown as PreviewToken[];
  const located = locateText(src, tokens, (e) => md.utils.unescapeAll(e));
  const starts = [0, ...[...src.matchAll(/\n/g)].map((m) => m.index! + 1)];
  const line = (offset: number) => starts.filter((s) => s <= offset).length - 1;
  const marks = marksFromPositions(service.previewTerms(d).occurrences, starts);
  const out: string[] = [];
  for (const [t, s] of located) {
    for (const m of marksInText(s, t.content.length, marks)) {
      const start = s.offsets ? s.offsets[m.from] : s.start + m.from;
      const end = s.offsets ? s.offsets[m.to] : s.start + m.to;
      out.push(at(line(start), start - starts[line(start)], end - start, m.entryId));
    }
  }
  return out.sort();
}

/** The editor's underlines of the whole document. */
function editorUnderlines(text: string, service: GlossaryService, d: TextDocument): string[] {
  const ids = new Map(service.occurrences(d).live.map((o) => [`${o.line - 1}:${o.column - 1}`, o.entryId]));
  return service
    .underlines(d, [{ start: 0, end: text.length }])
    .map((r) => {
      assert.equal(r.start.line, r.end.line, 'terms are on one line');
      return at(r.start.line, r.start.character, r.end.character - r.start.character, ids.get(`${r.start.line}:${r.start.character}`));
    })
    .sort();
}

/** The (id, term) pairs marked in rendered HTML, in order. */
function marksInHtml(html: string): string[] {
  return [...html.matchAll(/<span class="llmg-term" tabindex="0" data-entry="([^"]+)">([^<]*)<span class="llmg-tip"/g)].map((m) => `${m[1]} ${m[2]}`);
}

describe('tooltips in the Markdown preview (markdown-it 12, as in VS Code 1.100)', function () {
  this.timeout(20_000);
  let service: GlossaryService;
  before(async () => (service = await serviceWith()));
  after(() => service.dispose());
  afterEach(() => service.configure({ underlines: 'all', underlineBasic: false, language: 'both' }));

  for (const [name, text] of [
    ['the sample chapter', fixture('notes', 'llm-s1.md')],
    ['the traps fixture', fixture('notes', 'traps.md')],
    ['the inline traps', TRAPS],
    ['the inline traps with CRLF line breaks', TRAPS.replace(/\n/g, '\r\n')],
  ] as const) {
    for (const underlines of ['all', 'firstInSection'] as const) {
      it(`marks exactly the editor's underlines in ${name} (${underlines})`, async () => {
        service.configure({ underlines, underlineBasic: true });
        const d = doc(text);
        const md = engine();
        const placed = placedMarks(md, text, service, d);
        const underlined = editorUnderlines(text, service, d);
        assert.ok(underlined.length > 5, `${underlined.length} underlines`);
        assert.deepEqual(placed, underlined);
        // And the plugin renders each of them once, in document order.
        installPreview(md, () => service.previewTerms(d));
        const html = md.render(text);
        const expected = service.previewTerms(d).occurrences.map((o) => `${o.entryId} ${o.text}`);
        assert.deepEqual(marksInHtml(html), expected);
      });
    }
  }

  it('reports the figures of the sample chapter', async () => {
    const text = fixture('notes', 'llm-s1.md');
    const d = doc(text);
    const md = installPreview(engine(), () => service.previewTerms(d));
    const marked = marksInHtml(md.render(text));
    const all = service.occurrences(d).live.length;
    console.log(`      llm-s1.md: ${marked.length} terms marked = ${service.underlines(d, [{ start: 0, end: text.length }]).length} underlined (of ${all} occurrences, basic terms not underlined)`);
    assert.equal(marked.length, service.underlines(d, [{ start: 0, end: text.length }]).length);
  });

  it('never marks inside code, math, link targets, HTML or front matter', async () => {
    service.configure({ underlineBasic: true });
    const d = doc(TRAPS);
    const html = installPreview(engine(), () => service.previewTerms(d)).render(TRAPS);
    for (const inside of [/<code>[^]*?<\/code>/g, /<pre>[^]*?<\/pre>/g, /<div>[^]*?<\/div>/g, /<span title[^]*?<\/span>/g, /href="[^"]*"/g, /alt="[^"]*"/g, /title="[^"]*"/g]) {
      for (const m of html.matchAll(inside)) assert.ok(!m[0].includes('llmg-term'), m[0]);
    }
    assert.ok(!/<hr>\s*<h2>[^]*llmg/.test(html.split('</h2>')[0]), 'front matter (read as a heading by plain markdown-it) is not marked');
    const marked = marksInHtml(html);
    assert.ok(marked.includes('gqa GQA') || marked.some((m) => m.endsWith(' GQA')), 'GQA after the HTML element is marked');
    assert.ok(marked.some((m) => m.endsWith(' 指令微调')), 'a term after decoded entities in the same text piece is marked');
  });

  it('escapes glossary text: a user entry cannot inject HTML', async () => {
    const ws = new InMemoryWorkspace({
      'mem:/ws/evil.glossary.yaml': 'entries:\n  - id: zebra-attention\n    en: zebra attention\n    zh: 斑马注意力\n    category: custom\n    definition: {en: "<img src=x onerror=alert(1)> & <script>alert(2)</script>", zh: "\\"引号\\" 与 <b>粗体</b>"}\n',
    });
    const own = createGlossaryService({ workspace: ws, reader: inProcessReader(ws), builtin: async () => [] });
    await own.ready();
    const text = '我们用 zebra attention 做实验。\n';
    const d = doc(text);
    const html = installPreview(engine(), () => own.previewTerms(d)).render(text);
    own.dispose();
    assert.match(html, /data-entry="zebra-attention">zebra attention</);
    assert.ok(!/<img|<script|<b>/.test(html), html);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt; &amp; &lt;script&gt;/);
    assert.match(html, /&quot;引号&quot; 与 &lt;b&gt;粗体&lt;\/b&gt;/);
  });

  it('follows llmGlossary.language in the tooltip, and marks nothing when disabled', async () => {
    service.configure({ language: 'en' });
    const text = '涌现能力（emergent abilities）是大模型的特点。\n';
    const d = doc(text);
    let enabled = true;
    const md = installPreview(engine(), () => service.previewTerms(d), () => enabled);
    const en = md.render(text);
    const tip = en.split('class="llmg-tip"')[1];
    const definitions = [...tip.matchAll(/<span class="llmg-def">([^<]*)<\/span>/g)].map((m) => m[1]);
    assert.equal(definitions.length, 1);
    assert.ok(!/[\u4e00-\u9fff]/.test(definitions[0]), definitions[0]);
    service.configure({ language: 'both' });
    assert.equal([...md.render(text).matchAll(/class="llmg-def"/g)].length / marksInHtml(md.render(text)).length, 2);
    enabled = false;
    assert.ok(!md.render(text).includes('llmg-term'));
  });
});
