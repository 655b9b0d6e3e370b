import { itSenses } from './helpers';

/**
 * Chinese short forms of an entry used after or beside its full form (session 14, scripts/senses-18-shortzh.json):
 * 秩 for the LoRA rank, 缩放 for the LoRA scaling alpha / r, 服务 for model serving, 摘要 for summarization,
 * 自回归 for an autoregressive model, 实体 for a named entity, 架构 for a model's architecture, 多任务 for multi-task
 * learning, 压缩 for model compression, 分片 for parameter sharding, 混合架构 for hybrid
 * attention, 初始化尺度 (a compound of 初始化) for weight initialization. Real sentences from ../shared/corpus
 * (source note in each comment); each surface has right uses and at least two uses it must leave alone.
 */
describe('senses of the built-in glossary: Chinese short forms after their full form (18)', () => {
  const cases: [string, string, string[]][] = [
    // 秩 beside LoRA is the LoRA rank (self-llm: Qwen3 05-Qwen3-8B-LoRA, Qwen3-VL LaTexOCR; llm-action: PEFT 综述五) …
    ['- `r`：`LoRA` 的秩，决定了低秩矩阵的维度，较小的 `r` 意味着更少的参数', '秩', ['lora-rank']],
    ['r=128: 这是 LoRA 的 秩 rank。', '秩', ['lora-rank']],
    ['# LoRA\n\n那么关于秩的选择，通常情况下，rank为4，8，16即可。', '秩', ['lora-rank']],
    // … but not inside 低秩 / 满秩, even in a LoRA section (llm-action: A Survey on Efficient Training; PEFT 综述五)
    ['代表性工作LoRA[39]将自注意力权重的更新近似为两个低秩矩阵。以下工作 DOTA [71] 使用低秩变换和低精度计算来识别注意力中不重要的连接。', '秩', []],
    ['# LoRA\n\n神经网络包含很多全连接层（线性层），其借助于矩阵乘法得以实现，然而，很多全连接层的权重矩阵都是满秩的。', '秩', []],
    // 缩放 in a LoraConfig section is the LoRA scaling (self-llm: 05-Qwen2.5-7B-Instruct Lora 微调; DeepSeek-V4-Flash-LoRA) …
    ['## 定义 LoraConfig\n\n- `r`：`lora`的秩，具体可以看 `Lora`原理\n\n`Lora`的缩放是啥嘞？当然不是 `r`（秩），这个缩放就是 `lora_alpha/r`, 在这个 `LoraConfig`中缩放就是 4 倍。', '缩放', ['lora-alpha', 'lora-alpha', 'lora-alpha']],
    ['本文配置的 LoRA 缩放系数为 `lora_alpha / r = 2`。', '缩放', ['lora-alpha']],
    // … not a scaling function, linear scaling of the batch size, scaling with data size or a RoPE scaling factor
    // (llm-action: A Survey on Efficient Training; lmdeploy/服务启动参数)
    ['代表性工作LoRA[39]将自注意力权重的更新近似为两个低秩矩阵。\n\n其中 η、wan 和 γ 是时间步 t 时第 i 层的学习率、参数和基于动量的梯度，φ 是缩放函数。', '缩放', []],
    ['对于DP来说，随着可用worker的增加，batch size接近线性缩放。', '缩放', []],
    ['理论，即如果配备了卓越的数据修剪指标，测试误差随数据集大小的缩放可以突破幂缩放定律。', '缩放', []],
    ['Rope缩放因子。默认值：0.0。类型： 浮点数', '缩放', []],
    // 服务 in a vLLM / FastAPI deployment is model serving (self-llm: Hunyuan-A13B vLLM, Hunyuan-A13B vLLM with the compound 服务框架, Qwen2 FastApi) …
    ['我们通过上述 vLLM 启动的服务兼容 OpenAI 接口，因此可以通过 Python 的 OpenAI 库进行调用。', '服务', ['model-serving']],
    ['`vLLM` 是一个高性能的大语言模型推理与服务框架，具备以下特点：', '服务', ['model-serving']],
    ['在终端输入以下命令启动api服务：', '服务', ['model-serving']],
    // … not a server, a verb, or a Streamlit web page (self-llm: Qwen3.5-4B vLLM; llm-action: 大模型国产化适配1; self-llm: Qwen2.5-Coder WebDemo)
    ['默认会在 `http://localhost:8000` 启动服务器，实现模型列表、`completions` 和 `chat completions` 端口。', '服务', []],
    ['异构计算架构（CANN）是对标英伟达的CUDA + CuDNN的核心软件层，对上支持多种AI框架，对下服务AI处理器。', '服务', []],
    ['在终端中运行以下命令，启动streamlit服务，`server.port`可以更换端口', '服务', []],
    // 摘要 as a task is summarization (llm-action: autoregressive-lm-decoding-methods; ZeroQuant(4+2) with the compound 摘要任务) …
    ['在机器翻译或摘要等任务中，因为所需生成的长度或多或少都是可预测的，所以波束搜索效果比较好。', '摘要', ['text-summarization']],
    ['基于之前围绕 INT4 量化相关挑战和局限性的讨论，特别是其在代码生成和摘要任务中的不稳定性和低于标准的结果。', '摘要', ['text-summarization']],
    // … not an abstract or a summary version of a report (self-llm: MiniMax-M2 vLLM; MiniMax-M2 SGLang)
    ['## 摘要\n\n本文介绍如何部署模型。', '摘要', []],
    ['# Agent时代大模型应用落地要点的调研报告（摘要版）', '摘要', []],
    // 自回归 describing a model is an autoregressive model (llm-action: 大模型分布式训练并行技术（六）) …
    ['GPT-NeoX-20B 是一个具有 200 亿参数通用的自回归密集型预训练语言模型。', '自回归', ['autoregressive-model']],
    // … not autoregressive sampling or decoding (llm-action: 投机采样; llm-interview/llm-inference)
    ['先科普一下LLM解码时采用的自回归采样，其过程如下：', '自回归', []],
    ['这是大型语言模型推理过程中的常见问题，由大型语言模型的自回归推理方案引起。', '自回归', []],
    // 实体 beside NER words is a named entity (self-llm: 05-Phi-4-Lora 微调 命名实体识别) …
    ['命名实体识别 (NER) 是一种NLP技术，主要用于识别和分类文本中提到的重要信息（关键词）。这些实体可以是人名、地名、机构名、日期、时间、货币值等等。', '实体', ['named-entity']],
    ['信息抽取（Information Extraction）：从非结构化文本中提取结构化的信息，如实体、关系和属性等。', '实体', ['named-entity']],
    // … a bare 实体 without them is left alone: an entity in general, a knowledge-base entity alignment, a DCGM GPU
    // entity (llm-action: NLP task lists; self-llm: MiniMax-M2 SGLang; llm-action: GPU monitoring notes)
    ['关系抽取（Relation Extraction）：从文本中抽取出实体之间的关系或联系。', '实体', []],
    ['  - 面向企业内部知识与合规文档检索；关键是知识库治理（版本、去重、权限）、检索质量（召回/重排/实体对齐）、成本优化。', '实体', []],
    ['表示从 DCGM 查询结果并为所有实体打印结果的频率。', '实体', []],
    // 架构 of a model with its parameters is the model architecture (self-llm: 01-Step-3.5-Flash-vLLM部署教程) …
    ['- **全能应用生态：** 凭借1960亿参数（激活约110亿）的架构优势，在数理逻辑、代码生成及跨模态任务编排中展现出媲美闭源顶尖模型的实力。', '架构', ['model-architecture']],
    // … not a network architecture, a GPU architecture, nor the Transformer architecture itself (llm-action: ai-infra 网络;
    // 2-安装DeepSpeed; PEFT 综述一)
    ['- Spine-Leaf网络架构适用于云计算、大规模数据中心和虚拟化环境，可以提供高效的数据传输和负载均衡。', '架构', []],
    ['上面谈到当前主流大语言模型都是基于  Transformers 架构，下面我们来详细看看 Transformers 架构内部构造。', '架构', []],
    ['要查看 deepspeed 来源构建中包含哪些架构 - 保存日志并搜索 -gencode 参数。', '架构', []],
    ['总之，Transformer 架构的提出，奠定了其作为当前大模型领域主流的算法架构的基础。它不仅让模型能够支持更大的容量，使得模型参数能够轻松突破了上亿。', '架构', []],
    // 多任务 in training is multi-task learning (llm-action: 大模型蒸馏概述) …
    ['Hsieh 等人使用LLM原理作为在多任务框架内训练较小模型的额外指导。', '多任务', ['multi-task-learning']],
    // … not a multi-task benchmark or doing several tasks (llm-action: README; llm-interview)
    ['- [LongBench](https://github.com/THUDM/LongBench)：一个双语（中英文）多任务基准数据集，旨在评估大语言模型的长上下文理解能力。', '多任务', []],
    ['一个模型，可以做多任务，多模态', '多任务', []],
    // 压缩 of weights beside quantization is model compression (llm-action: 大模型量化概述) …
    ['大多数大模型 16-bit 权重真的可以量化到 8-bit 而不太损失精度。但要压缩到 4-bit，精度一般就会有比较大的损失了。', '压缩', ['model-compression']],
    // … not prompt compression, a compressed prefix tree, data compression or video compression (llm-action:
    // llm-interview; SGLang; AI 芯片 notes; sora)
    ['召回的太多容易干扰答案生成，探究一下Lost in the Middle，搞一搞trick，或者用LLMLingua压缩；', '压缩', []],
    ['RadixAttention 将 KV 缓存组织成一棵基数树（压缩前缀树）：', '压缩', []],
    ['FPGA 还是适合用来做智能网卡，也适合做存储编码、压缩、加密等特定算法的加速。AI 大模型还是 ASIC 更在行。', '压缩', []],
    ['方案：VAE Encoder（视频压缩） -> Transform Diffusion （从视频数据中学习分布，并根据条件生成新视频） -> VAE Decoder （视频解压缩）', '压缩', []],
    // 分片 of optimizer states, gradients or weights is parameter sharding (llm-action: 大模型分布式训练并行技术（六）; ZeRO notes) …
    ['而 ZeRO 阶段 2 还会对梯度进行分片，ZeRO 阶段 3 还会对模型权重进行分片。', '分片', ['parameter-sharding', 'parameter-sharding']],
    ['ZeRO-1没有将模型本身进行分片，也没有将Gradient进行分片，而是只将优化器进行分片。', '分片', ['parameter-sharding', 'parameter-sharding', 'parameter-sharding']],
    // … not a GEMM tile or a shard of a data-processing step (llm-action: QoQ量化及QServe推理服务系统; 数据处理 notes)
    ['对于一个m × n × k GEMM 问题，每个线程块通过顺序遍历reduction维度k来计算一个 $t_m × t_n$ 输出分片（tile）。', '分片', []],
    ['执行 ftfy、英语检测并删除少于 128 个标记的文档。 此步骤可以分片并在分片上运行。', '分片', []],
    // 混合架构 of linear and full attention is hybrid attention (self-llm: Qwen3.5-4B vLLM, Qwen3.5-4B LoRA) …
    ['`Qwen3.5-4B` 采用**高效的混合架构**：将 **Gated Delta Network（门控增量网络，一种线性注意力）** 与传统全注意力（Full Attention）层交错堆叠。', '混合架构', ['hybrid-attention']],
    ['> **关于 Qwen3.5 的混合架构**：模型的 32 层中，每 4 层有 3 层是线性注意力（`linear_attn`），1 层是全注意力（`self_attn`）。', '混合架构', ['hybrid-attention']],
    // … not a mixture of experts (self-llm: Qwen3-VL MoE notes; GLM 访谈 notes)
    ['1. Qwen3 VL MoE 的文本部分采用了专家混合架构，共有默认60个专家，每次只激活部分专家（如 top-k=4），还可以控制哪些层使用 MoE； Qwen2 VL 是全连接结构。', '混合架构', []],
    ['*   **从 CoE 架构到 Agent（智能体）生态：** 智谱提出了专家混合架构。未来 1 年的目标是让模型具备更强的**规划、记忆和工具调用能力**。', '混合架构', []],
    // 初始化尺度 is the scale of the weight initialization (self-llm: 01-Llama4-对话助手) …
    ['**MetaP**：设置关键模型超参数，例如每层学习率和初始化尺度。', '初始化', ['weight-initialization']],
    // … other 初始化 stays out (self-llm: MiniMax-M2 vLLM; llm-action: 分布式 notes)
    ['- `--trust_remote_code`：允许加载仓库中的自定义代码（必需，否则部分模型无法正确初始化）。', '初始化', []],
    ['‘gloo://:’：使用Gloo地址和端口进行初始化。', '初始化', []],
  ];
  itSenses(cases);
});
