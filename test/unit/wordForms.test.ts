import * as assert from 'node:assert/strict';
import { buildGlossary } from '../../src/core/glossaryIndex';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { scanDocument } from '../../src/core/scanner';
import { caseForms, englishForms, entryForms, openSpellings, variantSpellings } from '../../src/node/wordForms';
import { builtinSense, compiledBuiltin } from './helpers';

/** A glossary from inline YAML with the build's word forms, as the compiled built-in glossary gets them. */
function withForms(yaml: string) {
  return buildGlossary([{ builtin: true, files: [parseGlossaryFile(yaml, 'forms.yaml')] }], { forms: entryForms });
}

const found = (g: ReturnType<typeof withForms>, text: string) => scanDocument(text, g).occurrences.map((o) => `${o.text}=${o.entryId}`);

const GLOSSARY = `entries:
  - id: mixture-of-experts
    en: mixture of experts
    zh: 混合专家
    abbr: MoE
    category: architecture
    definition: { en: x, zh: x }
  - id: expert-parallelism
    en: expert parallelism
    zh: 专家并行
    aliases: [MoE 并行]
    category: training
    definition: { en: x, zh: x }
  - id: react
    en: ReAct
    category: prompting
    definition: { en: x, zh: x }
  - id: generative-ai
    en: generative AI
    category: ml-basics
    definition: { en: x, zh: x }
  - id: autoregressive-model
    en: autoregressive model
    category: architecture
    definition: { en: x, zh: x }
  - id: claude
    en: Claude
    category: models
    definition: { en: x, zh: x }
  - id: claude-3
    en: Claude 3
    category: models
    definition: { en: x, zh: x }
`;

describe('generated word forms', function () {
  this.timeout(20_000);
  it('writes a mixed-case name in capitals and in lower case (MoE: MOE, moe; vLLM: VLLM, vllm)', () => {
    assert.deepEqual(caseForms('MoE').sort(), ['MOE', 'moe']);
    assert.deepEqual(caseForms('vLLM').sort(), ['VLLM', 'vllm']);
  });
  it('never writes a name as an everyday English word, in lower case or in capitals (ReAct: not "react" or REACT)', () => {
    // The corpus writes STAR only for the interview method (STAR stories), never for the STaR reasoner.
    assert.deepEqual(caseForms('ReAct'), []);
    assert.deepEqual(caseForms('PaLM'), []);
    assert.deepEqual(caseForms('OliVe'), []);
    assert.deepEqual(caseForms('STaR'), []);
    assert.deepEqual(caseForms('LoRA').sort(), ['LORA', 'lora']);
  });
  it('leaves capitalised words and all-capital acronyms alone (Adam, Claude, GPU)', () => {
    assert.deepEqual(caseForms('Adam'), []);
    assert.deepEqual(caseForms('Claude'), []);
    assert.deepEqual(caseForms('GPU'), []);
  });
  it('capitalises a name that starts with a lower-case word, as at the start of a sentence or in a title', () => {
    assert.deepEqual(caseForms('generative AI'), ['Generative AI']);
  });
  it('writes prefixed words with a hyphen too (autoregressive: auto-regressive)', () => {
    assert.ok(englishForms('autoregressive model').includes('auto-regressive model'));
    assert.ok(englishForms('pretraining').includes('pre-training'));
    assert.ok(!englishForms('prompt').some((f) => f.includes('-')));
  });
  it('matches the case forms exactly, beside the entry name, and in mixed-script names (MOE并行)', () => {
    const g = withForms(GLOSSARY);
    assert.deepEqual(g.problems, []);
    assert.deepEqual(found(g, '本文介绍 MOE 与 MoE，以及MOE并行和 MoE 并行。'), [
      'MOE=mixture-of-experts',
      'MoE=mixture-of-experts',
      'MOE并行=expert-parallelism',
      'MoE 并行=expert-parallelism',
    ]);
    assert.deepEqual(found(g, 'Moe and Mo E are no experts.'), []);
  });
  it('finds Generative AI in a title and Auto-regressive models, but not "react" or REACT as ReAct', () => {
    const g = withForms(GLOSSARY);
    assert.deepEqual(found(g, '# Generative AI\n\nAuto-regressive models react to prompts; ReAct and REACT agents.'), [
      'Generative AI=generative-ai',
      'Auto-regressive models=autoregressive-model',
      'ReAct=react',
    ]);
  });
});

