import { itSenses } from './helpers';

/**
 * English surfaces the dev halves reported wrongly or missed (round 14): real sentences from ../shared/corpus (none
 * from the held-out notes), with the built-in glossary. Each fix has its wrong use and a right use that must stay.
 */
describe('senses of English surfaces, round 14 (dev wrong reports and misses)', () => {
  const cases: [string, string, string[]][] = [
    // "Parameter-efficient Transfer Learning" is PEFT's long name, not transfer learning
    // (llm-action: 大模型参数高效微调技术原理综述（一）)
    ['因此，近年来研究者们提出了各种各样的参数高效迁移学习方法（Parameter-efficient Transfer Learning），即固定住Pretrain Language model（PLM）的大部分参数，仅调整模型的一小部分参数来达到与全部参数的微调接近的效果。', 'Parameter-efficient Transfer Learning', ['peft']],
    ['因此，近年来研究者们提出了各种各样的参数高效迁移学习方法（Parameter-efficient Transfer Learning），即固定住Pretrain Language model（PLM）的大部分参数，仅调整模型的一小部分参数来达到与全部参数的微调接近的效果。', 'Transfer Learning', []],
    // awesome-generative-ai-guide: 60_gen_ai_questions (plain transfer learning stays)
    ['2. **Transfer Learning:** Leveraging pre-trained models trained on larger datasets can provide a valuable initialization for the generative model.', 'Transfer Learning', ['transfer-learning']],
    // the Chinchilla paper title "Training Compute-Optimal LLMs" is no compute budget (awesome-generative-ai-guide:
    // ai-product-manager resources)
    ['- [Training Compute-Optimal LLMs (Chinchilla scaling, 2022)](https://arxiv.org/abs/2203.15556)', 'Training Compute', []],
    // prompt embedding / prompt 参数 in prompt tuning are the soft prompt (llm-action: 千帆大模型平台, 大模型实践总结)
    ['| Prompt Tuning | 在固定预训练大模型本身的参数的基础上，增加prompt embedding参数，并且训练过程中只更新prompt参数。 |', 'prompt embedding', ['soft-prompt']],
    ['| Prompt Tuning | 在固定预训练大模型本身的参数的基础上，增加prompt embedding参数，并且训练过程中只更新prompt参数。 |', 'embedding', []],
    ['| Prompt Tuning | 在固定预训练大模型本身的参数的基础上，增加prompt embedding参数，并且训练过程中只更新prompt参数。 |', 'prompt参数', ['soft-prompt']],
    ['P-Tuning将Prompt转换为可以学习的Embedding层，并用MLP+LSTM的方式来对prompt embedding进行一层处理。', 'prompt embedding', ['soft-prompt']],
    // a chat template's generation prompt (add_generation_prompt) is no prompt (self-llm: Qwen3.5 LoRA, MiniCPM5 LoRA)
    ['我们定义一个预处理函数 `process_func`：对每条样本，分别对「前缀（system + user，带 generation prompt）」和「完整对话」进行 tokenize。', 'prompt', []],
    ['> **注意一个细节**：MiniCPM5 的模板在「带 generation prompt」时会追加占位。', 'prompt', []],
    // "prompts 模板" is a prompt template (llm-action: 大模型国产化适配4)
    ['下面使用 alpaca_converter.py 脚本添加 prompts 模板，同时，转换为多轮对话格式。', 'prompts 模板', ['prompt-template']],
    ['下面使用 alpaca_converter.py 脚本添加 prompts 模板，同时，转换为多轮对话格式。', 'prompts', []],
    // the note's own order "Qwen2.5-7B-Coder" is Qwen2.5-Coder, not Qwen2.5 (self-llm: Qwen2.5-Coder LoRA SwanLab)
    ['1. 下载并加载Qwen2.5-7B-Coder-Instruct模型', 'Qwen2.5-7B-Coder', ['qwen-coder']],
    // batch in Chinese sentences without an English cue (self-llm: Atom LoRA, BGE-M3 finetune)
    ['为了对每一个 batch 的数据进行动态补齐，避免造成资源浪费，我们没有在生成函数中进行补齐操作，因此我们需要定义一个自定义采样函数。', 'batch', ['batch']],
    ['我们可以理解成交叉熵损失将 embedding 学习转换为分类问题，也就是在一个 batch 内，将每个查询与他对应的正确文档匹配看作分类任务。', 'batch', ['batch']],
    // second reader: content generation prompts are prompts (research_updates 2024 july_list); the chat template's 带 generation prompt is not (self-llm)
    ['that these models could indeed generate unsafe videos, we choose unsafe content generation prompts collected from 4chan and Lexica, and three open-source SOTA models to generate videos.', 'prompts', ['prompt']],
    // the usual title case of the PEFT paper (written for the test); the warmup of a paper beside another paper's
    // learning-rate budget is no learning-rate warmup (research_updates 2026 may_list, two rows joined)
    ['- Parameter-Efficient Transfer Learning for NLP (2019)', 'Parameter-Efficient Transfer Learning', ['peft']],
    ['A textual learning-rate budget. To stabilize this deep recurrence for language modeling, we introduce MagicNorm and warmup deep credit assignment.', 'warmup', []],
    // an autoregressive language / sequence model is an autoregressive model (llm-action: 大模型压缩综述;
    // awesome-generative-ai-guide: rag_research_table)
    ['GKD: Generalized Knowledge Distillation for Auto-regressive Sequence Models', 'Auto-regressive Sequence Models', ['autoregressive-model']],
    ['This paper introduces RETRO, a Retrieval-Enhanced Transformer, which enhances auto-regressive language models by conditioning on document chunks retrieved from a massive corpus.', 'auto-regressive language models', ['autoregressive-model']],
    // bare warmup is learning-rate warmup only next to the learning rate (self-llm: Kimi-VL 技术报告解读); an engine's
    // profiling warmup (self-llm: Qwen3.5-4B vLLM) and a warmup training run (llm-action: LESS) stay out
    ['在第一个阶段（32K）中，学习率从 2 × 10⁻⁵ 衰减至 2 × 10⁻⁶；在第二阶段（128K）中，先将学习率重新升温（warmup）至 1 × 10⁻⁵，最终再衰减至 1 × 10⁻⁶。', 'warmup', ['learning-rate-warmup']],
    ['> 说明：首次启动会触发 `torch.compile` 编译与 profiling warmup（实测初始化耗时约 286s），编译结果会缓存到 `~/.cache/vllm/`，后续启动会更快。', 'warmup', []],
    ['- 我们使用 LoRA 来有效地进行 warmup 训练，有利于后续获得有用的梯度特征。', 'warmup', []],
  ];
  itSenses(cases);
});
