import * as assert from 'node:assert/strict';
import { scanDocument, type Occurrence } from '../../src/core/scanner';
import { LineIndex } from '../../src/core/text';
import { fixture, glossaryFrom, termsGlossary } from './helpers';

const glossary = termsGlossary();
const texts = (occ: readonly Occurrence[]) => occ.map((o) => o.text);

describe('scanner', () => {
  describe('traps.md: only prose is annotated', () => {
    const text = fixture('notes', 'traps.md');
    const scan = scanDocument(text, glossary);
    const lines = text.split('\n');
    const onLine = (n: number) => scan.occurrences.filter((o) => o.line === n).map((o) => o.text);
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;

    it('every occurrence is the exact source slice at its range, inside prose lines', () => {
      const li = new LineIndex(text);
      for (const o of scan.occurrences) {
        assert.equal(text.slice(o.start, o.end), o.text);
        assert.equal(li.offset(o.line, o.column), o.start);
        assert.equal(li.offset(o.endLine, o.endColumn), o.end);
      }
    });
    it('skips front matter', () => {
      assert.ok(scan.occurrences.every((o) => o.line > 4), 'nothing in lines 1-4');
    });
    it('skips fenced code, indented code and inline code', () => {
      const fenceStart = lineOf('```python');
      const fenceEnd = lines.indexOf('```', fenceStart) + 1;
      assert.ok(scan.occurrences.every((o) => o.line < fenceStart || o.line > fenceEnd));
      assert.deepEqual(onLine(lineOf('Inline code such as')), []);
      assert.deepEqual(onLine(lineOf('indented code block')), []);
    });
    it('skips inline HTML and the text inside its element', () => {
      assert.deepEqual(onLine(lineOf('<span title="GQA">')), []);
    });
    it('skips inline and block math', () => {
      assert.deepEqual(onLine(lineOf('注意力的计算为')), ['注意力']);
      assert.deepEqual(onLine(lineOf('\\mathrm{Attention}')), []);
    });
    it('reads link text but not destinations, titles, autolinks or image alt text', () => {
      assert.deepEqual(onLine(lineOf('参考：')), ['LoRA']);
      assert.deepEqual(onLine(lineOf('![Transformer')), []);
    });
    it('reads headings, paragraphs, table cells, block quotes and footnotes', () => {
      assert.deepEqual(onLine(lineOf('## 3.1')), ['参数高效微调']);
      assert.deepEqual(onLine(lineOf('| RLHF |')), ['RLHF', 'PPO']);
      assert.deepEqual(onLine(lineOf('> 小结')), ['指令微调', 'instruction tuning', '微调', '思维链提示', 'chain-of-thought prompting', '推理']);
      assert.deepEqual(onLine(lineOf('[^1]:')), ['in-context learning', '上下文学习']);
    });
    it('applies the word-boundary rules in prose', () => {
      assert.deepEqual(onLine(lineOf('Flora and Coterie')), ['LoRA', 'CoT']);
      assert.deepEqual(onLine(lineOf('RoPE-based')), ['RoPE', 'CoT']);
      assert.deepEqual(onLine(lineOf('本章笔记整理')), ['LLMs', '指令微调', 'RLHF', '参数高效微调', 'PEFT', 'ChatGPT', 'GPT-4']);
    });
    it('finds the headings', () => {
      assert.deepEqual(
        scan.headings.map((h) => [h.depth, h.title, h.line]),
        [
          [1, '第三章 微调与对齐', 6],
          [2, '3.1 参数高效微调', 10],
          [2, '3.2 对齐', 26],
        ],
      );
    });
  });

  describe('positions', () => {
    it('are exact with CJK text and CRLF line endings', () => {
      const text = '# 标题\r\n\r\n第一行使用思维链（CoT）。\r\n第二行：LoRA 与 QLoRA\r\n';
      const scan = scanDocument(text, glossary);
      assert.deepEqual(
        scan.occurrences.map((o) => [o.text, o.line, o.column, o.endLine, o.endColumn]),
        [
          ['思维链', 3, 6, 3, 9],
          ['CoT', 3, 10, 3, 13],
          ['LoRA', 4, 5, 4, 9],
          ['QLoRA', 4, 12, 4, 17],
        ],
      );
    });
    it('count UTF-16 code units after emoji', () => {
      const scan = scanDocument('😀 RLHF\n', glossary);
      assert.deepEqual(scan.occurrences.map((o) => [o.column, o.endColumn, o.start]), [[4, 8, 3]]);
    });
    it('keep a byte-order mark in the offsets', () => {
      const text = '\ufeff---\ntitle: CoT\n---\n# CoT\n';
      const scan = scanDocument(text, glossary);
      assert.deepEqual(texts(scan.occurrences), ['CoT']);
      assert.equal(scan.occurrences[0].line, 4);
      assert.equal(text.slice(scan.occurrences[0].start, scan.occurrences[0].end), 'CoT');
    });
    it('span line breaks inside a paragraph', () => {
      const scan = scanDocument('We study chain\nof thought.\n', glossary);
      assert.deepEqual(scan.occurrences.map((o) => [o.text, o.line, o.endLine, o.endColumn]), [['chain\nof thought', 1, 2, 11]]);
    });
  });

  describe('non-prose details', () => {
    it('skips bare URLs and <autolinks> but reads [link text]', () => {
      const scan = scanDocument('See https://example.com/LoRA and <https://x.org/CoT> and [CoT](https://x.org/LoRA "LoRA").\n', glossary);
      assert.deepEqual(texts(scan.occurrences), ['CoT']);
    });
    it('skips link reference definitions and reference-style image alt text', () => {
      const scan = scanDocument('[RLHF][r] ![LoRA][i]\n\n[r]: https://x.org/CoT "PPO"\n[i]: https://x.org/i.png\n', glossary);
      assert.deepEqual(texts(scan.occurrences), ['RLHF']);
    });
    it('skips TOML front matter and block HTML', () => {
      const scan = scanDocument('+++\ntitle = "CoT"\n+++\n\n<div>\nLoRA\n</div>\n\nPPO\n', glossary);
      assert.deepEqual(texts(scan.occurrences), ['PPO']);
    });
    it('reads emphasis, strikethrough and list items', () => {
      const scan = scanDocument('- **涌现** *LoRA* ~~CoT~~\n  1. 大模型\n', glossary);
      assert.deepEqual(texts(scan.occurrences), ['LoRA', 'CoT', '大模型']);
    });
    it('keeps text after a void or self-closing inline tag', () => {
      const scan = scanDocument('a<br>LoRA <img src="x.png"/> CoT\n', glossary);
      assert.deepEqual(texts(scan.occurrences), ['LoRA', 'CoT']);
    });
  });
});

