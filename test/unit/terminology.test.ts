import * as assert from 'node:assert/strict';
import { formatProblem } from '../../src/core/glossary';
import type { GlossaryIndex } from '../../src/core/glossaryIndex';
import { scanDocument } from '../../src/core/scanner';
import { allowDirectives, applyEdits, autoFixEdits, DEFAULT_TERM_SETTINGS, fixesOf, lintTerminology, type TermFinding, type TermSettings } from '../../src/core/terminology';
import { compiledBuiltin, glossaryFrom } from './helpers';

/** The built-in glossary as the extension loads it (precompiled, with word forms). */
const builtin: GlossaryIndex = compiledBuiltin().alone!;

const ALL: TermSettings = { ...DEFAULT_TERM_SETTINGS, rules: ['mixed-renderings', 'avoided-variant', 'first-use-expansion'] };

function lint(text: string, settings: Partial<TermSettings> = {}, glossary = builtin): TermFinding[] {
  return lintTerminology({ text, scan: scanDocument(text, glossary) }, (id) => glossary.get(id), { ...ALL, ...settings });
}

const brief = (fs: readonly TermFinding[]) => fs.map((f) => `${f.rule} ${f.entryId} ${f.uses.map((u) => u.text).join('|')}`);

describe('terminology: glossary format', function () {
  this.timeout(30_000);
  it('the built-in glossary declares preferred and avoided forms, and avoided forms are names', () => {
    const ft = builtin.get('fine-tuning')!;
    assert.deepEqual(ft.preferred, { zh: '微调', en: 'fine-tuning' });
    assert.deepEqual(ft.avoid, { zh: ['精调'], en: ['finetuning'] });
    assert.deepEqual(builtin.get('token')!.avoid.zh, ['令牌']);
    assert.ok(builtin.patterns.some((p) => p.term === '低秩自适应' && p.entryId === 'lora'));
  });

  it('an avoided form that is not yet a name is matched as one', () => {
    const g = glossaryFrom({ name: 'my.glossary.yaml', text: 'entries:\n  - id: token\n    en: token\n    zh: 词元\n    category: nlp-basics\n    definition: {en: The unit of text a model reads.}\n    avoid: {zh: [标记]}\n' });
    assert.deepEqual(g.problems, []);
    const f = lint('每个标记都会被编码。', {}, g);
    assert.deepEqual(brief(f), ['avoided-variant token 标记']);
    assert.equal(f[0].args.preferred, '词元');
  });

  it('reports bad values at file:line:column', () => {
    const g = glossaryFrom({
      name: 'bad.glossary.yaml',
      text: [
        'entries:',
        '  - id: token',
        '    en: token',
        '    zh: 词元',
        '    category: nlp-basics',
        '    definition: {en: The unit of text a model reads.}',
        '    preferred: {zh: 令牌}',
        '    avoid: {zh: [3], en: [词]}',
        '  - id: lora',
        '    en: LoRA',
        '    category: alignment',
        '    definition: {en: A low-rank adapter method.}',
        '    preferred: {en: 低秩适配, zh: LoRA}',
        '    avoid: {fr: [x]}',
        '',
      ].join('\n'),
    });
    const problems = g.problems.map(formatProblem).sort();
    assert.deepEqual(problems, [
      'bad.glossary.yaml:13:21: preferred.en "低秩适配" is not in English; expected an English form (without Han characters)',
      'bad.glossary.yaml:13:31: preferred.zh "LoRA" is not in Chinese; expected a Chinese form (with Han characters)',
      'bad.glossary.yaml:14:13: unknown field "fr" in entry "lora"; expected one of en, zh',
      'bad.glossary.yaml:7:21: preferred.zh "令牌" of entry "token" is not one of its names; expected one of "token", "词元"',
      // the wrong type drops the whole `avoid` field, so its other forms are not checked
      'bad.glossary.yaml:8:18: "avoid.zh.0" in entry "token" has the wrong type; expected a string',
    ]);
    assert.deepEqual(g.get('token')!.preferred, {});
  });
});