describe('variant spellings of Chinese names', () => {
  it('writes 模板 also as 模版, and leaves other names alone', () => {
    assert.deepEqual(variantSpellings('对话模板'), ['对话模版']);
    assert.deepEqual(variantSpellings('思维链'), []);
  });

  it('finds the chat template written 对话模版 in a real sentence, with the built-in glossary', function () {
    this.timeout(20000);
    // self-llm, InternLM2 XTuner QLoRA note: the template spelled with 版.
    assert.deepEqual(builtinSense()('- 预定义众多开源对话模版，支持与开源或训练所得模型进行对话。', '对话模版'), ['chat-template']);
  });

  it('writes a CamelCase name as separate words too, but only where a word of three letters or more splits off', () => {
    assert.deepEqual(openSpellings('FlashAttention-2'), ['Flash Attention-2']);
    assert.deepEqual(openSpellings('HuggingFace'), ['Hugging Face']);
    assert.deepEqual(openSpellings('LayerNorm'), ['Layer Norm']);
    for (const whole of ['LLaMA', 'PaLM', 'ReAct', 'AdamW', 'RMSNorm', 'GPT-4o', 'vLLM']) assert.deepEqual(openSpellings(whole), [], whole);
  });

  it('finds FlashAttention-2 written Flash Attention 2 in a real sentence, not the first FlashAttention inside it', function () {
    this.timeout(20000);
    // self-llm, Unsloth notes (Phi-4, Gemma3, Qwen3): the same sentence in each.
    assert.deepEqual(builtinSense()('unsloth使Qwen3(8B)微调速度提高2倍，VRAM使用减少70%，并且比所有使用Flash Attention 2的环境支持长8倍的上下文长度。', 'Flash Attention 2'), ['flashattention-2']);
  });

  it('STAR stories in an interview plan are no STaR; STaR as written still is, with the built-in glossary', function () {
    this.timeout(20000);
    // awesome-generative-ai-guide, forward-deployed-engineer rounds: the behavioural-interview format.
    assert.deepEqual(builtinSense()('- 6 to 8 prepared STAR stories (Situation, Task, Action, Result), 60 to 90 seconds each spoken aloud.', 'STAR'), []);
    assert.deepEqual(builtinSense()('STaR bootstraps rationales from a few examples.', 'STaR'), ['self-taught-reasoner']);
  });
});

describe('version numbers', () => {
  it('a name ending in a version does not match the start of a longer version (Claude 3 in Claude 3.7)', () => {
    const g = withForms(GLOSSARY);
    assert.deepEqual(found(g, 'Claude 3.7 reasons; Claude 3 does too. Claude 3. Next.'), ['Claude=claude', 'Claude 3=claude-3', 'Claude 3=claude-3']);
  });
  it('holds in the built-in glossary on real sentences', function () {
    this.timeout(30_000);
    const g = compiledBuiltin().alone!;
    const text = "- Anthropic's **Claude 3.7 reasoning mode**\n\n大模型分布式训练并行技术（八）-MOE并行";
    const ids = scanDocument(text, g).occurrences.map((o) => `${o.text}=${o.entryId}`);
    assert.ok(ids.includes('Claude=claude'), ids.join());
    assert.ok(!ids.some((i) => i.endsWith('=claude-3')), ids.join());
    assert.ok(ids.includes('MOE并行=expert-parallelism'), ids.join());
  });
});

