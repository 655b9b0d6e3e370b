import * as assert from 'node:assert/strict';
import { Matcher } from '../../src/core/matcher';

function find(terms: (string | [string, boolean])[], text: string): string[] {
  const m = new Matcher(
    terms.map((t, i) => (Array.isArray(t) ? { term: t[0], entryId: `e${i}`, caseSensitive: t[1] } : { term: t, entryId: `e${i}` })),
  );
  return m.findAll(text).map((x) => text.slice(x.start, x.end));
}

describe('Matcher', () => {
  describe('leftmost-longest', () => {
    it('prefers the longer Han term (指令微调 over 微调)', () => {
      assert.deepEqual(find(['微调', '指令微调'], '先做指令微调，再做微调'), ['指令微调', '微调']);
    });
    it('prefers "chain-of-thought prompting" over "chain of thought"', () => {
      assert.deepEqual(find(['chain of thought', 'chain-of-thought prompting'], 'We use chain-of-thought prompting and chain of thought.'), [
        'chain-of-thought prompting',
        'chain of thought',
      ]);
    });
    it('takes the leftmost of overlapping matches', () => {
      assert.deepEqual(find(['上下文学习', '学习率'], '上下文学习率'), ['上下文学习']);
    });
    it('finds terms that share prefixes and suffixes (Aho–Corasick fail links)', () => {
      assert.deepEqual(find(['位置编码', '旋转位置编码', '编码器'], '旋转位置编码器与位置编码'), ['旋转位置编码', '位置编码']);
      assert.deepEqual(find(['abcd', 'bc'], 'x abc bc'), ['bc']);
    });
  });

  describe('word boundaries for Latin-script terms', () => {
    it('matches before a hyphen, an apostrophe and punctuation', () => {
      assert.deepEqual(find(['RoPE', 'CoT'], 'RoPE-based models, CoT\'s traces (CoT).'), ['RoPE', 'CoT', 'CoT']);
    });
    it('matches a plural s (LLMs) and includes it in the range', () => {
      assert.deepEqual(find(['LLM', 'foundation model'], 'LLMs are foundation models.'), ['LLMs', 'foundation models']);
    });
    it('does not match inside a longer word', () => {
      assert.deepEqual(find(['GPT'], 'ChatGPT and GPTX and xGPT'), []);
      assert.deepEqual(find(['LoRA'], 'Flora'), []);
      assert.deepEqual(find(['CoT'], 'Coterie'), []);
      assert.deepEqual(find(['LLM'], 'LLMss'), []);
    });
    it('treats CJK characters as boundaries', () => {
      assert.deepEqual(find(['LLM', 'GQA'], '国外知名LLM：GPT，采用GQA的架构'), ['LLM', 'GQA']);
    });
    it('does not treat a digit as a boundary', () => {
      assert.deepEqual(find(['Qwen'], 'Qwen2 and Qwen'), ['Qwen']);
    });
    it('keeps "GPT-4" whole and falls back to "GPT" before another letter', () => {
      assert.deepEqual(find(['GPT', 'GPT-4'], 'GPT-4 and GPT-4o and GPT'), ['GPT-4', 'GPT', 'GPT']);
    });
    it('does not require boundaries around Han terms', () => {
      assert.deepEqual(find(['思维链'], '采用思维链推理'), ['思维链']);
    });
  });

  describe('case', () => {
    it('matches acronyms and mixed-case names case-sensitively by default', () => {
      assert.deepEqual(find(['CoT', 'RMSNorm'], 'cot COT CoT rmsnorm RMSNorm'), ['CoT', 'RMSNorm']);
    });
    it('matches phrases and single-capital names case-insensitively', () => {
      assert.deepEqual(find(['foundation model', 'Transformer'], 'Foundation Model, transformer, TRANSFORMER'), [
        'Foundation Model',
        'transformer',
        'TRANSFORMER',
      ]);
    });
    it('follows an explicit caseSensitive flag', () => {
      assert.deepEqual(find([['Adam', true]], 'adam Adam'), ['Adam']);
      assert.deepEqual(find([['GPT', false]], 'gpt GPT'), ['gpt', 'GPT']);
    });
  });

  describe('normalisation', () => {
    it('matches full-width Latin letters', () => {
      assert.deepEqual(find(['GPT', 'LoRA'], 'ＧＰＴ 与 ＬｏＲＡ'), ['ＧＰＴ', 'ＬｏＲＡ']);
    });
    it('treats no-break spaces, line breaks and hyphens like spaces', () => {
      assert.deepEqual(find(['chain of thought', 'KV cache'], 'chain\u00a0of-thought and KV\ncache'), ['chain\u00a0of-thought', 'KV\ncache']);
    });
    it('does not let a full-width letter join a word', () => {
      assert.deepEqual(find(['GPT'], 'ＣｈａｔＧＰＴ'), []);
    });
  });

  describe('ranges', () => {
    it('reports UTF-16 offsets with surrogate pairs before the match', () => {
      const m = new Matcher([{ term: 'CoT', entryId: 'cot' }]);
      const text = '😀😀 CoT';
      const [hit] = m.findAll(text);
      assert.equal(hit.start, 5);
      assert.equal(hit.end, 8);
    });
    it('looks only inside [from, to) but uses neighbours for boundaries', () => {
      const m = new Matcher([{ term: 'LoRA', entryId: 'l' }]);
      assert.deepEqual(m.findAll('xLoRA LoRA', 1, 5), []);
      assert.deepEqual(m.findAll('[LoRA] LoRA', 1, 5).map((x) => [x.start, x.end]), [[1, 5]]);
    });
  });
});

