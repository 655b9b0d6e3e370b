import * as assert from 'node:assert/strict';
import { Matcher } from '../../src/core/matcher';

/** Matches of plain names (entry id = the name) in a text, with and without the Han word-boundary rule. */
function found(names: string[], text: string, hanWords = true): string[] {
  const m = new Matcher(names.map((term) => ({ term, entryId: term })), { hanWords });
  return m.findAll(text).map((x) => text.slice(x.start, x.end));
}

/**
 * Sentences from ../shared/corpus (or written the way its notes write), each with a term that crosses or cuts a
 * word, and as many where the same term is right: at the edge of a Han run, next to Latin letters and digits,
 * next to glue characters, and beside other glossary terms.
 */
describe('Han word boundaries', () => {
  const rejected: [string, string][] = [
    ['后训练', '先清洗数据，然后训练模型。'],
    ['嵌入', '这个模型可以部署在嵌入式系统上。'],
    ['工具', '大模型微调工具箱XTuner 支持多种算法。'],
    ['工具', '低成本大模型训练工具箱，XTuner 支持千亿参数。'],
    ['互信息', '以及它们之间的交互信息。'],
    // Both edges inside words: the term straddles two of them.
    ['词格', '然后很多情况下，我们并没有这样优秀的台词格式数据。'],
    ['断句', '判断句子描述的内容（正确或错误）'],
    ['动量', '启动量化推理时，请在权重路径的config.json文件中添加配置。'],
  ];
  for (const [term, text] of rejected) {
    it(`rejects ${term} in ${text}`, () => {
      assert.deepEqual(found([term], text, false), [term], 'the plain matcher finds it');
      assert.deepEqual(found([term], text), []);
    });
  }
  const kept: [string[], string, string[]][] = [
    [['后训练'], '后训练阶段包括 SFT 和 RLHF。', ['后训练']],
    [['后训练'], '模型经过后训练之后更听话。', ['后训练']],
    [['嵌入'], '把文本转换为嵌入向量。', ['嵌入']],
    [['微调'], '使用LoRA微调7B模型。', ['微调']],
    [['模型'], '使用LoRA微调7B模型。', ['模型']],
    [['权重', '量化'], '当权重量化降低时，误差变大。', ['权重', '量化']],
    [['权重'], '从而在量化所有权重的同时最小化误差。', ['权重']],
    // 所|有权|重组|装: both edges inside words, but 所有 is a word, so the segmenter is lost, not the term.
    [['权重'], '在步骤 2 中，我们将不同组的所有权重组装成统一的内存空间。', ['权重']],
    [['权重'], '组合的权重视为要复制的连续块。', ['权重']],
    [['时延'], '一般来讲，当时延不大于 50 ms 时体验较好。', ['时延']],
    [['长上下文'], '支持原生长上下文的 Gemma3 版本。', ['长上下文']],
    [['数据集'], '下载官方数据集中的 ply 格式文件。', ['数据集']],
    [['指令数据集'], '我们所构造的全部指令数据集会被保存在根目录。', ['指令数据集']],
    [['对齐'], '与人类基准就是不对齐的。', ['对齐']],
    [['参数卸载'], '用于参数卸载到 NVMe 的路径。', ['参数卸载']],
    [['思维链', '提示'], '思维链提示能提升推理能力。', ['思维链', '提示']],
    [['张量并行', '流水线并行'], '张量并行和流水线并行可以组合。', ['张量并行', '流水线并行']],
    [['指令微调'], '| 指令微调 | 让模型学会遵循指令 |', ['指令微调']],
    [['涌现能力'], '## 大模型的涌现能力', ['涌现能力']],
  ];
  for (const [names, text, want] of kept) {
    it(`keeps ${want.join(', ')} in ${text}`, () => assert.deepEqual(found(names, text), want));
  }
});