describe('terminology: mixed-renderings and avoided-variant', function () {
  this.timeout(30_000);
  // datawhalechina+self-llm/examples/数字生命/readme.md:102
  const note = '> 其次就是微调方式的选择，主要考虑Lora和全量精调，那为什么我最终选择Lora,而不是全量精调，我们采用LoRa微调。\n\n我们在指令数据上精调模型，再用微调后的模型评测。\n';

  it('one Information finding per concept with every use, a Hint per avoided use', () => {
    const f = lint(note, { rules: ['mixed-renderings', 'avoided-variant'] });
    const mixed = f.filter((x) => x.rule === 'mixed-renderings' && x.entryId === 'fine-tuning');
    assert.equal(mixed.length, 1);
    assert.equal(mixed[0].severity, 'information');
    assert.equal(note.slice(mixed[0].start, mixed[0].end), '微调');
    assert.deepEqual(mixed[0].uses.map((u) => u.text), ['微调', '微调', '精调', '微调']);
    const hints = f.filter((x) => x.rule === 'avoided-variant');
    assert.deepEqual(hints.map((h) => [h.severity, note.slice(h.start, h.end)]), [['hint', '精调']]);
  });

  it('a note that uses only one rendering is clean, even an avoided one for mixing', () => {
    // liguodongiot+llm-action/docs/llm-summarize/大模型实践总结.md:229
    const t = '使用低秩自适应（LoRA）复现斯坦福羊驼的结果。\n';
    assert.deepEqual(brief(lint(t, { rules: ['mixed-renderings'] })), []);
    assert.deepEqual(brief(lint(t, { rules: ['avoided-variant'] })), ['avoided-variant lora 低秩自适应']);
  });

  it('the verb of a term (fine-tune, finetune) is a word form, not a rendering of the noun', () => {
    // aishwaryanr+awesome-generative-ai-guide/research_updates/2024_papers/august_list.md:10, shortened
    const t = 'This review examines tokenisation and finetuning methodologies. We fine-tune a student LLM and finetune it again; fine-tuning works.\n';
    const f = lint(t, { rules: ['mixed-renderings', 'avoided-variant'] });
    assert.deepEqual(brief(f), ['avoided-variant fine-tuning finetuning', 'mixed-renderings fine-tuning finetuning|fine-tuning']);
  });

  it('the English name beside the Chinese one is normal under the glossary style, flagged under zh-first', () => {
    // datawhalechina+self-llm/models/Qwen3-VL/...LaTexOCR.md:249, and a later bare English use
    const t = 'Lora 的全称是 Low-Rank Adaptation，也就是低秩适配。\n\n后面我们用 low-rank adaptation 训练。\n';
    assert.deepEqual(brief(lint(t, { rules: ['mixed-renderings'] })), []);
    const zh = lint(t, { rules: ['mixed-renderings'], style: 'zh-first' });
    assert.deepEqual(brief(zh), ['mixed-renderings lora Lora|Low-Rank Adaptation|低秩适配|low-rank adaptation']);
    assert.equal(zh[0].args.preferred, '低秩适配');
  });

  it('under zh-first the English inside an introduction does not count', () => {
    const t = '本章介绍低秩适配（low-rank adaptation, LoRA）。低秩适配只训练很少的参数。\n';
    assert.deepEqual(brief(lint(t, { rules: ['mixed-renderings'], style: 'zh-first' })), []);
  });

  it('never looks inside code, inline code or HTML comments', () => {
    const t = '我们用微调。\n\n```python\n# 精调 令牌\nmax_new_tokens = 128  # 最大令牌数\n```\n\n`精调` 和 <!-- 令牌 --> 都不算。\n';
    assert.deepEqual(brief(lint(t)), []);
  });

  it('a short Chinese form inside a longer word is not a use (word boundaries, longer names)', () => {
    // 精调 inside 全量精调 belongs to full fine-tuning; 令牌 inside 令牌桶 (token bucket) and 访问令牌 (an access token,
    // as in a corpus note on Hugging Face) is not an LLM token (notIn)
    const t = '主要考虑全量精调和微调两种方式。\n\n限流用令牌桶算法。\n\n在设置页获取访问令牌（token）。\n';
    const f = lint(t);
    assert.ok(!f.some((x) => x.entryId === 'fine-tuning' && x.uses.some((u) => u.text === '精调')), brief(f).join('\n'));
    assert.ok(!f.some((x) => x.entryId === 'token'), brief(f).join('\n'));
  });

  it('chapter scope looks at each chapter on its own', () => {
    const t = '# 一\n\n这里用微调。\n\n# 二\n\n这里用精调。\n';
    assert.equal(lint(t, { rules: ['mixed-renderings'] }).length, 1);
    assert.equal(lint(t, { rules: ['mixed-renderings'], scope: 'chapter' }).length, 0);
  });

  it('an allow directive (outside code) allows the form in the note', () => {
    const t = '<!-- llm-glossary: allow 精调 -->\n我们在指令数据上精调模型，再用微调后的模型评测。\n';
    assert.deepEqual(brief(lint(t)), []);
    const inCode = '```\n<!-- llm-glossary: allow 精调 -->\n```\n\n我们精调模型，再微调。\n';
    assert.equal(allowDirectives(inCode).length, 0);
    assert.ok(lint(inCode).length > 0);
  });
});

