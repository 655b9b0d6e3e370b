import { itSenses } from './helpers';

/**
 * Wrong reports on the dev halves (session 15), fixed by kind, on real sentences from ../shared/corpus (no held-out
 * note), with the built-in glossary: each fix has a use that is now blocked or given to the longer term, and a
 * use that must stay.
 */
describe('senses of the built-in glossary: dev wrong reports by kind (15)', () => {
  const survey24 = '为了加速优化，[23]提出了随机权重扰动保留泛化能力和锐度敏感的子集选择策略。最近，[24]通过将锐度估计替换为两个连续更新步骤之间的 KL 散度，设计了锐度损失的近零成本代理。';
  const survey68 = '在泛化方面，[2]从理论上证明了一个充分超参数化（三层）的神经网络可以泛化到总体风险，并且一个有趣的特性是在 SGD 训练轨迹上的任何点的近邻中都存在一个精确的网络随机初始化的概率较高。';
  const cases: [string, string, string[]][] = [
    // a longer term that names another entry: 梯度反向传播 is backpropagation (self-llm: 09-Qwen3-1.7B 医学推理式对话微调)
    ['这种方法通过将**整个模型权重**（包括底层词嵌入、中间特征提取层和顶层任务适配层）在下游任务数据上进行梯度反向传播，使模型整体适应新任务的需求。', '梯度反向传播', ['backpropagation']],
    ['这种方法通过将**整个模型权重**（包括底层词嵌入、中间特征提取层和顶层任务适配层）在下游任务数据上进行梯度反向传播，使模型整体适应新任务的需求。', '梯度', []],
    // (review) 微调数据集 is any fine-tuning dataset, broader than an instruction dataset (GRPO math prompts, domain
    // corpora, embedding triplets): no alias, its parts stay (self-llm: 02-Atom-7B-Chat Lora 微调) …
    ['在本节教程里，我们将微调数据集放置在根目录 [/dataset](../../dataset/huanhuan.jsonl)，将基座模型参数放置在根目录 [/model](../../models)。', '微调数据集', []],
    ['在本节教程里，我们将微调数据集放置在根目录 [/dataset](../../dataset/huanhuan.jsonl)，将基座模型参数放置在根目录 [/model](../../models)。', '数据集', ['dataset']],
    // … while 指令微调数据集 is the instruction dataset (llm-action: LESS)
    ['例如，在混合指令微调数据集上训练的 LLMs 表现出的性能比在数据子集上训练的性能更差。', '指令微调数据集', ['instruction-dataset']],
    ['不过要注意一点，按照我们上面的步骤，我们的数据集属于ShareGPT格式，别选错了~', '数据集', ['dataset']],
    // 优化器参数 offloaded to the CPU are optimizer states (self-llm: MiniCPM-2B-chat Lora && Full 微调); the optimizer stays (llm-action: Efficient Training survey)
    ['> 全量训练，大概需要22G显存左右，因为开启了deepspeed zero2 的 cpu offload 功能，优化器参数会加载到cpu上进行计算，所以降低了显存。', '优化器参数', ['optimizer-states']],
    // (review) 优化器参数 is also the optimizer's hyperparameters: a sense with offload/memory cues, not an alias (self-llm: 04-Atom-7B-chat 全量微调; llm-action: 多维混合并行, MT-NLG)
    ['- 因为本脚本使用了`adam_cpu`来加载优化器参数，所以全量微调所需的显存会比较小，但仍然需要使用至少4张24G显存的卡来训练。', '优化器参数', ['optimizer-states']],
    ['对于 MT-NLG 等模型的规模，训练稳定性是一个根本性的挑战。 在训练模型时，我们观察到学习率、权重初始化和 Adam 优化器参数直接影响模型的稳定性。', '优化器参数', []],
    ['默认情况下，AdamW [62] 是 Adam 的一个变体，它解耦了 L 正则化和权重衰减，是 Transformer 使用最广泛的优化器。', '优化器', ['optimizer']],
    // model names with a lower-case version or a space (self-llm: 01-Llama4-对话助手; 06-DeepSeek-MoE-16b-chat)
    ['| 基准测试类别 | 基准测试           | Llama 4 Scout | Llama 4 Maverick | GPT-4o | Gemini 2.0 Flash | DeepSeek v3 0324 |', 'DeepSeek v3', ['deepseek-v3']],
    ['DeepSeek MoE目前推出的版本参数量为160亿，实际激活参数量大约是28亿。', 'DeepSeek MoE', ['deepseekmoe']],
    // 昇腾AI处理器 / 昇腾910 AI处理器 name the Ascend processor (llm-action: 昇腾LLM支持概览; 分布式训练并行技术（六）); a bare AI处理器 stays (llm-action: 国产化适配1)
    ['torch_npu(Ascend Adapter for PyTorch插件)使昇腾NPU可以适配PyTorch框架，为使用PyTorch框架的开发者提供昇腾AI处理器的超强算力。', '昇腾AI处理器', ['ascend']],
    ['torch_npu(Ascend Adapter for PyTorch插件)使昇腾NPU可以适配PyTorch框架，为使用PyTorch框架的开发者提供昇腾AI处理器的超强算力。', 'AI处理器', []],
    ['CodeGeeX 采用华为 MindSpore 框架实现，在鹏城实验室"鹏城云脑II"中的192个节点（共1536个国产昇腾910 AI处理器）上训练而成。', '昇腾910 AI处理器', ['ascend']],
    ['异构计算架构（CANN）是对标英伟达的CUDA + CuDNN的核心软件层，对上支持多种AI框架，对下服务AI处理器。', 'AI处理器', ['ai-accelerator']],
    // 马尔可夫链蒙特卡洛方法 is MCMC, not a Markov chain (llm-action: Flexflow)
    ['如果随机变量Xi的概率分布比较复杂，不能用简单的均匀分布转换得到，就需要使用马尔可夫链蒙特卡洛方法来生成Xi的序列。', '马尔可夫链蒙特卡洛方法', ['mcmc']],
    ['如果随机变量Xi的概率分布比较复杂，不能用简单的均匀分布转换得到，就需要使用马尔可夫链蒙特卡洛方法来生成Xi的序列。', '马尔可夫链', []],
    // Transformer模型架构 is the Transformer (llm-action: 参数高效微调技术原理综述（一）); a model's architecture stays (self-llm: MiniMax-M2)
    ['而在Transformer模型架构中，FFN（Feed-Forward Network）由两个全连接层组成，其目的是引入非线性变换。', 'Transformer模型架构', ['transformer']],
    ['而在Transformer模型架构中，FFN（Feed-Forward Network）由两个全连接层组成，其目的是引入非线性变换。', '模型架构', []],
    ['MiniMax-M2 的模型架构和 Qwen3 MoE 比较类似。', '模型架构', ['model-architecture']],
    // a longer term with no entry of its own: 跨模态 (self-llm: Step-3.5-Flash vLLM), 开放域语言生成 (llm-action: decoding methods)
    ['- **全能应用生态：** 凭借1960亿参数（激活约110亿）的架构优势，在数理逻辑、代码生成及跨模态任务编排中展现出媲美闭源顶尖模型的实力。', '模态', []],
    ['> K2.5 强调文本模态与视觉模态的联合优化，使两种模态互相增强。', '模态', ['modality', 'modality', 'modality']],
    ['开放域语言生成是一个快速发展的研究领域，而且通常情况下这里没有放之四海而皆准的方法，因此必须了解哪种方法最适合自己的特定场景。', '语言生成', []],
    // 非推理模型 is no reasoning model, reasoning or inference, also after 是 (是非 is a word) (self-llm: Qwen3-VL-4B-Instruct vLLM) …
    ['另外，该模型是非推理模型，如果想要体验更强且带有thinking mode的模型', '推理模型', []],
    ['另外，该模型是非推理模型，如果想要体验更强且带有thinking mode的模型', '推理', []],
    // … a reasoning model stays (self-llm: vLLM 部署 notes)
    ['设置 --enable-reasoning 参数时，--reasoning-parser 是必需的。推理模型会在输出中包含一个额外的 reasoning_content 字段，该字段包含导致最终结论的推理步骤。', '推理模型', ['reasoning-model']],
    // NLP inside a lab's name (self-llm: MiniCPM-2B-chat notes)
    ['MiniCPM 是面壁智能与清华大学自然语言处理实验室共同开源的系列端侧大模型，主体语言模型 MiniCPM-2B 仅有 24亿（2.4B）的非词嵌入参数量。', '自然语言处理', []],
    // 参数 as a function or script argument (llm-action: FAQ; mindie 1.0) …
    ['在其他模型中，可能不需要这个参数是因为它们的初始化和权重加载不需要特殊处理，或者因为它们的代码已经进行了相应的修改以适应Deepspeed的分布式训练流程。', '参数', []],
    ['在指定 empty_init=False 参数后，nn.Parameter 对象将被初始化为包含预训练权重的张量，这使得 DeepSpeed 能够正常地将权重复制到元数据张量中。', '参数', []],
    ['### run_fa.py脚本参数', '参数', []],
    ['    - 若出现显存不足导致的异常，请将该参数改小', '参数', []],
    // … model parameters stay (llm-action: Efficient Training survey)
    ['其中 η、wan 和 γ 是时间步 t 时第 i 层的学习率、参数和基于动量的梯度，φ 是缩放函数。', '参数', ['parameter']],
    // a docker command typed in prose (llm-action: 昇腾LLM支持概览); Docker in prose stays (self-llm: vllm-ascend)
    ['docker pull swr.cn-central-221.ovaijisuan.com/mindformers/mindformers1.0_mindspore2.2.11:aarch_20240125', 'docker', []],
    ['昇腾设备镜像启动方式有别于普通的docker镜像启动，需要额外配置一些参数，以下启动命令可供参考：', 'docker', ['docker']],
    // MCMC sampling of candidate strategies is no decoding (llm-action: Flexflow); token sampling stays (self-llm: embedding README)
    ['回到search space的问题，采用MCMC随机采样的方法生成随机的Xi，即可作为候选strategy。', '采样', []],
    ['回到search space的问题，采用MCMC随机采样的方法生成随机的Xi，即可作为候选strategy。', '随机采样', []],
    ['LLM的token采样策略一般会选择随机采样方法，也就导致每次输出的文本都不一样。', '采样', ['sampling', 'sampling']],
    // 张量 in 张量和流水线并行 is tensor parallelism (llm-action: 分布式训练并行技术（六）); a tensor stays (llm-action: FAQ)
    ['这允许最通信密集的进程，张量和流水线并行发生在节点内，数据并行通信发生在节点边界之间。', '张量', []],
    ['在没有指定 empty_init=False 参数时，nn.Parameter 对象的值将被初始化为全零的张量。', '张量', ['tensor']],
    // 'tools like X' names software products (awesome-generative-ai-guide: openclaw day-01 learn; evaluation notes)
    ['Tools like Claude Code, Cursor, and Codex belong to this generation.', 'Tools', []],
    ['Tools like Ragas operationalize these, but you still validate the judge again', 'Tools', []],
    // … an agent's tools stay (awesome-generative-ai-guide: interview prep, ai-engineer questions)
    ['- **Tool use and bounded agent loops:** typed tools, least privilege, and a step-capped ReAct loop (every agentic case).', 'tools', ['tool']],
    // 模型大小为 N GB is a download size (self-llm: vLLM 部署 notes)
    ['并运行 `python /root/autodl-tmp/model_download.py` 执行下载，模型大小为 15 GB，下载模型大概需要 2 分钟。', '模型大小', []],
    // KL and 轨迹 are no RL cues for 策略: a headingless survey whose one section holds both (llm-action: Efficient Training survey)
    [`${survey24}\n\n${survey68}`, '策略', []],
    // … an RL policy beside a reward stays (llm-action: DPO notes)
    ['从奖励函数到最优 RL 策略的解析映射。这个映射直观地度量了给定奖励函数与给定偏好数据的匹配程度。', '策略', ['rl-policy']],
  ];
  itSenses(cases);
});