describe('names inside longer names', () => {
  it('does not match a name that starts after a hyphen, dot or slash joined to a word (Qwen-GPTQ, X-Instruct)', () => {
    assert.deepEqual(find(['GPTQ', 'Instruct'], 'Qwen-GPTQ 与 Qwen2.5-7B-Instruct 模型'), []);
    assert.deepEqual(find(['GPTQ'], '用 GPTQ 量化，或 AutoGPTQ-free 的 GPTQ-int4'), ['GPTQ', 'GPTQ']);
  });
  it('still matches before a hyphen and after a space, CJK or punctuation', () => {
    assert.deepEqual(find(['RoPE', 'LoRA'], 'RoPE-based (LoRA)、LoRA微调'), ['RoPE', 'LoRA', 'LoRA']);
  });
  it('does not match inside a file path or file name written in prose (real sentences of the corpus)', () => {
    assert.deepEqual(find(['autodl'], '并运行 python /root/autodl-tmp/download.py执行下载。'), []);
    assert.deepEqual(find(['autodl'], '下载到本地 /root/autodl-tmp/embedding_model，你也可以'), []);
    assert.deepEqual(find(['bitsandbytes'], 'in file /workspace/train-env/bitsandbytes/csrc/ops.cu ，解决办法'), []);
    assert.deepEqual(find(['bitsandbytes'], 'the error is in bitsandbytes/csrc/ops.cu here'), []);
    assert.deepEqual(find(['alpaca_data'], '仅支持单轮对话（alpaca_data.json）：'), []);
  });
  it('still matches a name beside a slash, a dot or a file name that is the name itself', () => {
    assert.deepEqual(find(['LoRA', 'QLoRA'], '用 LoRA/QLoRA 微调。'), ['LoRA', 'QLoRA']);
    assert.deepEqual(find(['autodl'], '在autodl平台中租一个3090显卡。'), ['autodl']);
    assert.deepEqual(find(['llama.cpp', 'vLLM'], '部署用 llama.cpp 或 vLLM.'), ['llama.cpp', 'vLLM']);
    assert.deepEqual(find(['GPT-4'], 'GPT-4/GPT-4o 的结果'), ['GPT-4']);
  });
  it('treats an en dash like a hyphen', () => {
    assert.deepEqual(find(['term frequency-inverse document frequency'], 'tf-idf (term frequency–inverse document frequency)'), ['term frequency–inverse document frequency']);
  });
});