describe('terminology: first-use-expansion', function () {
  this.timeout(30_000);
  it('a bare first use in a chapter is flagged with the introduction in the configured format', () => {
    const t = '# 推理\n\n我们先看 CoT 的效果，再讨论思维链的局限。\n';
    const f = lint(t, { rules: ['first-use-expansion'] });
    assert.deepEqual(brief(f), ['first-use-expansion chain-of-thought CoT']);
    assert.equal(f[0].introduction, '思维链（chain of thought, CoT）');
    assert.equal(lint(t, { rules: ['first-use-expansion'], introFormat: '{en} ({abbr}, {zh})' })[0].introduction, 'chain of thought (CoT, 思维链)');
  });

  it('under the default format an English line gets an English introduction, a Chinese line the Chinese one', () => {
    // aishwaryanr+awesome-generative-ai-guide/interview_prep (Explain RAG …), and llm-action/paper/inference/orca.md
    const t = '# Prep\n\nExplain RAG and embeddings to an imaginary colleague.\n\n# 推理\n\n我们先看 RAG 的效果。\n';
    const f = lint(t, { rules: ['first-use-expansion'] });
    assert.deepEqual(f.map((x) => x.introduction), ['retrieval-augmented generation (RAG)', '检索增强生成（retrieval-augmented generation, RAG）']);
    const chosen = lint(t, { rules: ['first-use-expansion'], introFormat: '{en} ({abbr}, {zh})' });
    assert.deepEqual(chosen.map((x) => x.introduction), ['retrieval-augmented generation (RAG, 检索增强生成)', 'retrieval-augmented generation (RAG, 检索增强生成)']);
  });

  it('a use inside an introduction is fine: 思维链（CoT）, CoT（思维链）, and the first use in a heading is not the one checked', () => {
    // liguodongiot+llm-action (distillation survey): 上下文学习（ICL）、思维链（CoT）和指令跟随（IF）
    const t = '## CoT 与 ICL\n\n具体来说，EA-based KD又分为了上下文学习（ICL）、思维链（CoT）和指令跟随（IF）。CoT 很常用。\n\nCoT（思维链）也可以这样写。\n';
    assert.deepEqual(brief(lint(t, { rules: ['first-use-expansion'] })), []);
  });

  it('an abbreviation in parentheses after other words is introduced by them (a name the glossary may lack)', () => {
    // liguodongiot+llm-action/llm-eval/llm-performance/llmperf.md:16, and an English abstract
    assert.deepEqual(brief(lint('- 首词元时间（TTFT）\n\nVision-language-action (VLA) models have recently shown strong potential.\n', { rules: ['first-use-expansion'] })), []);
  });

  it('an abbreviation followed by its meaning in the note\'s own words is introduced, emphasis or not', () => {
    // aishwaryanr+awesome-generative-ai-guide/interview_prep/system-design/customer-support-agent/README.md:130
    const own = '- **HyDE** (Hypothetical Document Embeddings): have the model draft a rough answer first.\n\n先用 HyDE（假设文档嵌入）召回。\n';
    assert.deepEqual(brief(lint(own, { rules: ['first-use-expansion'] })), []);
    // A year, a setting or a single word in parentheses says nothing about what the abbreviation stands for.
    // A remark in parentheses is no introduction either: datawhalechina+self-llm, Qwen3 GRPO 微调, line 87.
    const remarks = ['我们先看 CoT (2022) 的效果。\n', '我们先看 CoT (k=8) 的效果。\n', '我们先看 **CoT** (zero-shot) 的效果。\n', '方法包括：CoT（最早的）等。\n', '我们先看 CoT (see the appendix) 的效果。\n'];
    for (const t of remarks) {
      assert.deepEqual(brief(lint(t, { rules: ['first-use-expansion'] })), ['first-use-expansion chain-of-thought CoT'], t);
    }
  });

  it('a plural abbreviation is introduced by the plural name', () => {
    // aishwaryanr+awesome-generative-ai-guide: choosing the right hardware (GPUs, TPUs); **Key Topics**: SLMs
    const f = lint('Choose the right hardware (GPUs, TPUs) for the load.\n\n# Topics\n\nKey topics: SLMs, agents.\n', { rules: ['first-use-expansion'] });
    assert.deepEqual(f.map((x) => x.introduction), ['tensor processing units (TPUs)', 'small language models (SLMs)']);
  });

  it('an abbreviation inside another one\'s gloss is left alone, so the fix never nests introductions', () => {
    // liguodongiot+llm-action/ai-infra/网络/IB软件.md:20
    const t = 'MLNX_OFED 是经过 NVIDIA 测试和封装的 OFED 版本，支持两种使用相同 RDMA（远程 DMA）的互连类型和称为 OFED verbs 的内核旁路 API。\n';
    assert.deepEqual(brief(lint(t, { rules: ['first-use-expansion'] })), []);
  });

  it('each chapter needs its own introduction; basic terms such as GPU need none', () => {
    const t = '# 一\n\n思维链（chain of thought, CoT）很有用。\n\n# 二\n\n在 GPU 上 CoT 更慢。\n';
    assert.deepEqual(brief(lint(t, { rules: ['first-use-expansion'] })), ['first-use-expansion chain-of-thought CoT']);
  });
});

