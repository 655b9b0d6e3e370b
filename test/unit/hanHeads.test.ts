import * as assert from 'node:assert/strict';
import { buildGlossary } from '../../src/core/glossaryIndex';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { scanDocument } from '../../src/core/scanner';

const found = (glossary: ReturnType<typeof buildGlossary>, text: string) => scanDocument(text, glossary).occurrences.map((o) => `${o.text}=${o.entryId}`);

describe('Chinese head nouns', () => {
  const HEADS = `entries:
  - id: self-attention
    en: self-attention
    zh: 自注意力
    aliases: [自注意力机制]
    category: architecture
    definition: { en: x, zh: x }
  - id: attention-mechanism
    en: attention mechanism
    zh: 注意力机制
    aliases: [注意力模块]
    category: architecture
    definition: { en: x, zh: x }
  - id: gpt
    en: GPT
    zh: 生成式预训练
    category: models
    definition: { en: x, zh: x }
`;
  const g = buildGlossary([{ builtin: true, files: [parseGlossaryFile(HEADS, 'heads.yaml')] }]);
  it('a name with a head noun after it wins over a shorter name that overlaps the head', () => {
    // Real sentences: llm-action 千帆大模型平台, Flexflow.
    assert.deepEqual(found(g, '在保留自注意力模块中原始权重矩阵的基础上；注意力模块；自注意力机制'), ['自注意力=self-attention', '注意力模块=attention-mechanism', '自注意力机制=self-attention']);
  });
  it('the match stays the name itself, and a one-character head (训练|层面) reaches nothing', () => {
    assert.deepEqual(found(g, '生成式预训练技术；自注意力层面；注意力机制层面'), ['生成式预训练=gpt', '自注意力=self-attention', '注意力机制=attention-mechanism']);
  });
});
