import { itSenses } from './helpers';

/**
 * Second reading of the session-14 short forms (scripts/senses-18-review.json): bare 架构 stays out of a named
 * architecture type (an MoE spelled out in English, a linear-attention architecture, "a Transformer decoder's
 * architecture"), and bare 自回归 stays out of the autoregressive objective or process (自回归空白填充, 自回归语言建模,
 * 自回归预测) while 自回归序列模型 names the model. Real sentences from ../shared/corpus (source note in each comment).
 */
describe('senses of the built-in glossary: second reading of the session-14 short forms (18 review)', () => {
  const cases: [string, string, string[]][] = [
    // 架构 of a named architecture type is not the entry (self-llm: XVERSE-MoE-A4.2B, TransNormerLLM-7B FastApi; llm-action: 多维混合并行)
    ['**XVERSE-MoE-A4.2B** 是由深圳元象科技自主研发的支持多语言的大语言模型（Large Language Model），使用混合专家模型（MoE，Mixture-of-experts）架构，模型的总参数规模为 258 亿，实际激活的参数量为 42 亿。', '架构', []],
    ['它是在包含多达1.4 万亿个令牌的高质量语料库上进行训练的，TransNormerLLM 从之前的线性注意力架构 TransNormer 演变而来，进行了高级修改，包括 LRPE 位置嵌入、闪电注意力加速、新的门控和标准化机制。', '架构', []],
    ['Megatron-Turing NLG-530B 是微软和英伟达联合推出的一个包含 5300 亿参数的自回归大语言模型。使用了 Transformer 解码器的架构，其中：Transformer层数、隐藏层维度、注意力头分别为 105、20480 和 128。', '架构', []],
    // … the model's own architecture is still found (self-llm: 01-Step-3.5-Flash-vLLM部署教程)
    ['- **全能应用生态：** 凭借1960亿参数（激活约110亿）的架构优势，在数理逻辑、代码生成及跨模态任务编排中展现出媲美闭源顶尖模型的实力。', '架构', ['model-architecture']],
    // 自回归 for the objective or the prediction step is not the model (llm-action: 多维混合并行)
    ['CodeGeeX 使用纯解码器的GPT架构，并使用自回归语言建模。', '自回归', []],
    ['GLM-130B 利用自回归空白填充作为其主要的预训练目标，以下图中的句子为例，它掩盖了随机的连续文本区间（例如，“complete unkown”），并对其进行自回归预测。', '自回归', []],
    // … a model described as autoregressive is (llm-action: distillation/GKD, 多维混合并行)
    ['用于自回归序列模型的广义知识蒸馏', '自回归', ['autoregressive-model']],
    ['Bloom-176B 是一个拥有 1760 亿参数自回归大语言模型 (LLM)，它是迄今为止开源的最大的多语言（含46种自然语言和13种编程语言）大模型。', '自回归', ['autoregressive-model']],
  ];
  itSenses(cases);
});
