import { itSenses } from './helpers';

/**
 * Session 13, coverage: new built-in entries for general concepts the notes lean on (drafts/s13/cov-drafts.yaml)
 * and the aliases of scripts/senses-15-cov.json. Real sentences from ../shared/corpus (never the held-out notes):
 * each row says what a surface must resolve to, and a few say where it must stay unmatched.
 */
describe('session-13 coverage entries on real sentences', () => {
  const cases: [string, string, string[]][] = [
    // general concepts (llm-action: vLLM 源码, Kimi-VL, autoregressive decoding, Galvatron, FlexFlow, LLM-QAT, slurm)
    ['- sliding_window：KV缓存的滑动窗口大小。不能与启用前缀缓存一起使用。', '滑动窗口', ['sliding-window']],
    ['**原生多模态能力**：Llama 4 采用了**early fusion**，将文本和视觉 tokens 集成到统一的模型骨干中，从而实现了对多模态输入的更连贯理解。', '模型骨干', ['backbone-network']],
    ['也就是说，我们可以通过简单的矩阵加法，将适配器的权重融合进主干网络，从而得到一个新的权重矩阵。', '主干网络', ['backbone-network']],
    ['Across multiple LLM backbones, EmbedFilter improves zero-shot downstream performance.', 'LLM backbones', ['backbone-network']],
    ['- 从当前文本+图像处理，扩展至**音频、视频、3D场景**的跨模态统一建模，实现“感知-推理-生成”一体化。', '跨模态', ['multimodal']],
    ['**如何选择一款分布式训练框架**？', '分布式训练框架', ['training-framework']],
    ['此外，通过 ms-swift 训练框架的无缝集成，可一键发起评测，实现了模型训练到评测的全链路支持。', '训练框架', ['training-framework']],
    ['**Online: guardrails vs the improvement flywheel.** Live evaluation does two different jobs, and conflating them is a common mistake.', 'improvement flywheel', ['data-flywheel']],
    ['Qwen2.5 模型总体上对各种system prompt更具适应性，增强了角色扮演实现和聊天机器人的条件设置功能。', '角色扮演', ['llm-role-play']],
    ['比如，如果我们的目标是通过大量人物的对话数据微调得到一个能够 role-play 甄嬛对话风格的模型，因此在该场景下的数据示例如下：', 'role-play', ['llm-role-play']],
    ['贪心搜索在每个时间步都简单地选择概率最高的词作为当前输出词，如下图所示。', '时间步', ['time-step']],
    ['3. **Output Generation**: The current state is used to generate an output at the current time step.', 'time step', ['time-step']],
    ['为了高效地搜索如此庞大的搜索空间，我们首先提出了以下观察作为指导：', '搜索空间', ['search-space']],
    ['Long tasks need context management, memory, and planning. Reasoning models changed how agents plan.', 'context management', ['context-management']],
    ['**开放域文本生成**的研究人员最近提出了几个理由来说明对该领域而言**波束搜索可能不是最佳方案**:', '开放域文本生成', ['open-ended-text-generation']],
    ['我们已经看到**波束搜索已被证明存在重复生成的问题**。在故事生成这样的场景中，很难用 n-gram 或其他惩罚来控制。', '故事生成', ['story-generation']],
    ['Compute Node：计算节点，运行作业计算任务的节点，需运行slurmd服务。', '计算节点', ['compute-node']],
    ['本节介绍执行优化器，它以运算符图和设备拓扑作为输入，并自动找到有效的并行化策略。', '设备拓扑', ['device-topology']],
    ['有趣的是，我们观察到合并注意力蒸馏或隐藏层蒸馏实际上会阻碍性能。', '注意力蒸馏', ['attention-distillation']],
    // agents, safety and serving (awesome-generative-ai-guide: interview prep, securing agentic AI, OpenClaw day 6 learn)
    ['- You quantify: rough token counts, an approximate cost per query, a latency budget split across stages, a caching strategy.', 'latency budget', ['latency-budget']],
    ['- Can you name the RAG triad and how you would evaluate a RAG system?', 'RAG triad', ['rag-triad']],
    ['- Agent that normally calls a database tool 50 times per day suddenly calls it 500 times (possible data exfiltration)', 'data exfiltration', ['data-exfiltration']],
    ['- **Input sanitization**: stripping or flagging suspicious content before it reaches the model.', 'Input sanitization', ['input-sanitization']],
    ['- Output filtering to catch harmful generations before they\'re returned', 'Output filtering', ['output-filtering']],
    ['"Design a private, VPC-deployed RAG system for a healthcare customer with HIPAA constraints over 50 million documents."', 'HIPAA', ['hipaa']],
    // quantization and parallel systems (llm-action: ZeroQuant, ZeroQuant(4+2), LLM-QAT, MindIE, Alpa, 飞桨自动并行, PyTorch Pipe)
    ['- 稀疏量化w8a8sc仅支持在300I DUO上使用', '稀疏量化', ['sparse-quantization']],
    ['300I DUO 和 800I A2 上，单机多用户场景下，由于通信算子之间采用共享内存进行通信，每个用户需要配置如下环境变量。', '通信算子', ['communication-operator']],
    ['和 LSQ（Esser 等人，2019），用于基于裁剪的激活量化的可学习缩放因子。', 'LSQ', ['learned-step-size-quantization']],
    ['分组权重矩阵量化首先在Q-BERT中提出，其中权重矩阵被划分为 g 个组，每个组单独量化。', 'Q-BERT', ['q-bert']],
    ['选择 FP6 而不是 INT6 是由两个关键因素驱动的：首先，FP 格式简化了转换过程，因为最终计算通常使用 FP16 或 BF16 执行。', 'INT6', ['int6']],
    ['这种量化方法不仅缩小了 FP5 和 INT4 的性能差距，而且在处理不同任务时表现出鲁棒性。', 'FP5', ['fp5']],
    ['已有并行工作的局限：要么被限制在单个并行方法 (PipeDream)，要么依赖于对模型和集群规格的强假设 (DAPPLE, Tofu)。', 'DAPPLE', ['dapple']],
    ['算子内并行：切分了tensor维度的并行方式，包括数据并行和算子并行', '算子并行', ['intra-operator-parallelism']],
    ['首先，介绍分布式张量所包括的三个方面信息：', '分布式张量', ['dtensor']],
    ['PaddleFleetX 是具备易用性和高性能的一个端到端的一站式大模型套件，支持自动并行功能。', 'PaddleFleetX', ['paddlefleetx']],
    ['我们需要初始化 RPC 框架，因为 Pipe 通过 RRef 依赖于 RPC 框架，这允许将来扩展到跨主机流水线。', 'RPC', ['remote-procedure-call', 'remote-procedure-call']],
    // Ascend stack (llm-action: 大模型国产化适配1-华为昇腾AI全栈软硬件平台总结)
    ['- **昇腾计算语言**（Ascend Computing Language，AscendCL）接口是昇腾计算开放编程框架，提供算子开发接口TBE、标准图开发接口AIR、应用开发接口。', 'AscendCL', ['ascendcl']],
    ['- **昇腾计算语言**（Ascend Computing Language，AscendCL）接口是昇腾计算开放编程框架，提供算子开发接口TBE、标准图开发接口AIR、应用开发接口。', 'TBE', ['tensor-boost-engine']],
    ['- Ascend 310只能用作推理，MindSpore支持在Ascend 910训练，训练出的模型要转化为OM模型用于Ascend 310上进行推理。', 'OM模型', ['om-model']],
    ['- **Modelarts：** ModelArts 是面向开发者的一站式 AI 平台，提供大规模分布式训练和端-边-云模型按需部署能力。', 'ModelArts', ['modelarts']],
    ['可以看到，昇腾针对ChatGLM、OpenLLaMA等开源大模型进行了一些适配，不过不太稳定，运行还有一些问题。', 'OpenLLaMA', ['openllama']],
    // models, data sets and products (self-llm: Kimi-VL, Llama4, Qwen3-VL LaTeX OCR; llm-action: 数据集格式)
    ['Kimi-VL的视觉编码器MoonViT允许原生分辨率处理，无需复杂的切割拼接操作，直接处理不同分辨率的视觉输入。', '原生分辨率', ['native-resolution']],
    ['Llama4 的 vision encoder 基于 MetaClip 进行了改进，其与冻结的 Llama 模型单独训练，以更好地适配LLM encoder', 'MetaClip', ['metaclip']],
    ['4. human_handwrite 是手写体较小数据集，更符合人类在电子屏上的手写体。主要来源于 CROHME。', 'CROHME', ['crohme']],
    ['MSAgent-Bench数据集主要包括了四种：AI模型API，通用API，API无关通用sft数据，API检索增强数据', 'MSAgent-Bench', ['msagent-bench']],
    ['- ToC应用：以对话助手、娱乐型AIGC为核心，覆盖写作、灵感激发、教育辅导等轻量场景。', '对话助手', ['ai-assistant']],
    ['此时可以在控制台直接与模型对话。', '对话', ['dialogue']],
    ['- `chat completions`：是面向对话的任务，模型需要理解和生成对话。这种类型的任务通常用于构建聊天机器人或者对话系统。', '对话', ['dialogue', 'dialogue']],
    ['最后，进行了轻量级的 DPO 来处理与模型响应质量相关的边缘情况，有效地在模型的智能和对话能力之间取得了良好的平衡。', '对话', ['dialogue']],
    ['### 全量化\n\nZeroQuant-FP（论文：ZeroQuant-FP: A Leap Forward in LLMs Post-Training W4A8 Quantization Using Floating-Point Formats）探索了浮点（FP）量化的适用性。', '全量化', ['activation-quantization']],
    ['Furthermore, instead of standard raw-text pretraining, we train exclusively on instruction-response pairs using a task-completion objective and PrefixLM masking.', 'masking', ['masking']],
    ['Perplexity gives you a direct, answer-like response with sources — instead of a page of links.', 'Perplexity', ['perplexity-ai']],
    ['- **Part 9 — Real-world systems:** How Perplexity, NotebookLM, and DeepResearch likely use these patterns in different ways.', 'Perplexity', ['perplexity-ai']],
    ['First, we leverage the new FP4 Tensor Cores in Blackwell GPUs to accelerate attention computation.', 'Blackwell', ['blackwell-architecture']],
    // ... and where the new names must stay unmatched or keep their old meaning
    ['1. **Perplexity**: Measures how well the model predicts a sample of text.', 'Perplexity', ['perplexity']],
    ['- 实验硬件：8 张 NVIDIA RTX PRO 6000 Blackwell Server Edition 96GB 显卡', 'Blackwell', []],
    ['PyTorch 分析器是通过上下文管理器启用的，它接受许多参数，其中一些最有用的是：', '上下文管理', []],
    ['之后在 FP6 和位掩码“0x1f1f1f1f”之间进行“与”，然后通过按位运算“或”复制到 FP16。', '掩码', []],
    ['**How it runs.** 45 minutes. An interviewer role-plays a stakeholder: a skeptical CFO, a frustrated business owner, or a non-technical board member.', 'role-plays', []],
    ['The loop is the backbone everything hangs off.', 'backbone', []],
    // bare 对话 in everyday prose (a character's lines, a chat turn) is not looked up: only its compounds name the entry
    ['我们的目标是构建一个能够模拟甄嬛对话风格的个性化 LLM，因此我们构造的指令形如：', '对话', []],
    ['通过滑动条调整的参数会立即生效，并应用于下一次对话中。', '对话', []],
    ['[`code/`](code/) is a small, provider-agnostic LangGraph implementation of this architecture (minus the scale pieces): extraction with a per-field confidence, a verification gate with a confidence floor, PII masking at the boundary, a deterministic underwriting policy.', 'PII masking', []],
    ['The rapid development of large language and vision models (LLVMs) has been driven by advances in visual instruction tuning.', 'LLVMs', []],
    ['Furthermore, we discuss how such techniques can be combined or adapted when appropriate, highlighting their advantages and underlying rationale.', 'rationale', []],
  ];
  itSenses(cases);
});
