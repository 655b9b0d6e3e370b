import { itSenses } from './helpers';

/**
 * Session 13 (spec scripts/senses-15-core.json), core recall on notes we have not seen: names the notes really use
 * and ambiguous words that now resolve to their entry beside the right words. Real sentences from ../shared/corpus
 * (never the held-out notes): each fix has a use it must find and, for a sense or a blocked phrase, a use it must not.
 */
describe('senses-15 core recall fixes on real sentences', () => {
  const cases: [string, string, string[]][] = [
    // LLM-as-judge (without the article) and Model as a Judge name LLM-as-a-judge (awesome-generative-ai-guide: AI PM questions; self-llm: Llama4 对话助手)
    ['LLM-as-judge uses a strong model with a clear rubric to score outputs at scale, which is far cheaper than human review and good for regression testing.', 'LLM-as-judge', ['llm-as-a-judge']],
    ['为了解决这个问题，使用 Llama Model as a Judge，去除了超过 50% 被标记为简单的数据，并在剩余的较难数据集上进行了轻量级 SFT。', 'Model as a Judge', ['llm-as-a-judge']],
    // eval set: the curated set an LLM application is scored on (awesome-generative-ai-guide: AI engineer prep plan)
    ['- Add an eval set of 20 to 30 hand-labeled questions (answerable, partially answerable, unanswerable) and a script that reports retrieval hit rate, faithfulness, and answer relevance.', 'eval set', ['golden-dataset']],
    // 跨模态 is multimodal (self-llm: GLM-4.7-Flash SGLang)
    ['他们不只是做一个聊天机器人，而是希望在语言、逻辑、推理和跨模态能力上无限接近甚至超越人类的通用智能水平。', '跨模态', ['multimodal']],
    // 残差块 a residual connection, 查询头 an attention head (llm-action: Efficient Training survey, 推理加速 blog)
    ['具体来说，他们在每个残差块的输出上添加了一个可学习的缩放乘数：', '残差块', ['residual-connection']],
    ['GQA将查询头分成N组，每个组共享一个Key 和 Value 矩阵。', '查询头', ['attention-head']],
    // 生成任务 is text generation, but not inside 语音生成任务 (llm-action: 大模型实践总结; self-llm: MiniCPM-o 语音能力)
    ['* 编码器-解码器架构（Encoder-Decoder）：序列到序列模型（编码器的输出作为解码器的输入），主要用于基于条件的生成任务，例如：翻译，概要等。', '生成任务', ['text-generation']],
    ['语音生成任务 Speech Generation Task Prompt:', '生成任务', []],
    // function calls are function calling; "this function calls" is a function in code (awesome-generative-ai-guide: securing agentic AI, week 6)
    ['- Controlled tool access that validates function calls before execution', 'function calls', ['function-calling']],
    ['- Prompt Playground: A feature to experiment with different prompts, observe the responses generated, and log them. This function calls the LLM API to get responses.', 'function calls', []],
    // 模型的最大长度 is the context window; a tokenizer's 最大长度 stays none (self-llm: Qwen2 vLLM 部署调用, Qwen1.5 LoRA 微调)
    ['这里指定 `--max-model-len=2048` 是因为 `Qwen2-7B-Instruct` 模型的最大长度为 `128K`，防止 `vLLM` 初始化 `KV` 缓存时消耗资源过大。', '模型的最大长度', ['context-window']],
    ['MAX_LENGTH = 384    # Llama分词器会将一个中文字切分为多个token，因此需要放开一些最大长度，保证数据的完整性', '最大长度', []],
    // 对称/非对称 beside quantization words are symmetric/asymmetric quantization (llm-action: ZeroQuant(4+2))
    ['可以通过将 INT4 数字转换回对称 INT8 格式来进行类比：如果 INT4 采用对称格式（对于尾数），则零填充就足够了。', '对称', ['symmetric-quantization', 'symmetric-quantization']],
    ['然而，在非对称格式中，单独填充是不够的，还需要额外的步骤。', '非对称', ['asymmetric-quantization']],
    // ... but not a symmetric memory, nor 不对称 (llm-action: IB软件, 大模型量化概述)
    ['NVIDIA® HPC-X® 是一个综合软件包，包括消息传递接口 (MPI)、对称分层内存 (SHMEM) 和分区全局地址空间 (PGAS) 通信库以及各种加速包。', '对称', []],
    ['Outlier Suppression+ [Wei等，2023]通过确认激活中的有害异常呈现出不对称分布，主要集中在特定通道中，引入了一种新的策略，涉及通道级的平移和缩放操作，以纠正异常的不对称呈现，并减轻问题通道的影响，并定量分析了平移和缩放的最佳值，同时考虑了异常的不对称性以及下一层权重引起的量化误差。', '对称', []],
    // 全量 beside LoRA, and 全量训练, are full fine-tuning (llm-action: 训练性能测试; self-llm: MiniCPM-2B Lora && Full 微调)
    ['全量、LoRA、QLoRA 配置：', '全量', ['full-fine-tuning']],
    ['- 全量训练直接运行`train.sh`脚本即可。', '全量', ['full-fine-tuning']],
    // ... but the full data set is no fine-tuning method (llm-action: LESS; self-llm: Qwen3-VL LaTexOCR)
    ['LESS 核心思想通过仅给出的**少数体现特定能力的示例**，从大量指令数据集中**有效地选择5%有影响力的数据**用于目标任务的指令微调，其结果优于全量数据集进行微调，并且所选子集在不同模型参数规模和不同模型系列中仍然普遍有效。', '全量', []],
    ['如果在数据集上进行全量的微调，我觉得模型效果能够达到一个更优秀的准确率，有条件的小伙伴可以尝试下。', '全量', []],
    // MP beside DP is model parallelism; AMP is no MP (llm-action: Alpa, nsight)
    ['Cross-mesh Resharding：现有的人工 pipeline 系统要求 stages 有相同的 DP 和 MP 并行度，并将 stages 间通信简单实现为相同 meshes 间的 P2P send/recv。', 'MP', ['model-parallelism']],
    ['是否开启AMP来提升模型的训练性能；', 'MP', []],
    // 断点继续训练 resumes from a checkpoint, 断点信息 is the checkpoint; 断点续传 is a download (self-llm: Atom LoRA 微调, gemma3 部署)
    ['同时，需要判断是否是断点继续训练，如果是则要加载断点信息：', '断点继续训练', ['resume-from-checkpoint']],
    ['同时，需要判断是否是断点继续训练，如果是则要加载断点信息：', '断点', ['model-checkpoint']],
    ['        resume_download: 是否支持断点续传', '断点', []],
    // 评测 beside a benchmark score is model evaluation; 并发评测 is a load test (self-llm: Step-3.5-Flash SGLang, support_model)
    ['它在 SWE-bench Verified 评测中达到74.4% 的准确率，在 Terminal-Bench 2.0 中达到51.0%，充分证明了其处理复杂、长周期任务的卓越稳定性。', '评测', ['model-evaluation']],
    ['- [x] [MiniMax-M2 evalscope 智商情商评测及并发评测](./models/MiniMax-M2/4-MiniMax-M2-EvalScope.md) @姜舒凡', '并发评测', []],
    // 解码性能 is the decode phase (self-llm: Step-3.5-Flash vLLM 部署教程)
    ['> **注意**：vLLM 尚未完全支持 MTP3。我们正在积极开发 Pull Request 以集成此功能，预计将显著提升解码性能。', '解码', ['decode-phase']],
    // LLM architecture is a model architecture (awesome-generative-ai-guide: week 11 foundations)
    ['3. **Improved Efficiency**: Recent advancements in LLM architecture and training methodologies have led to improvements in efficiency.', 'LLM architecture', ['model-architecture']],
    // 基座 is the foundation model (self-llm: MiniMax-M2.5 SGLang)
    ['本文以 MiniMax-M2.5 为模型基座，演示如何通过 SGLang 完成模型下载、服务启动与客户端调用。', '基座', ['foundation-model']],
    // prompting basics is prompt engineering; the causative "prompting researchers" is not (awesome-generative-ai-guide: journeys/use, April 2024 papers)
    ['What LLMs are (no math), prompting basics, and using ChatGPT and Claude well.', 'prompting', ['prompt-engineering']],
    ['Existing methods for the alignment problem are unstable, prompting researchers to develop various techniques.', 'prompting', []],
    // review: the causative 'by prompting it/the model' (asking a model) is no prompt engineering; 'techniques for prompting LLMs' is the practice,
    // and so are the 'prompting methods' two sentences after 'prompt engineering' is named in full
    // (awesome-generative-ai-guide: Applied LLMs Mastery week 1 part 2, week 9)
    ['Zero-shot learning and few-shot learning involve instructing the general model either through examples or by prompting it with specific questions of interest. Another concept introduced is domain adaptation, which will be the primary focus in this section. More details about the first two methods will be explored when we delve into the topic of prompting.', 'prompting', []],
    ['During the prompt engineering segment of our course, we explored various techniques for prompting LLMs. These sophisticated methods are essential because providing instructions similar to humans isn\'t suitable for LLMs. An overview of commonly used prompting methods is shown in the image below.', 'prompting', ['prompt-engineering', 'prompt-engineering']],
    // 额外的参数 are model parameters (llm-action: Efficient Training survey)
    ['然而，额外的参数在推理过程中引入了额外的计算和内存开销。', '参数', ['parameter']],
    // 对话助手 is an AI assistant (self-llm: Kimi-VL 对话助手)
    ['本次教程搭建了一个基于 `Kimi-VL-A3B-Thinking` 的前后端分离的对话助手，额外提供了参考代码供学习者参考', '对话助手', ['ai-assistant']],
    // 调整训练目标 changes the objective function; 核心训练目标 is a goal (llm-action: decoding methods; self-llm: Qwen1.5 LoRA 微调)
    ['在 [Welleck 等人 (2019)](https://arxiv.org/pdf/1908.04319.pdf) 的论文中，作者表明，根据人类评估，在调整训练目标后，波束搜索相比 *Top-p* 采样能产生更流畅的文本。', '训练目标', ['objective-function']],
    ['即我们的核心训练目标是让模型具有理解并遵循用户指令的能力。', '训练目标', []],
  ];
  itSenses(cases);
});
