import * as assert from 'node:assert/strict';
import { scanDocument } from '../../src/core/scanner';
import { compiledBuiltin, itSenses } from './helpers';

/**
 * English surfaces the dev halves reported wrongly (round 13): real sentences from ../shared/corpus (none from the
 * held-out notes), with the built-in glossary. Each fix has its wrong use and a right use that must stay.
 */
describe('senses of English surfaces, round 13 (dev wrong reports)', () => {
  const builtin = compiledBuiltin().alone!;
  const RAG_INDEXING = [
    // awesome-generative-ai-guide: week4_RAG (a retrieval section, so agent-memory cues are all around)
    '### **2. Better Indexing Strategies**',
    '',
    'Improved indexing allows for more efficient search and retrieval of information. When chunks of data are properly indexed, it becomes easier to locate and retrieve specific pieces of information quickly. Some improved strategies include:',
    '',
    '1. **Detailed Indexing:** Chunks through sub-parts (e.g., sentences) and assigns each chunk an identifier based on its position and a feature vector based on content. Provides specific context and accuracy but requires more memory and processing time.',
  ].join('\n');
  const cases: [string, string, string[]][] = [
    // vocabulary: the everyday word (a field's words) is no tokenizer vocabulary (awesome-generative-ai-guide)
    ['- [Generative AI Genius](../../../free_courses/generative_ai_genius/README.md): a broad, plain-language grounding in generative AI for those coming from a business background. Builds the vocabulary you need to translate for stakeholders.', 'vocabulary', []],
    ['ChartQA: Contains machine-generated questions based on chart summaries, focusing on complex reasoning tasks that existing datasets often overlook due to their reliance on template-based questions and fixed vocabularies.', 'vocabularies', []],
    ['Foundational anchors that define the vocabulary interviewers use:', 'vocabulary', []],
    ['The RL policy is the LM that takes in a prompt and produces text, with actions corresponding to tokens in the LM\'s vocabulary.', 'vocabulary', ['vocabulary']],
    ['Cross-entropy measures the difference between the predicted probability distribution over the vocabulary and the actual distribution (where the actual word has a probability of 1, and all others are 0).', 'vocabulary', ['vocabulary']],
    // open-vocabulary detection is another idea (awesome-generative-ai-guide: research updates)
    ['Experimental results on fine-grained image classification, few-shot object detection, reasoning grounding, as well as open-vocabulary object detection benchmarks show the competitive performance.', 'vocabulary', []],
    // safety: the users' safety is no AI safety (awesome-generative-ai-guide: week1_part1_foundations)
    ['- LLMs can be utilized for content moderation by analyzing text and identifying potentially inappropriate or harmful content. This helps in maintaining a safe and respectful online environment by automatically flagging or filtering out content that violates guidelines, ensuring user safety.', 'safety', []],
    ['With WildTeaming we create WildJailbreak, a large-scale open-source synthetic safety dataset with 262K vanilla (direct request) and adversarial (complex jailbreak) prompt-response pairs.', 'safety', ['ai-safety']],
    // memory: computer memory, a model's own memory, virtual memory are no agent memory
    [RAG_INDEXING, 'memory', []],
    // awesome-generative-ai-guide: openclaw day-07 (an agent course)
    ['"What changed this week in AI agents?" or "What are people saying about this product launch?" are live questions. Model memory alone is not enough there. The search tool is what turns your Claw into something useful on moving topics.', 'memory', []],
    // llm-action: 大模型国产化适配1-华为昇腾AI全栈软硬件平台总结
    ['- **昇腾计算基础层**主要为其上各层提供基础服务，如共享虚拟内存（Shared Virtual Memory，SVM）、设备虚拟化（Virtual Machine，VM）、主机-设备通信（Host Device Communication，HDC）等。', 'Memory', []],
    ['As research on agent memory rapidly expands and attracts unprecedented attention, the field has also become increasingly fragmented.', 'agent memory', ['agent-memory']],
    ['While recent advances in native agent models have shown promise by unifying perception, reasoning, action, and memory through end-to-end learning, open problems remain.', 'memory', ['agent-memory']],
    // on policy: "a constraint on policy shift" is no on-policy learning (awesome-generative-ai-guide: week3_finetuning_llms)
    ['The reward function, derived from the preference model and a constraint on policy shift, guides the fine-tuning.', 'on policy', []],
    ['However, rising popularity in offline alignment algorithms challenge the need for on-policy sampling in RLHF.', 'on-policy', ['on-policy']],
    // "Direct Policy Optimization" is the note's name for DPO, not policy optimization (week3_finetuning_llms)
    ['Direct Policy Optimization (DPO) takes a straightforward path, sidestepping the need for a complex reward model.', 'Policy Optimization', []],
    ['Direct Policy Optimization (DPO) takes a straightforward path, sidestepping the need for a complex reward model.', 'DPO', ['dpo']],
    ['This work makes three contributions: (1) We propose Variance-Aware Sampling (VAS), a data selection strategy that combines outcome variance and trajectory diversity to promote reward variance and stabilize policy optimization.', 'policy optimization', ['policy-optimization']],
    // insurance agents are people (awesome-generative-ai-guide: 02_model_vs_product_evaluations)
    ['Suppose you\'re building an AI system to help insurance agents process claims.', 'agents', []],
    ['This approach signifies the beginning of a new era in scientific discovery in machine learning: bringing the transformative benefits of AI agents to the entire research process of AI itself.', 'AI agents', ['ai-agent']],
    // a tool you open and close is an app (awesome-generative-ai-guide: openclaw FAQ); an agent's external tools stay
    ['An agent that runs continuously, reads your email, and sends messages on your behalf has a larger attack surface than a tool you open and close.', 'tool', []],
    ['Models could now decide to use external tools as part of answering a request: run a search, execute code, call an API, write a file.', 'tool', ['tool']],
    // longer names win over the short one inside them
    // llm-action: 大模型压缩综述 (a paper title) and awesome-generative-ai-guide: research updates
    ['Specializing Smaller Language Models towards Multi-Step Reasoning', 'Smaller Language Models', ['small-language-model']],
    ['To address this, recent works have focused on distilling reasoning capabilities into smaller language models (sLMs) using chain-of-thought (CoT) traces from teacher LLMs.', 'smaller language models', ['small-language-model']],
    // awesome-generative-ai-guide: fine-tuning resources; interview prep
    ['Adapting a base model to your task: full fine-tuning, parameter-efficient methods (LoRA, PEFT), quantization, and RLHF.', 'parameter-efficient methods', ['peft']],
    ['Parameter-efficient methods like LoRA make it far cheaper than full fine-tuning and are the sensible default.', 'Parameter-efficient methods', ['peft']],
    // awesome-generative-ai-guide: week6_llm_evaluation
    ['The [Hugging Face OpenLLM Leaderboard](https://huggingface.co/spaces/HuggingFaceH4/open_llm_leaderboard) features an array of datasets and tasks used to assess foundational models and chatbots.', 'Hugging Face OpenLLM Leaderboard', ['open-llm-leaderboard']],
    // awesome-generative-ai-guide: genai_roadmap
    ['Post-training: supervised fine-tuning, preference optimization (DPO), and reinforcement learning on verifiable rewards (GRPO).', 'reinforcement learning on verifiable rewards', ['rlvr']],
    // llm-action: mindid-1.0-offical, LLM-QAT
    ['- Page Attention的启动脚本路径为`${llm_path}/examples/run_pa.py`', 'Page Attention', ['pagedattention']],
    ['我们考虑三种训练后量化（PTQ）方法：round-to-nearest（RTN）、GPT-Q 和 SmoothQuant 作为基线。', 'GPT-Q', ['gptq']],
    // llm-action: llm-inference-blog, autoregressive-lm-decoding-methods
    ['HuggingFace Transformers 库中，KV Cache 是随着执行动态申请显存空间。', 'HuggingFace Transformers 库', ['hugging-face-transformers']],
    ['Huggingface Transformers 库自回归模型文本生成类GenerationMixin的generate() 方法参数详解', 'Huggingface Transformers 库', ['hugging-face-transformers']],
    // Perplexity the search product is not the metric but its own entry, perplexity-ai (session 13 coverage) (awesome-generative-ai-guide: agentic_ai_crash_course part9, part10)
    ['Perplexity gives you a direct, answer-like response with sources — instead of a page of links.', 'Perplexity', ['perplexity-ai']],
    ['- **Part 9 — Real-world systems:** How Perplexity, NotebookLM, and DeepResearch likely use these patterns in different ways.', 'Perplexity', ['perplexity-ai']],
    // awesome-generative-ai-guide: week6_llm_evaluation; interview_prep 60_gen_ai_questions; llm-action: llm-eval README
    ['1. Perplexity: Measures how well the LLM predicts a sample of text. Lower perplexity values indicate better performance.', 'Perplexity', ['perplexity']],
    ['Over-reliance on perplexity can be problematic because it primarily measures how well a model predicts the next word in a sequence.', 'perplexity', ['perplexity']],
    ['语言模型的效果好坏的常用评价指标是困惑度(perplexity)，在一个测试集上得到的perplexity 越低，说明建模的效果越好。', 'perplexity', ['perplexity', 'perplexity']],
    // SAM: sharpness-aware minimization by its cues, else Segment Anything (llm-action: A Survey on Efficient Training of Transformers; research updates)
    ['为了提高 Transformers 的泛化能力，锐度感知最小化（SAM）[28]寻求基于损失景观的几何形状与泛化之间的联系，同时最小化损失值和损失锐度，即，更平坦的最小值往往会提高泛化能力。以下工作 [17] 将 SAM 应用到 Transformer，通过平滑损失表面观察到显着的精度增益。然而，SAM 需要解决双层最小-最大优化问题，这几乎使训练时间增加了一倍。', 'SAM', ['sharpness-aware-minimization', 'sharpness-aware-minimization', 'sharpness-aware-minimization']],
    ['SAM 3 doubles the accuracy of existing systems in both image and video PCS, and improves previous SAM capabilities on visual segmentation tasks.', 'SAM', ['segment-anything-model', 'segment-anything-model']],
    // ReAct's expansion in a title (awesome-generative-ai-guide: interview resources)
    ['- [ReAct: Reasoning and Acting in LLMs (2022)](https://arxiv.org/abs/2210.03629)', 'Reasoning and Acting', ['react']],
    // tool parameters are a tool's arguments (awesome-generative-ai-guide: openclaw day-07); model parameters stay
    ['- OpenClaw\'s [`Web Search`](https://docs.openclaw.ai/tools/web-search) page shows the provider model and tool parameters.', 'parameters', []],
    ['LoRA reduces the number of trainable parameters and memory usage while achieving comparable performance.', 'parameter', ['parameter']],
    // bare one-shot is no name: in the corpus it is a single pass (agentic_ai_crash_course part9; research updates)
    ['4. **Agentic RAG** — Not one-shot retrieval — fetches, reflects, re-fetches as task evolves.', 'one-shot', []],
    ['To mitigate this, we propose an effective method of finding Pareto-optimal network architectures based on LLaMA2-7B using one-shot NAS.', 'one-shot', []],
    ['This enables MiniMax-Speech to produce highly expressive speech with timbre consistent with the reference in a zero-shot manner, while also supporting one-shot voice cloning with exceptionally high similarity to the reference voice.', 'one-shot', []],
    // SVM here is Shared Virtual Memory (llm-action: 大模型国产化适配1); the machine-learning SVM stays (self-llm)
    ['- **昇腾计算基础层**主要为其上各层提供基础服务，如共享虚拟内存（Shared Virtual Memory，SVM）、设备虚拟化（Virtual Machine，VM）、主机-设备通信（Host Device Communication，HDC）等。', 'SVM', []],
    ['与传统机器学习（如SVM、决策树）需要人工设计特征不同，深度学习通过多层网络**自动学习特征**', 'SVM', ['svm']],
    // transformers, the library (self-llm: 02-Atom-7B-Chat Lora 微调; 09-Qwen3-1.7B 医学推理式对话微调); the architecture stays
    ['微调参数众多，transformers 提供了众多参数的解析，我们需要额外定义一个参数解析类，解析 transformers 没有提供的、用于 Lora 微调的参数解析：', 'transformers', ['hugging-face-transformers', 'hugging-face-transformers']],
    ['这里直接使用SwanLab和Transformers的集成来实现，更多用法可以参考[官方文档](https://link.zhihu.com/?target=https%3A//docs.swanlab.cn/zh/guide_cloud/integration/integration-huggingface-transformers.html)：', 'Transformers', ['hugging-face-transformers']],
    ['- **Linear Time Processing**: Unlike Transformers, which suffer from computational and memory costs that scale quadratically with sequence length, Mamba operates in linear time.', 'Transformers', ['transformer']],
    // second reader: the search product beside evaluation words is still not the metric (research_updates, March 2025)
    ["We introduce Open Deep Search (ODS) to close the increasing gap between the proprietary search AI solutions, such as Perplexity's Sonar Reasoning Pro and OpenAI's GPT-4o Search Preview, and their open-source counterparts.", 'Perplexity', ['perplexity-ai']],
  ];
  itSenses(cases);
  it('the short names inside the longer ones are not reported there', () => {
    const ids = (text: string) => scanDocument(text, builtin).occurrences.map((o) => o.entryId);
    assert.ok(!ids('Specializing Smaller Language Models towards Multi-Step Reasoning').includes('language-model'));
    assert.ok(!ids('The [Hugging Face OpenLLM Leaderboard](https://huggingface.co/spaces/x) features an array of datasets.').includes('hugging-face'));
    assert.ok(!ids('Huggingface Transformers 库自回归模型文本生成类的generate() 方法参数详解').includes('hugging-face'));
    assert.ok(!ids('我们考虑三种训练后量化（PTQ）方法：round-to-nearest（RTN）、GPT-Q 和 SmoothQuant 作为基线。').includes('gpt'));
    assert.ok(!ids('- [ReAct: Reasoning and Acting in LLMs (2022)](https://arxiv.org/abs/2210.03629)').includes('reasoning'));
    assert.ok(!ids('Post-training: supervised fine-tuning, preference optimization (DPO), and reinforcement learning on verifiable rewards (GRPO).').includes('reward'));
  });
});