describe('HTML blocks', () => {
  it('reads the Markdown after an HTML block ends at a blank line', () => {
    const scan = scanDocument('<div>\nLoRA\n</div>\n\nCoT\n\n<details>\n\nRLHF in a details body\n\n</details>\n', termsGlossary());
    assert.deepEqual(scan.occurrences.map((o) => o.text), ['CoT', 'RLHF']);
  });
});

describe('URLs written as text', () => {
  const g = termsGlossary();
  const texts = (md: string) => scanDocument(md, g).occurrences.map((o) => o.text);
  it('skips link text that is a URL and bare domains with paths, keeps the prose around them', () => {
    assert.deepEqual(texts('见 [https://example.com/CoT-and-LoRA](https://example.com/x)，以及 example.ai/courses/lora-101 的 LoRA。'), ['LoRA']);
    assert.deepEqual(texts('Read www.site.io/cot/ then use CoT.'), ['CoT']);
  });
  it('does not take version numbers for domains', () => {
    assert.deepEqual(texts('GPT-3.5/GPT-4 都支持 CoT。'), ['GPT', 'GPT-4', 'CoT']);
  });
});

describe('plurals of names', () => {
  const g = glossaryFrom({
    name: 'p.yaml',
    text: `entries:
  - id: adam
    en: Adam
    category: training
    definition: { en: An optimizer., zh: 一种优化器。 }
  - id: tensor-core
    en: Tensor Core
    category: hardware
    definition: { en: A matrix unit of NVIDIA GPUs., zh: NVIDIA GPU 的矩阵运算单元。 }
`,
  });
  const texts = (t: string) => scanDocument(t, g).occurrences.map((o) => o.text);
  it('a one-word proper name keeps its exact form (Adams is a person, not Adam)', () => {
    assert.deepEqual(texts('Adams trained it with Adam.'), ['Adam']);
  });
  it('a name of several words takes a plural on its last word (Tensor Cores)', () => {
    assert.deepEqual(texts('The H100 has fourth-generation Tensor Cores; each Tensor Core multiplies tiles.'), ['Tensor Cores', 'Tensor Core']);
  });
});