describe('terminology: fixes', function () {
  this.timeout(30_000);
  const note = '我们在指令数据上精调模型，再用微调后的模型评测；精调需要数据。\n';

  it('replace this use, replace all uses, allow: plain edits that fix the note', () => {
    const [mixed] = lint(note, { rules: ['mixed-renderings'] });
    const at = note.indexOf('精调');
    const fixes = fixesOf(mixed, at, note);
    assert.deepEqual(fixes.map((f) => [f.kind, f.from, f.to, f.count]), [
      ['replace-use', '精调', '微调', 1],
      ['replace-all', '精调', '微调', 2],
      ['allow', '精调', '精调', 1],
    ]);
    const all = applyEdits(note, fixes[1].edits);
    assert.equal(all, '我们在指令数据上微调模型，再用微调后的模型评测；微调需要数据。\n');
    assert.deepEqual(lint(all), []);
    const allowed = applyEdits(note, fixes[2].edits);
    assert.equal(allowed, `<!-- llm-glossary: allow 精调 -->\n${note}`);
    assert.deepEqual(lint(allowed), []);
  });

  it('a second allow is appended to the first directive, after front matter', () => {
    const t = '---\ntitle: x\n---\n<!-- llm-glossary: allow 令牌 -->\n我们精调模型，再微调。\n';
    const f = lint(t, { rules: ['avoided-variant'] })[0];
    const allow = fixesOf(f, f.start, t).find((x) => x.kind === 'allow')!;
    assert.equal(applyEdits(t, allow.edits), '---\ntitle: x\n---\n<!-- llm-glossary: allow 令牌, 精调 -->\n我们精调模型，再微调。\n');
    const fresh = '---\ntitle: x\n---\n我们精调模型，再微调。\n';
    const g = lint(fresh, { rules: ['avoided-variant'] })[0];
    assert.equal(applyEdits(fresh, fixesOf(g, g.start, fresh).find((x) => x.kind === 'allow')!.edits), '---\ntitle: x\n---\n<!-- llm-glossary: allow 精调 -->\n我们精调模型，再微调。\n');
  });

  it('English replacements keep a capital at the start of a sentence; the introduction fix re-lints clean', () => {
    const t = 'Finetuning is cheap. We use fine-tuning here.\n\nThen CoT helps.\n';
    const fixed = applyEdits(t, autoFixEdits(lint(t)));
    assert.equal(fixed, 'Fine-tuning is cheap. We use fine-tuning here.\n\nThen chain of thought (CoT) helps.\n');
    assert.deepEqual(brief(lint(fixed)), []);
  });
});

describe('terminology: link text', function () {
  this.timeout(30_000);
  it('uses inside link text (titles) are left alone by every rule', () => {
    // aishwaryanr+awesome-generative-ai-guide/courses.md: a course title in link text, then the note's own words
    const t = '- **[Finetuning Large Language Models](https://learn.deeplearning.ai/)**\n\n[MemoRAG: Next-Gen RAG](https://arxiv.org/abs/2409.05591)\n\nWe use fine-tuning here.\n';
    assert.deepEqual(brief(lint(t)), []);
  });
});
