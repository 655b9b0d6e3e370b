import { itSenses } from './helpers';

/**
 * Kinds of wrong report on the dev halves (session 14, scripts/senses-18-wrong.json), on real sentences from
 * ../shared/corpus (no held-out note), with the built-in glossary. Each row: [a sentence, a surface in it, the
 * entries its uses of that surface get]. Every kind has uses that must no longer be reported (or now go to the
 * longer entry) and uses that must stay.
 */
describe('senses of the built-in glossary: dev wrong reports by kind (18)', () => {
  itSenses([
    // A longer name wins over a shorter entry inside it: "兼容 OpenAI API" is the OpenAI-compatible API, not the
    // OpenAI API itself (self-llm: the vLLM 部署调用 notes' heading; Step-3.5-Flash vLLM 部署教程) …
    ['### 创建兼容 OpenAI API 接口的服务器', '兼容 OpenAI API', ['openai-compatible-api']],
    ['### 创建兼容 OpenAI API 接口的服务器', 'OpenAI API', []],
    ['vLLM 提供了兼容 OpenAI API 的服务接口，可以通过 `vllm serve` 命令快速启动。', '兼容 OpenAI API', ['openai-compatible-api']],
    // … and a free "OpenAI API" stays (self-llm: 07-Qwen1.5-7B-Chat vLLM 推理部署调用)
    ['Qwen 兼容 OpenAI API 协议，所以我们可以直接使用 vLLM 创建 OpenAI API 服务器。', 'OpenAI API', ['openai-api']],
    // 深度学习系统 is a deep learning framework (llm-action: Flexflow); a free 深度学习 stays (llm-action: qwen 参数说明)
    ['现有的深度学习系统通常使用数据或模型并行性，但不幸的是，这些策略通常会导致并行化性能不佳。', '深度学习系统', ['deep-learning-framework']],
    ['现有的深度学习系统通常使用数据或模型并行性，但不幸的是，这些策略通常会导致并行化性能不佳。', '深度学习', []],
    ['截断正态分布可以避免权重值过大或过小，从而帮助模型更快地收敛。它是一种常见的初始化方法，尤其是在深度学习中。', '深度学习', ['deep-learning']],

    // A sense chosen by its cue: a model's "Prompt Template" printed from the tokenizer's chat_template is its chat
    // template (self-llm: 04-InternLM3-8B-Instruct-LoRA, 05-gemma-3-4b-it-LoRA) …
    ['为了得到 InternLM3-8b-Instruct 的 Prompt Template，使用 tokenizer 构建 messages 并打印， 查看 chat_template 的输出格式', 'Prompt Template', ['chat-template']],
    // … a LangChain prompt with variables stays a prompt template (self-llm: 02-Yi-6B-Chat 接入langchain搭建知识库助手)
    ['构建检索问答链，还需要构建一个 Prompt Template，该 Template 其实基于一个带变量的字符串，在检索之后，LangChain 会将检索到的相关文档片段填入到 Template 的变量中，从而实现带知识的 Prompt 构建。', 'Prompt Template', ['prompt-template']],

    // An alias broader than its entry: bare 归一化 is any normalising (probabilities, features, an edit distance);
    // it is the normalization layer only beside a layer cue (llm-action: autoregressive-lm-decoding-methods, LESS
    // 数据选择; self-llm: 01-Kimi-K2.5-论文解读) …
    ['在 *Top-K* 采样中，概率最大的 *K* 个词会被选出，然后这 *K* 个词的概率会被重新归一化，最后就在这重新被归一化概率后的 *K* 个词中采样。', '归一化', []],
    ['为了缓解这个问题，我们对 **LESS 中的梯度特征进行归一化，并使用余弦相似度而不是点积来估计影响**。', '归一化', []],
    ['在奖励函数方面，通用任务使用生成式奖励模型（Generative Reward Model）；视觉定位和点定位任务，使用 F1-score 和软匹配；分割任务，使用 IoU；OCR 任务使用归一化编辑距离；计数任务使用预测值与真实值的绝对差值。', '归一化', []],
    // … and stays where LayerNorm, RMSNorm, activations or the residual are named (llm-action: llm-algo/transformer,
    // llm-interview/llm-algo; self-llm: 01-Qwen3-模型结构解析-Blog)
    ['Norm 表示 Layer Normalization，用于对每一层的激活值进行归一化。', '归一化', ['normalization']],
    ['相较于LayerNorm而言，该处理既保持了归一化的好处，又降低了计算成本，更适合部署于高效模型中。', '归一化', ['normalization']],
    ['post-norm和pre-norm其实各有优势，post-norm在残差之后做归一化，对参数正则化的效果更强，进而模型的鲁棒性也会更好；', '归一化', ['normalization']],
    ['为什么像 baichuan2 和 llama 使用 RMSNorm 归一化?', '归一化', ['normalization']],

    // 逻辑块/物理块 of PagedAttention are blocks of the KV cache, no cue for reasoning: 推理 there is inference
    // (llm-action: docs/llm-inference/blog); 逻辑思考 beside 数学 stays reasoning (self-llm: internlm3-8b-instruct 与o1)
    ['在实际推理过程中，维护一个逻辑块到物理块的映射表，多个逻辑块可以对应一个物理块，通过引用计数来表示物理块被引用的次数。', '推理', ['inference']],
    ['你的回应应反映出深厚的数学理解力和精确的逻辑思考，使你的解决方案路径和推理对他人清晰易懂。', '推理', ['reasoning']],
    // 开源LLM榜单 is the Open LLM Leaderboard (self-llm: 09-Qwen3-1.7B-医学推理式对话微调); another 榜单 stays a
    // leaderboard (self-llm: BGE-M3-finetune-embedding-with-valid)
    ['[Qwen3](https://www.modelscope.cn/models?name=qwen3&page=1)是阿里通义实验室最近开源的大语言模型，发布时便登顶了开源LLM榜单第一名。', '开源LLM榜单', ['open-llm-leaderboard']],
    ['[Qwen3](https://www.modelscope.cn/models?name=qwen3&page=1)是阿里通义实验室最近开源的大语言模型，发布时便登顶了开源LLM榜单第一名。', '榜单', []],
    ['那么你下一步可以开始对我们微调出来的模型进行评测，我们选用的是C-MTEB榜单上的T2Retrieval数据集，你可以使用notebook文件C-MTEB_retrieval_evaluation.ipynb进行本次评测实验的复现。', '榜单', ['leaderboard']],

    // Bare 对齐 is alignment with human values only beside an alignment cue (DPO, RLHF, 人类偏好 …) or in a compound:
    // memory alignment and a vision encoder aligned to the LLM are not (llm-action: FP6-LLM; self-llm:
    // 01-Kimi-K2.5-论文解读) …
    ['一方面，现代 GPU 内存系统天然不支持不规则位宽（不是 2 的指数），因为 GPU 全局/共享内存的最小访问大小是每个线程 8/32 位，并且要访问的内存地址必须对齐。', '对齐', []],
    ['在这种情况下，所有内存访问都将以 32 位字的粒度对齐，而不是不规则的位宽。', '对齐', []],
    ['在第一阶段，通过描述损失函数将 MoonViT-3D 与 Moonlight-16B-A3B 进行对齐，**主要让 ViT 理解高分辨率图像和视频**。', '对齐', []],
    // … and stays there (self-llm: 10-Qwen3-8B GRPO微调, 4-MiniMax-M2-EvalScope; llm-action: README)
    ['- **核心思想**： DPO 提出了一种更简洁的方法来进行基于人类偏好的 LLM 对齐。', '对齐', ['alignment']],
    ['一方面，系统化的基准测试与压力测试能量化模型在知识、推理、对齐与安全等维度的真实表现，帮助发现能力短板、数据偏差与鲁棒性问题，避免带着未知风险上线。', '对齐', ['alignment']],
    ['### LLM对齐技术', '对齐', ['alignment']],

    // A generic word in its everyday or maths sense: the encoded inputs "都是多维的向量" (self-llm: every LoRA 微调
    // note); an embedding vector stays the embedding (BGE-M3 finetune)
    ['熟悉 Pytorch 模型训练流程的同学会知道，我们一般需要将输入文本编码为 input_ids，将输出文本编码为 `labels`，编码之后的结果都是多维的向量。', '向量', []],
    ['- **稠密检索 (Dense retrieval)**：将文本映射到单个嵌入向量，例如 [DPR](https://arxiv.org/abs/2004.04906)、[BGE-v1.5](https://github.com/FlagOpen/FlagEmbedding)', '嵌入向量', ['embedding']],
    // a dataset path argument and the datasets library's Dataset class (self-llm: vLLM 部署调用 benchmark options,
    // examples/Chat-嬛嬛, 02-Atom-7B-Chat Lora 微调)
    ['- `--dataset` 数据集路径。（如未设置会自动生成数据）', '数据集', []],
    ['在此处我会在当前目录下放置`train.py`，大家修改其中的数据集路径和模型路径即可。', '数据集', []],
    ['完成上述函数后，我们使用 datasets 库提供的 from_generator 函数来根据上述函数生成我们数据的 Dataset 对象：', 'Dataset', []],
    // 预训练知识 is what the model knows, not the pre-training stage (self-llm: Extra-ChatGLM3-6B-Pipeline); the
    // stage stays (llm-action: 多维混合并行)
    ['无论是FastAPI部署还是刚才的Streamlit web交互，ChatGLM3-6B都只能基于它的 预训练知识 来回答问题。', '预训练', []],
    ['GLM-130B 的预训练持续了 60 天，使用 96 个 DGX-A100（40G）节点，共 768 张 GPU 卡。', '预训练', ['pre-training']],
    // 虚拟内存 is an operating system's virtual memory, neither host nor GPU memory (llm-action: llm-interview/comprehensive,
    // 大模型国产化适配1); host RAM for offload stays (llm-action: 训练性能测试)
    ['vLLM 等推理框架中的 PagedAttention 技术，可以像操作系统管理虚拟内存一样分页管理 KV Cache，极大提高显存利用率。', '内存', []],
    ['- **昇腾计算基础层**主要为其上各层提供基础服务，如共享虚拟内存（Shared Virtual Memory，SVM）、设备虚拟化（Virtual Machine，VM）', '内存', []],
    ['-   使用ZeRO3-offload 内存至少128G，推荐256G', '内存', ['host-memory']],
    // 硬件并行度 is the hardware's parallelism, not a parallel training degree (llm-action: ai-compiler); DP/MP
    // degrees stay (llm-action: Alpa)
    ['目标：通过将多个算子进行协同调度以及精确映射每一个算子到硬件计算单元来充分利用硬件并行度', '并行度', []],
    ['现有的人工 pipeline 系统要求 stages 有相同的 DP 和 MP 并行度，并将 stages 间通信简单实现为相同 meshes 间的 P2P send/recv。', '并行度', ['degree-of-parallelism']],
    // 长程记忆 next to a 256k context is the model's long context, not an agent's memory (self-llm: Step-3.5-Flash)
    ['- **高效长程记忆：** 支持 **256k 超长上下文**，结合滑动窗口注意力机制，在处理海量文档与长代码库时，兼顾精准度与计算效率。', '记忆', []],

    // A product, method or benchmark name around a shorter entry: a Huawei tuning tool (梯度调优GDAT), Token parallelism,
    // the Vicuna benchmark, the company in "DeepSeek’s", curriculum and prioritized sampling of training data
    // (llm-action: 大模型国产化适配1, 参数高效微调简介, 大模型量化概述; awesome-generative-ai-guide: part6 planning;
    // self-llm: 02-Kimi-VL-技术报告解读) …
    ['**昇腾调优引擎AOE**，通过算子调优OPAT、子图调优SGAT、梯度调优GDAT、模型压缩AMCT提升模型端到端运行速度。', '梯度', []],
    ['同时，还能够使模型较好地并行训练（Token并行、张量并行、流水线并行）。', 'Token', []],
    ['QLORA使得大型模型可以在单个GPU上进行微调，同时在Vicuna基准测试上实现了最先进的结果。', 'Vicuna', []],
    ['- DeepSeek’s **DeepSeek-R1** — tuned for tool-augmented reasoning and planning', 'DeepSeek', []],
    ['训练中采用了两种智能采样策略以优化训练路径：1. 课程学习采样（Curriculum Sampling）：基于问题难度标签引导模型由浅入深地学习；2. 优先级采样（Prioritized Sampling）：根据每个样本的成功率对其训练价值进行动态排序。', 'Sampling', []],
    // … while the plain uses stay (llm-action: A-Survey-on-Efficient-Training, 多维混合并行, vLLM 推理框架概述;
    // self-llm: vLLM 部署调用)
    ['其中 η、wan 和 γ 是时间步 t 时第 i 层的学习率、参数和基于动量的梯度，φ 是缩放函数。', '梯度', ['gradient']],
    ['整个训练过程一共使用了 4480 块英伟达 A100 GPU， 在 2700 亿个 Token 上面训练。', 'Token', ['token']],
    ['vLLM 已经被用于 Chatbot Arena 和 Vicuna 大模型的服务后端。', 'Vicuna', ['vicuna']],
    ['`LLM` 类是使用 `vLLM` 引擎运行离线推理的主要类。`SamplingParams` 类指定采样过程的参数，用于控制和调整生成文本的随机性和多样性。', '采样', ['sampling']],
  ]);
});
