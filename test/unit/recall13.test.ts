import * as assert from 'node:assert/strict';
import { scanDocument } from '../../src/core/scanner';
import { compiledBuiltin, itSenses } from './helpers';

/**
 * Session 13, core recall: sense surfaces, compounds, cues and aliases that let the built-in glossary find concepts
 * the dev notes use (scripts/senses-13-recall.json). Real sentences from ../shared/corpus (never the held-out notes):
 * each fix has the use it now finds and a use that must stay as it was.
 */
describe('senses-13 recall fixes on real sentences', () => {
  const builtin = compiledBuiltin().alone!;
  const ids = (text: string) => scanDocument(text, builtin).occurrences.map((o) => o.entryId);
  const vllmIntro = [
    '## **vLLM 简介**',
    '',
    '`vLLM` 框架是一个高效的大语言模型**推理和部署服务系统**，具备以下特性：',
    '',
    '- **高效的内存管理**：通过 `PagedAttention` 算法，`vLLM` 实现了对 `KV` 缓存的高效管理，减少了内存浪费，优化了模型的运行效率。',
    '- **高吞吐量**：`vLLM` 支持异步处理和连续批处理请求，显著提高了模型推理的吞吐量，加速了文本生成和处理速度。',
  ].join('\n');
  const cases: [string, string, string[]][] = [
    // 缓存: the KV cache beside memory-management words, though `KV` in code splits the sentence (self-llm: Qwen2 vLLM 部署调用)
    [vllmIntro, '缓存', ['kv-cache']],
    ['- **高效的内存管理**：通过 PagedAttention 算法，vLLM 实现了对 KV 缓存的高效管理，减少了内存浪费，优化了模型的运行效率。', 'KV 缓存', ['kv-cache']],
    // ... and activations kept by pipeline parallelism stay no KV cache (llm-action: 分布式训练并行技术（九）-总结)
    ['但是GPipe采用的是F-then-B 模式（先进行前向计算，再进行反向计算），由于缓存了多个 micro-batch 的中间变量和梯度，因此，显存的实际利用率并不高。', '缓存', []],
    // 参数: model parameters in 冗余参数, 更少的参数, N% 的参数 and beside 剪枝 (llm-action: 大模型压缩综述; self-llm: Qwen3.5 LoRA)
    ['众所周知，有许多冗余参数对模型性能几乎没有影响，因此在直接剪掉这些冗余参数后，模型性能不会受到太多影响。', '参数', ['parameter', 'parameter']],
    ['非结构化剪枝针对单个参数，会导致不规则的稀疏结构。', '参数', ['parameter']],
    ['- `r`：`LoRA` 的秩，决定低秩矩阵的维度，较小的 `r` 意味着更少的参数', '参数', ['parameter']],
    ['输出（仅训练约 0.25% 的参数）：', '参数', ['parameter']],
    // ... while a function argument stays none (self-llm: Qwen3.5 LoRA)
    ['使用 modelscope 中的 `snapshot_download` 函数下载模型，第一个参数为模型名称，参数 `cache_dir` 为模型的下载路径。', '参数', []],
    // query/key/value: attention's keys and values named together (llm-action: LLM-QAT, ZeroQuant, LoRA 综述, Efficient Training survey)
    ['假设key和value是由token生成的。', 'key和value', ['query-key-value']],
    ['在 QAT 的训练过程中，我们对键和值的整个激活张量进行量化，如图 2 所示。', '键和值', ['query-key-value']],
    ['参数总数为 12l，每层包含 4h for MHA（用于键、查询、值和投影矩阵）和 8h for MLP。', '键、查询、值', ['query-key-value']],
    ['例如，Sanger [63] 使用 4 位Query和Key来计算稀疏注意力矩阵的量化预测。', 'Query和Key', ['query-key-value']],
    // 推理: reasoning beside perception or understanding, and the <think> reasoning (self-llm: Qwen3-VL LaTexOCR, Qwen3.5 LoRA)
    ['Qwen3-VL在文本理解和生成、视觉感知和推理、扩展的上下文长度、增强的空间和视频动态理解方面都有显著改进。', '推理', ['reasoning']],
    ['- **思维链（Thinking）能力**：默认开启思考模式，在最终回答前生成 `<think> ... </think>` 包裹的推理过程；也可通过 `enable_thinking=False` 关闭，直接给出回答。', '推理', ['reasoning']],
    // ... and inference stays inference (self-llm: Qwen3-VL LaTexOCR)
    ['它在推理时不会增加额外的计算延迟。', '推理', ['inference']],
    // bare align, aligned, aligning are not alignment: a second reader found most uses in the corpus's research lists
    // are other alignments (images with texts, router rows, a task), so only phrases that always mean it are names
    ['Aligning language models with human preferences is the goal of RLHF.', 'Aligning language models', ['alignment']],
    // ... never matching a data distribution or a retriever to preferences (same note; awesome-generative-ai-guide research updates)
    ['Fine-tuning helps align the model with the distribution of new data, addressing shifts in data characteristics and improving performance.', 'align', []],
    ['However, the difficulty of aligning the retriever with the diverse LLMs\' knowledge preferences inevitably poses an inevitable challenge in developing a reliable RAG system.', 'aligning', []],
    // 解码吞吐 is the decode phase's throughput (self-llm: Qwen3.5 SGLang 部署调用)
    ['> 日志中的 `gen throughput (token/s): 87.62` 为实测单请求解码吞吐。', '解码', ['decode-phase']],
    // ... while 解码批次 keeps 批次 a batch, with no decode phase (same note)
    ['在请求处理过程中，SGLang 后端会持续打印解码批次的统计信息（运行请求数、token 用量、生成吞吐等）。', '解码', []],
    // lr and learning_rate are the learning rate in prose (self-llm: Qwen2.5 LoRA SwanLab, DeepSeek-V4-Flash LoRA)
    ['从图表中我们可以看到，lr的下降策略是线性下降，loss随epoch呈现下降趋势，而grad_norm则在上升。', 'lr', ['learning-rate']],
    ['在 SwanLab 上查看训练过程中的 loss、grad_norm、learning_rate 和 epoch 变化：', 'learning_rate', ['learning-rate']],
  ];
  itSenses(cases);
  it('解码批次 keeps 批次 a batch; Program lR (a typo for IR) is no learning rate (self-llm: Qwen3.5 SGLang; llm-action: 飞桨自动并行)', () => {
    assert.ok(ids('在请求处理过程中，SGLang 后端会持续打印解码批次的统计信息（运行请求数、token 用量、生成吞吐等）。').includes('batch'));
    assert.ok(!ids('ProcessMesh 推导利用了飞桨线性 Program lR， 按静态 Program Order 采用就近选择策略进行推导。').includes('learning-rate'));
  });
});
