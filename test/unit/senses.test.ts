import * as assert from 'node:assert/strict';
import { scanDocument } from '../../src/core/scanner';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildGlossary, type GlossaryIndex } from '../../src/core/glossaryIndex';
import { parseGlossaryFile } from '../../src/core/glossaryLoader';
import { compiledBuiltin, glossaryFrom, ROOT } from './helpers';

const fixtureRoot = (...parts: string[]) => fs.readFileSync(path.join(ROOT, ...parts), 'utf8');

const SENSES_YAML = `entries:
  - id: inference
    en: inference
    zh: 模型推理
    category: inference
    senses:
      - surface: 推理
        compounds: [推理速度, 推理框架]
        cues: [部署, 显存]
        default: true
    definition: { en: Running a trained model on new inputs., zh: 用训练好的模型计算输出。 }
  - id: reasoning
    en: reasoning
    zh: 推理能力
    category: prompting
    senses:
      - surface: 推理
        compounds: [数学推理, 逻辑推理]
        cues: [思维链, 步骤]
    related: [chain-of-thought]
    definition: { en: Deriving an answer through intermediate steps., zh: 通过中间步骤得出结论。 }
  - id: chain-of-thought
    en: chain of thought
    zh: 思维链
    category: prompting
    definition: { en: Writing out intermediate reasoning steps., zh: 先写出中间推理步骤。 }
  - id: rl-policy
    en: policy
    zh: 策略
    category: ml-basics
    senses:
      - surface: 策略
        compounds: [当前策略]
        cues: [奖励, PPO]
    notIn: [训练策略]
    definition: { en: The rule by which an agent picks actions., zh: 智能体选择动作的规则。 }
  - id: baichuan
    en: Baichuan
    zh: 百川
    category: models
    notIn: [海纳百川]
    definition: { en: A family of open Chinese LLMs., zh: 百川智能的开源大模型系列。 }
  - id: agent-skills
    en: agent skill
    zh: 智能体技能
    category: rag-agents
    senses:
      - surface: skill
    definition: { en: A packaged instruction set an agent loads on demand., zh: 智能体按需加载的一套说明与脚本。 }
`;

const scan = (text: string, g = glossaryFrom({ name: 's.yaml', text: SENSES_YAML })) => scanDocument(text, g).occurrences;
const pick = (text: string) => scan(text).map((o) => [o.text, o.entryId, o.senses?.by ?? '-']);

describe('senses', () => {
  it('the glossary loads sense declarations without problems', () => {
    assert.deepEqual(glossaryFrom({ name: 's.yaml', text: SENSES_YAML }).problems, []);
  });
  it('a compound chooses the sense and the match is the surface inside it', () => {
    assert.deepEqual(pick('提升推理速度。'), [['推理', 'inference', 'compound']]);
    assert.deepEqual(pick('擅长数学推理。'), [['推理', 'reasoning', 'compound']]);
  });
  it('cue words in the sentence choose next', () => {
    assert.deepEqual(pick('部署后再推理。'), [['推理', 'inference', 'sentence']]);
    assert.deepEqual(pick('按步骤推理。'), [['推理', 'reasoning', 'sentence']]);
  });
  it('related concepts in the sentence count as evidence', () => {
    assert.deepEqual(pick('用思维链引导推理。'), [['思维链', 'chain-of-thought', '-'], ['推理', 'reasoning', 'sentence']]);
  });
  it('then the section, which needs two pieces of evidence', () => {
    assert.deepEqual(pick('# 一\n\n思维链写出步骤。\n\n模型在这里推理。\n\n# 二\n\n模型在这里推理。')
      .filter(([t]) => t === '推理'), [['推理', 'reasoning', 'section'], ['推理', 'inference', 'default']]);
  });
  it('falls back to the default sense and lists every candidate, best first', () => {
    const [o] = scan('训练之后再推理。').filter((x) => x.text === '推理');
    assert.deepEqual(o.senses, { candidates: ['inference', 'reasoning'], by: 'default' });
  });
  it('drops a single-sense surface that has no evidence: it is the everyday word', () => {
    assert.deepEqual(pick('我们换一种策略。'), []);
    assert.deepEqual(pick('PPO 用奖励更新策略。'), [['策略', 'rl-policy', 'sentence']]);
    assert.deepEqual(pick('按当前策略采样。'), [['策略', 'rl-policy', 'compound']]);
  });
  it('notIn words block an entry inside them, and the cue cannot bring it back', () => {
    assert.deepEqual(pick('PPO 的训练策略与奖励。'), []);
    assert.deepEqual(pick('海纳百川，百川开源了模型。'), [['百川', 'baichuan', '-']]);
  });
  it('reports an undecided surface with two concept senses as unresolved', () => {
    const g = glossaryFrom({ name: 's.yaml', text: SENSES_YAML.replace('        default: true\n', '') });
    const [o] = scanDocument('今天我们推理。', g).occurrences;
    assert.deepEqual([o.entryId, o.senses], ['inference', { candidates: ['inference', 'reasoning'], by: 'unresolved' }]);
  });
  it('a compound that does not contain its surface is an error at its place', () => {
    const g = glossaryFrom({ name: 's.yaml', text: SENSES_YAML.replace('[推理速度, 推理框架]', '[推理速度, 部署框架]') });
    assert.deepEqual(g.problems.map((p) => `${p.line}:${p.column} ${p.message}`), ['8:27 compound "部署框架" does not contain the surface "推理" it selects']);
  });
  it('a short form after its full form: the entry named in full in the section is enough for its only sense', () => {
    const text = '# Skills\n\nAgent skills are folders of instructions.\n\nEach skill has a name.\n\n# Cooking\n\nA skill you learn slowly.';
    assert.deepEqual(pick(text), [['Skills', 'agent-skills', 'section'], ['Agent skills', 'agent-skills', '-'], ['skill', 'agent-skills', 'section']]);
    assert.deepEqual(pick('A skill you learn slowly.'), []);
  });
  it('beside another sense, the full form is one piece of evidence, not a decision', () => {
    const g = glossaryFrom({ name: 's.yaml', text: SENSES_YAML.replace('        default: true\n', '') });
    const by = (text: string) => scanDocument(text, g).occurrences.filter((o) => o.text === '推理').map((o) => [o.entryId, o.senses?.by]);
    assert.deepEqual(by('# 一\n\n模型推理很常见。\n\n今天我们推理。'), [['inference', 'unresolved']]);
    assert.deepEqual(by('# 一\n\n模型推理占用显存。\n\n今天我们推理。'), [['inference', 'section']]);
    assert.deepEqual(by('模型推理时我们推理。'), [['inference', 'sentence']]);
  });
  it('never leaves pending candidates in a final scan', () => {
    assert.ok(scan('推理，策略，奖励 PPO 策略，数学推理。').every((o) => o.candidates === undefined));
  });
});

/** Real sentences from ../shared/corpus (not from the held-out notes), with the built-in glossary. */
describe('senses of the built-in glossary on real sentences', () => {
  const builtin = compiledBuiltin().alone!;
  const sense = (text: string, surface: string) => scanDocument(text, builtin).occurrences.filter((o) => o.text === surface).map((o) => o.entryId);
  const cases: [string, string, string[]][] = [
    // 推理: inference and reasoning
    ['通过PEFT所微调的模型，都可以使用下面的方法进行重新加载，并推理：', '推理', ['inference']],
    ['**分布式推理**：框架支持在多 GPU 环境中进行分布式推理，通过模型并行策略和高效的数据通信，提升了处理大型模型的能力。', '分布式推理', ['distributed-inference', 'distributed-inference']],
    // 数学推理 is mathematical reasoning, an entry of its own (the reasoning sense, named more narrowly)
    ['在数学推理任务中，GRPO可以帮助模型：', '数学推理', ['mathematical-reasoning']],
    ['DeepSeek-R1-Zero是一个通过大规模强化学习（RL）训练的模型，在推理方面表现出色。', '推理', ['reasoning']],
    // Lion: the optimizer, and the distillation method (llm-action: A Survey on Efficient Training of Transformers; 大模型蒸馏概述)
    ['最近，Google 搜索优化算法并发现了一种简单有效的优化器，称为 Lion [18]。 Lion仅跟踪一阶梯度的动量。', 'Lion', ['lion-optimizer', 'lion-optimizer']],
    ['例如，Lion [Jiang et al., 2023] 利用LLM的适应性来提高学生模型的表现。 它通过对抗蒸馏迭代改进学生模型。', 'Lion', ['lion-adversarial-distillation']],
    // 量化 inside 轻量化 ("lightweight") is no quantization (self-llm: Kimi-K2.5 论文解读)
    ['在架构方面，Kimi-K2.5 使用了 MoonViT-3D。为了理解视频，还引入了一种轻量化的 3D ViT 压缩策略。', '量化', []],
    // 策略: an RL policy, and a strategy
    ['具体地，引入了一个 token 级的剪裁机制，只计算策略比例落在区间内的 token 的梯度。', '策略', ['rl-policy']],
    ['训练采用了学习率衰减策略，在第一个阶段中，学习率从 2e-5 衰减至 2e-6。', '策略', []],
    ['OpenELM通过一种新的层级缩放策略优化每个Transformer层的参数分配。', '策略', []],
    // 专家: an MoE expert, and human experts
    ['通过稀疏激活，每次前向传播只激活 8 个专家，显著降低计算资源消耗，同时提升模型表达能力。', '专家', ['expert-network']],
    ['需要结合系统专家经验来选择并行策略。', '专家', []],
    // 奖励
    ['做得好就给奖励，智能体在与环境的互动中，通过最大化累积奖励来学习。', '奖励', ['reward']],
    ['GRPO是一种强化学习优化技术，根据奖励的相对高低更新策略。', '奖励', ['reward']],
    // 采样
    ['LLM的token采样策略一般会选择随机采样方法，也就导致每次输出的文本都不一样。', '采样', ['sampling', 'sampling']],
    // 记忆
    ['**最大对话记忆轮数**：控制在对话中保留的最大轮数。', '记忆', ['agent-memory']],
    // 评估
    ['**模型评估**: 在测试集上系统评估模型性能。', '评估', ['model-evaluation']],
    // 权重 and 参数
    ['训练结束后，所有权重文件放置在训练目录下的work_dirs中。', '权重', ['weight']],
    ['然后，模型用这个累加的梯度进行一次参数更新。', '参数', ['parameter']],
    ['首先是对一些参数的设置提一些建议以供参考。', '参数', []],
    // 任务分解: an agent's planning step, and a verb phrase in a sentence about something else
    ['推理与规划：任务分解、多步计划、工具选择、策略切换与回退。', '任务分解', ['task-decomposition']],
    ['它的基本思想是将模型的计算任务分解成多个独立的专家（Expert）。', '任务分解', []],
    // 激活: activation values, and the verb (an MoE expert or a switch being activated)
    ['目前，业界主要的整数量化算法可以分为三类：8位权重和8位激活（W8A8）、4位权重和16位激活（W4A16）。', '激活', ['activation', 'activation']],
    ['通过稀疏激活，每次前向传播只激活 8 个专家，显著降低计算资源消耗。', '激活', []],
    ['当 FP8 量化被激活时，可以通过启用 FP8 Communication 获得更大的吞吐。', '激活', []],
    // 提示: a prompt, and a notice or a tip
    ['这是基本的文本生成任务，模型会在给定的提示后生成一段文本。', '提示', ['prompt']],
    ['在此期间，界面会显示"模型正在加载中"的提示，加载完成后才能开始对话。', '提示', []],
    ['> 提示：多模态请求需要 vLLM 加载模型的视觉部分', '提示', []],
    // 内存: GPU memory, and the host's memory
    ['LLM.int8() 在推理过程中有效地减少GPU内存使用量，同时保持性能精度。', '内存', ['gpu-memory']],
    ['我们在1台 M3 MAX 芯片、内存 64G的 MackBook Pro笔记本上分别用CPU和MLX运行模型。', '内存', ['host-memory']],
    ['MLX 将数据维护在共享内存中，不需要频繁地在 CPU 和 GPU 之间传输数据。', '内存', []],
    // English surfaces
    ['By freezing the majority of pretrained model weights, PEFT avoids excessive memory usage associated with modifying all parameters.', 'memory', ['gpu-memory']],
    ['These approaches, including GANs, diffusion models, and transformers, showcase the breadth of methods contributing to generative AI.', 'transformers', ['transformer']],
    ['The router sends each token to the top-2 experts of the MoE layer.', 'experts', ['expert-network']],
    ['We asked domain experts to label the data.', 'experts', []],
    ['Agents need memory to recall past conversations with the user.', 'memory', ['agent-memory']],
    ['PPO updates the policy to maximise the reward from the reward model.', 'policy', ['rl-policy']],
    ['Please read our privacy policy.', 'policy', []],
    ['Consider diversity and bias (to avoid reinforcing stereotypes or excluding groups) when annotating data.', 'bias', ['social-bias']],
    ['Each linear layer adds a bias to the product of the input and the weight matrix.', 'bias', []],
    ['Top-p sampling with a temperature of 0.7 keeps the generation diverse.', 'sampling', []],
    // 精度: numerical precision, and accuracy
    ['在机器学习术语中，FP32 称为全精度 (4 字节)，而 BF16 和 FP16 称为半精度 (2 字节)。', '全精度', ['full-precision']],
    ['混合精度训练是一种同时使用不同精度浮点数进行深度学习模型训练的技术。', '精度', ['numerical-precision']],
    ['最近的研究表明 PTQ 在 8 位整数上(INT8) 仅权重量化不会损害 LLMs 的质量，并且当应用 GPTQ 等高级算法时，INT4 权重量化仅观察到较小的精度下降。', '精度', ['accuracy']],
    ['大多数大模型 16-bit 权重真的可以量化到 8-bit 而不太损失精度。', '精度', ['accuracy']],
    // 卸载: offloading to CPU memory, and uninstalling
    ['主要的想法是，在不使用张量时，将其卸载回 CPU 内存或 NVMe 磁盘。', '卸载', ['cpu-offloading']],
    ['卸载驱动：', '卸载', []],
    // 缩放因子 and 位宽: quantization, and memory buses
    ['在生成过程中，当前的key和value都会被量化，并存储它们对应的缩放因子。', '缩放因子', ['quantization-scale']],
    ['TC-FPx打破了底层GPU硬件的限制，让GPU支持涉及任意位宽的模型权重的线性层计算。', '位宽', ['quantization-bit-width']],
    // 负载均衡: only with MoE evidence
    ['Spine-Leaf网络架构适用于云计算、大规模数据中心和虚拟化环境，可以提供高效的数据传输和负载均衡。', '负载均衡', []],
    // rank: a process of a distributed job, never a matrix rank
    ['此刻，每个设备仍然持有一部分的结果，例如，设备(rank=0)持有 AB0。', 'rank', ['process-rank']],
    ['We find that attention weights can be separated into two parts: a small fraction of large weights with high rank and the remaining weights with very low rank.', 'rank', []],
    // batch / 批次
    ['第8步之后：模型累积了8个小批次的梯度，这在梯度层面上等效于一个 256 大小的批次。', '批次', ['batch']],
    ['Stream the transcription during the visit so the audio is mostly processed by the time the encounter ends, rather than starting a batch job afterward.', 'batch', []],
    // 部署 and deployment: model deployment (部署 by default, with a false hit blocked)
    ['本文介绍了在 Intel 设备上部署 Qwen 1.8B 模型的过程，你需要至少16GB内存的机器来完成这项任务，我们将使用英特尔的大模型推理库 [BigDL](https://github.com/intel-analytics/BigDL) 来实现完整过程。', '部署', ['model-deployment']],
    ['Susan团队准备环境花了一个月，一切部署妥当后兴冲冲地跑训练，结果烧钱了几天，发现代码有Bug……', '部署', []],
    ['LoRAX, an open-source Multi-LoRA inference server that facilitates the deployment of multiple LoRA fine-tuned models on a single GPU using shared base model weights and dynamic adapter loading.', 'deployment', ['model-deployment']],
    // 初始化: weight initialization, and setting up an environment or an object
    ['它是一个带有 LayerNorm 的普通嵌入，其使用均匀 xavier 函数来初始化。', '初始化', ['weight-initialization']],
    ['> 在LoRA中，A和B低秩矩阵的初始化方法，对A采用高斯初始化，对B采用零矩阵初始化，目的是让训练刚开始时BA的值为0，这样不会给模型带来额外的噪声。', '初始化', ['weight-initialization', 'weight-initialization', 'weight-initialization']],
    ['运行以下命令初始化CANN环境变量。', '初始化', []],
    ['我们直接传入模型名称或模型路径即可，不必手动初始化模型和分词器。', '初始化', []],
    // 分类: classification as a task, and sorting things into groups
    ['- 序列分类（Sequence Classification）：整个序列输出一个标签。', '分类', ['classification']],
    ['我们根据这些方法是否将LLM的涌现能力（EA）提炼成小语言模型（SLM）来对这些方法进行分类。', '分类', []],
    ['设计了一个三层分类系统全面覆盖所有类型的用户需求，包括6个主要类别、30个二级类别、200多个三级类别。', '分类', []],
    // 指标: an evaluation metric, and training or monitoring metrics
    ['计算模型预测结果与真实标注的文本相似度指标（例如ROUGE、BLUE等），适合标准选择题或简单问答场景。', '指标', ['evaluation-metric']],
    ['机器学习模型训练往往伴随着大量的超参数、指标、日志等数据。', '指标', []],
    ['5. **SwanLab监控**: 实时跟踪训练进度和指标变化', '指标', []],
    // 基准: a benchmark, and a baseline
    ['从C-EVAL中选择了8个具有挑战性的数学、物理和化学科目，形成一个单独的基准， 即C-EVAL HARD，', '基准', ['benchmark']],
    ['比较的基准是原始 DeepSpeed 系统的 FP16 执行。', '基准', []],
    // 损失: the loss, and a loss of accuracy or speed
    ['因此，DPO 从寻找最小化 RLHF 损失的最佳方案开始，通过改变参量的方式推导出一个仅需参考模型的损失！', '损失', ['loss-function', 'loss-function']],
    ['与FP16相比，针对7B、13B和70B大小的Llama-2，QoQ量化仅引入了1.03%、0.89%和0.40%的准确性损失。', '损失', []],
    ['与完全的FP16计算相比，它几乎没有任何速度上的损失，但明显提高了训练的稳定性。', '损失', []],
    // 优势: the RL advantage, and an advantage of a method
    ['不同于 PPO，该方案只考虑比例范围，而不考虑优势的符号。', '优势', ['advantage-function']],
    ['## GRPO相较于其他RL方法的优势是什么？', '优势', []],
    // 编码: tokenization, and coding ability (the third 编码 follows two compounds of tokenization: the same sense)
    ['我们一般需要将输入文本编码为 input_ids，将输出文本编码为 `labels`，编码之后的结果都是多维的向量。', '编码', ['tokenization', 'tokenization', 'tokenization']],
    ['面向 **Agentic Coding** 场景强化了编码能力、长程任务规划与工具协同，并在多个公开基准的当期榜单中取得同尺寸开源模型中的出色表现。', '编码', []],
    // 前向 and 后向: the forward and backward pass, and forward KL
    ['fp16参数保存在GPU上，前向和后向计算都在GPU上。', '前向', ['forward-pass']],
    ['fp16参数保存在GPU上，前向和后向计算都在GPU上。', '后向', ['backward-pass']],
    ['MINILLM 深入研究了白盒生成LLM的蒸馏。 它观察到最小化前向 Kullback-Leibler 散度 (KLD) 的挑战。', '前向', []],
    // 检查点: a saved model checkpoint, and activation checkpointing
    ['我们每 3 小时 (100 次迭代) 保存一个检查点。', '检查点', ['model-checkpoint']],
    ['再物化，也称为检查点[15]，是一种广泛使用的时空权衡技术，它仅在前向传递期间存储一部分激活/权重，并在后向传递期间重新计算其余部分。', '检查点', ['gradient-checkpointing']],
    // 推理 as reasoning in notes about thinking content
    ['这三个问题 `Hunyuan-A13B-Instruct` 都回答的不错，自我认知清晰，AIME2025题目的推理和最终答案均正确，代码有清晰的注释和解释和测试用例。', '推理', ['reasoning']],
    ['在后训练方面，Kimi-K2.5 采用了**零视觉 SFT**，即**仅使用文本数据激活模型的视觉推理和工具调用能力**。', '推理', ['reasoning']],
    // 参数 in a training configuration: arguments, not model parameters
    ['3. 配置Lora，参数为r=64, lora_alpha=16, lora_dropout=0.1', '参数', []],
    // English everyday words: attention, a human agent, clustering errors, software QA, AI tools as products
    ['This model has garnered attention for being a strong competitor to the well-known Transformer models due to its impressive scalability and faster processing capabilities.', 'attention', []],
    ['Multiple attention heads capture different relationships in parallel. For decoder-only LLMs, attention is causal (a token only attends to earlier tokens).', 'attention', ['attention-mechanism']],
    ['It can be a description of the right behavior, like "escalate to human agent" or "ask for clarification about the user\'s budget range."', 'agent', []],
    ['- "Design a customer support agent for an enterprise. It reads our knowledge base, can look up orders and file tickets, and escalates to a human when unsure. Walk me through it."', 'agent', ['ai-agent']],
    ['The goal is clustering errors into a small number of underlying problems that you can actually fix.', 'clustering', []],
    ['Think of evals + observability as your **testing pipeline** — the agentic equivalent of software QA.', 'QA', []],
    ['The pace of AI tools is fast. A new project gets shared for a week, and the next thing arrives.', 'tools', []],
    // transparency as a dimension of trustworthy AI
    ['It encompasses various aspects such as data privacy regulations, intellectual property rights, fairness and bias mitigation, transparency, and accountability.', 'transparency', ['ai-transparency']],
    // 内存 means GPU memory unless host cues say otherwise (self-llm vLLM notes; llm-action 分布式训练并行技术（一）, InfiniBand 详解)
    ['- **高效的内存管理**：通过 `PagedAttention` 算法，`vLLM` 实现了对 `KV` 缓存的高效管理，减少了内存浪费，优化了模型的运行效率。', '内存', ['gpu-memory', 'gpu-memory']],
    ['拓扑序的选择会同时影响模型的计算时间和最大内存占用', '内存', ['gpu-memory']],
    ['在一个典型的服务器上，CPU 可以轻松拥有几百GB甚至上TB的内存。', '内存', ['host-memory']],
    ['无需使用CPU，就可以从一个主机或服务器的内存直接访问另一主机或服务器的内存。', '内存', ['host-memory', 'host-memory']],
    // 核函数: a GPU kernel in LLM notes (llm-action: llm-inference-blog, bloom-megatron-deepspeed); the SVM kernel with its cues (our sentence)
    ['例如，FasterTransformer 框架中存在大量基于 CUTLASS 编写的 GEMM 内核函数。', '核函数', ['gpu-kernel']],
    ['为了快速高效地训练 BLOOM，有必要使用 Megatron-LM 提供的几个自定义 CUDA 融合核函数。', '核函数', ['gpu-kernel']],
    ['为了快速高效地训练 BLOOM，有必要使用 Megatron-LM 提供的几个自定义 CUDA 融合核函数。', 'CUDA', []],
    ['特别地，有一个 LayerNorm 的融合核函数以及用于融合缩放、掩码和 softmax 这些操作的各种组合的核函数。', '核函数', ['gpu-kernel', 'gpu-kernel']],
    ['支持向量机借助核函数，把样本隐式映射到高维特征空间里计算内积。', '核函数', ['kernel-function']],
    // 完全匹配: the exact-match metric only beside metric words (self-llm Qwen3.5 vLLM; llm-action 千帆大模型平台)
    ['> 若你的显卡驱动支持 CUDA 13（如本文 580.105.08），也可以直接安装 `torch+cu130`（`--index-url https://download.pytorch.org/whl/cu130`），与 `vLLM 0.23.0` 完全匹配，则无需上述 `LD_LIBRARY_PATH` 设置。', '完全匹配', []],
    ['规则打分模式下，忽略停用词后，正确预测(标注与预测完全匹配)的样本数与总样本数的比例', '完全匹配', ['exact-match']],
    // 模型大小: the parameter count, not a download size (self-llm tutorials; llm-action 大模型量化概述)
    ['并运行 `python model_download.py` 执行下载，模型大小为 15GB，下载模型大概需要 5 分钟。', '模型大小', []],
    ['Dettmers和Zettlemoyer通过分析推理缩放定律，深入探讨了LLM中模型大小和位精度之间在零样本性能方面的权衡。', '模型大小', ['model-size']],
    // LLM judges is LLM-as-a-judge, with no separate LLM inside it (awesome-generative-ai-guide evaluation chapters)
    ['- Remember that LLM judges require careful calibration against human judgment', 'LLM judges', ['llm-as-a-judge']],
    ['- Remember that LLM judges require careful calibration against human judgment', 'LLM', []],
    // AI as a modifier: AI 芯片 / AI 处理器 are accelerators; AI 算力, AI 硬件 are not the field of AI (llm-action notes)
    // (session 15: 昇腾910 AI处理器 is the Ascend 910 product name as a whole, so the AI in it is not the field either)
    ['在鹏城实验室"鹏城云脑II"中的192个节点（共1536个国产昇腾910 AI处理器）上训练而成。', '昇腾910 AI处理器', ['ascend']],
    ['我们为 FP6 引入了创新的 4+2 设计，克服了 AI 硬件上先前的集成和加速问题。', 'AI', []],
    ['与此同时，中美贸易战以及美国对华进行AI芯片相关的制裁导致 AI 算力的国产化适配势在必行。', 'AI', []],
    ['与此同时，中美贸易战以及美国对华进行AI芯片相关的制裁导致 AI 算力的国产化适配势在必行。', 'AI芯片', ['ai-accelerator']],
    // 偏置: the bias term of a layer (llm-action mlp.md)
    ['每个神经元与上一层的所有神经元相连，权重和偏置用于调整信号传递过程中的参数。', '偏置', ['bias-term']],
    // baseline: a reference method beside research words, not a business or behaviour baseline (awesome-generative-ai-guide)
    ['This is the idea behind [user and entity behavior analytics](https://en.wikipedia.org/wiki/User_behavior_analytics): learn a baseline per entity and score the deviation.', 'baseline', []],
    ['Across five models from 4B to 30B parameters on math reasoning benchmarks, AntiSD reaches the GRPO baseline\'s accuracy in 2 to 10x fewer training steps.', 'baseline', ['baseline']],
    ['右侧的 Evaluation comparison 则是验证集上的检验（notebook 中会把微调后的模型作为 baseline，未微调的 bge_m3 作为对比）。', 'baseline', ['baseline']],
    // session-10 everyday and name phrases from the dev halves: data needs attention, a NIST knowledge base, Huawei's
    // 张量加速引擎, a GPU's tensor instruction, data sampling (awesome-generative-ai-guide, llm-action, self-llm)
    ['Your job is to identify which logs deserve attention. This means developing filtering and sampling strategies that help you focus on what matters.', 'attention', []],
    ['Most of the work is deciding which events always need attention vs. which can be sampled.', 'attention', []],
    ['- [NIST AI RMF Knowledge Base](https://airc.nist.gov/AI_RMF_Knowledge_Base): the playbook and crosswalks.', 'Knowledge Base', []],
    ['同时借助张量加速引擎TBE（Tensor Boost Engine）的自动调度机制，高效编译算子。', '张量', []],
    ['This value is equivalent to issuing a tensor instruction every other cycle for the entire time interval.', 'tensor', []],
    ['我们没有在生成函数中进行补齐操作，因此我们需要定义一个自定义采样函数，这个函数代替了 torch 中默认的采样函数功能。', '采样', []],
    ['1. 课程学习采样（Curriculum Sampling）：基于问题难度标签引导模型由浅入深地学习；2. 优先级采样（Prioritized Sampling）：根据每个样本的成功率对其训练价值排序。', '采样', []],
    ['The reward model is generated by sampling prompts and passing them through the LLM to produce several outputs.', 'sampling', []],
    ['与传统拒绝采样（Rejection Sampling）方法类似，通过精心设计的提示生成推理路径。', '拒绝采样', ['rejection-sampling']],
    // ... while the technical uses right beside those phrases still match (sentences written for the test)
    ['Generating each token requires attention over all previous tokens, which is why the KV cache helps.', 'attention', ['attention-mechanism']],
    ['接下来定义一个采样函数，根据温度和 top-p 从概率分布中选出下一个 token。', '采样', ['sampling']],
    // dev-8 forms: Bert for BERT (not inside the class name BertModel), 自编码模型 beside language-model cues (llm-action)
    ['目前的大模型框架主要针对Decoder架构的生成模型、像Bert、T5、ChatGLM等模型暂不支持。', 'Bert', ['bert']],
    ['BertModel(BertPreTrainedModel) 由 embeddings、encoder 和 pooler 组成。', 'Bert', []],
    ['编码器架构（Encoder-only）：自编码模型（破坏一个句子，然后让模型去预测或填补）', '自编码模型', ['autoencoding-language-model']],
    // ... but a plain autoencoder without language-model cues is not the autoencoding language model (sentence written for the test)
    ['用 Keras 构建一个自编码模型，先把图像压缩成低维表示，再重建原图。', '自编码模型', []],
    // FlexFlow's execution optimizer, Alpa's search-space pruning, SwanLab's benchmark community (llm-action, self-llm)
    // 执行优化器 is also "run the optimizer (step)" in training notes, so only the English name is blocked (sentence written for the test)
    ['计算损失并反向传播后，再执行优化器更新参数。', '优化器', ['optimizer']],
    ['Execution Optimizer是FlexFlow的核心部件，用于搜索最优的split方案。', 'Optimizer', []],
    ['在搜索空间方面，能剪枝则剪枝，例如将一些operator和它的operand融合，从而减少计算图的节点规模。', '剪枝', []],
    ['或 [SwanLab基线社区](https://swanlab.cn/benchmarks) 搜索“qwen3-smart-medical”。', '基线', []],
    // (session 15: 优化器参数 offloaded to the CPU are the optimizer states, as the labels have it)
    ['DeepSpeed zero2 的 cpu offload 功能，优化器参数会加载到cpu上进行计算，所以降低了显存。', '优化器参数', ['optimizer-states']],
  ];
  for (const [text, surface, want] of cases) {
    it(`${surface}: ${text.slice(0, 40)}`, () => assert.deepEqual(sense(text, surface), want));
  }
  it('Chinese false hits stay blocked: 内存对齐, 量化指标, 嵌入式系统, 然后训练, 海纳百川', () => {
    const ids = (text: string) => scanDocument(text, builtin).occurrences.map((o) => o.entryId);
    assert.ok(!ids('结构体需要内存对齐。').includes('alignment'));
    assert.ok(!ids('我们用量化指标比较两个方案。').includes('quantization'));
    assert.ok(!ids('在嵌入式系统上运行。').includes('embedding'));
    assert.ok(!ids('先清洗数据，然后训练模型。').includes('post-training'));
    assert.ok(!ids('海纳百川，有容乃大。').includes('baichuan'));
  });
  it('the built-in glossary\'s notIn words on real sentences: 数据分布式, 每个问题生成, 越大模型, 较大模型, 线性规划 and 向量化', () => {
    const ids = (text: string) => scanDocument(text, builtin).occurrences.map((o) => o.entryId);
    assert.ok(!ids('如果对用户分布式需求进行拆解，包括模型组网切分，资源表示，数据分布式加载，分布式执行过程控制。').includes('data-distribution'));
    assert.ok(ids('训练集和测试集的数据分布不一致。').includes('data-distribution'));
    assert.ok(!ids('使用pass@k指标评估功能正确性，即每个问题生成k个代码样本。').includes('question-generation'));
    assert.ok(!ids('LoRA 的秩，秩越大模型可能越智能，但训练和推理的开销也越大。').includes('large-language-model'));
    assert.ok(!ids('2.8B激活参数即可达到较大模型的性能水平。').includes('large-language-model'));
    assert.ok(ids('如何在单卡上微调一个大模型？').includes('large-language-model'));
    assert.ok(!ids('Alpa 把算子内并行的划分建模为整数线性规划问题。').includes('planning'));
    const vectorised = ids('文档切块后做文本向量化，存进向量知识库。');
    assert.ok(!vectorised.includes('vector') && !vectorised.includes('quantization'), vectorised.join());
  });
  it('a notIn word that starts inside a word blocks nothing: 越大模型 in 超越|大模型, 较大模型 in 比较|大模型', () => {
    const ids = (text: string) => scanDocument(text, builtin).occurrences.map((o) => o.entryId);
    assert.ok(ids('经过蒸馏的小模型在这些任务上超越大模型。').includes('large-language-model'));
    assert.ok(ids('今天我们来比较大模型的价格。').includes('large-language-model'));
    assert.ok(!ids('LoRA 的秩，秩越大模型可能越智能。').includes('large-language-model'));
    assert.ok(!ids('先把文本向量化再检索。').includes('quantization'));
  });
  it('context and 上下文 are the model\'s context beside LLM, agent, prompt or retrieval words, never in everyday phrases (real sentences)', () => {
    const ctx = (text: string) => scanDocument(text, builtin).occurrences.filter((o) => o.entryId === 'llm-context').map((o) => o.text);
    assert.deepEqual(ctx('The Synthesis phase is very similar to regular LLM generation, except that now the LLM has access to additional context from the knowledge base.'), ['context']);
    assert.deepEqual(ctx('They are trained to predict the next token based on the previous context.'), ['context']);
    assert.deepEqual(ctx('FasterTransformer 中，预先为 KV Cache 分配了一个充分长的显存空间，用于存储用户的上下文数据，最多 2048 个 token。'), ['上下文']);
    assert.deepEqual(ctx('Now, let\'s break down what "Language Models" mean in this context, since LLMs are trained on text.'), []);
    assert.deepEqual(ctx('We are covering multi-agent setups on Day 9 because you now have enough context to understand them.'), []);
    assert.deepEqual(ctx('Free external courses (full context on Build 201) for agents and RAG.'), []);
    assert.deepEqual(ctx('Building secure agentic systems is an ongoing journey; adapt these principles to your specific context.'), []);
  });
  it('参数 in fine-tuning tutorials is a setting unless parameter words say otherwise; 高效参数微调 is PEFT (real sentences)', () => {
    const ids = (text: string) => scanDocument(text, builtin).occurrences.map((o) => o.entryId);
    assert.ok(!ids('## 步骤8: 配置GRPO训练参数').includes('parameter'));
    assert.ok(!ids('在我们设置的参数下，大约花了十七分钟就训练好了，训练结束后，在终端中可以看到如下的界面。').includes('parameter'));
    assert.ok(!ids('若出现显存不足导致的异常，请将该参数改小。').includes('parameter'));
    assert.ok(ids('随着Transformer、MOE架构的提出，使得深度学习模型轻松突破上万亿规模参数。').includes('parameter'));
    assert.ok(ids('将计算图中的层内的参数（张量）切分到不同设备。').includes('parameter'));
    const peft = ids('一张1080/2080可高效参数微调，一张3090/4090可全参数微调。');
    assert.ok(peft.includes('peft') && !peft.includes('parameter'), peft.join());
  });
  it('session-8 Chinese forms on real sentences: 梯度检查 beside 显存 is checkpointing, 遵循用户指令, 思考过程, 溢出 beside FP16', () => {
    const ids = (text: string) => scanDocument(text, builtin).occurrences.map((o) => o.entryId);
    assert.ok(ids('开启梯度检查后，可以节省显存，但训练会变慢。').includes('gradient-checkpointing'));
    assert.ok(ids('即我们的核心训练目标是让模型具有理解并遵循用户指令的能力。').includes('instruction-following'));
    assert.ok(ids('content 中先是 think 标签包裹的思考过程，其后是最终答案。').includes('reasoning-trace'));
    assert.ok(ids('FP16 的表示范围较小，训练中容易出现数值溢出。').includes('numerical-overflow'));
    assert.ok(!ids('batch size 太大会导致显存溢出。').includes('numerical-overflow'));
  });
  it('session-8 English senses on real sentences: session, chunks, orchestration, autonomy beside agent and RAG words, not in everyday phrases', () => {
    const ids = (text: string) => scanDocument(text, builtin).occurrences.map((o) => o.entryId);
    assert.ok(ids('Short-term memory is scoped to a single session of the agent; long-term memory lives across sessions.').includes('chat-session'));
    assert.ok(!ids('Pre-training session logs were lost, so the agent team reran the job.').includes('chat-session'));
    assert.ok(ids('The retriever returns the top-k chunks, and the LLM answers from them.').includes('chunking'));
    assert.ok(ids('A supervisor agent handles the orchestration of the worker agents and their tools.').includes('agent-orchestration'));
  });
  it('an entry that declares its case declares it for its senses: API Key and API key are one sense of api-key', () => {
    const ids = (text: string) => scanDocument(text, builtin).occurrences.map((o) => o.entryId);
    assert.ok(ids('## What\'s an API Key?\n\nYour OpenAI API Key identifies your account with the model provider.').includes('api-key'));
    assert.ok(!ids('在 SwanLab 官网复制 swanlab 的 API 密钥，用它登录。').includes('api-key'));
  });
});

describe('hovers of ambiguous words', () => {
  it('name the other senses and how the shown one was chosen', async () => {
    const { renderHover, ENGLISH_HOVER_LABELS } = await import('../../src/core/hover');
    const g = glossaryFrom({ name: 's.yaml', text: SENSES_YAML });
    const [o] = scanDocument('训练之后再推理。', g).occurrences.filter((x) => x.text === '推理');
    const md = renderHover(g.get(o.entryId)!, g, { language: 'en', commandLinks: false, labels: ENGLISH_HOVER_LABELS }, o.senses);
    assert.match(md, /this sense\\: the usual one/);
    assert.match(md, /Could also mean: reasoning/);
    const plain = renderHover(g.get('chain-of-thought')!, g, { language: 'en', commandLinks: false, labels: ENGLISH_HOVER_LABELS });
    assert.doesNotMatch(plain, /Could also mean|this sense/);
  });
});

/**
 * 偏置 in a floating-point format is the exponent bias (llm-action: ZeroQuant(4+2)). That entry is drafted elsewhere
 * (exponent-bias); with it beside the built-in bias-term, the FP sentences go to it and layer sentences stay.
 */
describe('偏置: bias term and exponent bias', () => {
  const EXPONENT_BIAS = `entries:
  - id: exponent-bias
    en: exponent bias
    zh: 指数偏置
    category: ml-basics
    senses:
      - surface: 偏置
        cues: [指数, 指数位, 尾数, 符号位, 浮点, 浮点数, FP4, FP6, FP8, FP16, FP32, BF16, E4M3, E5M2, 阶码]
      - surface: 偏置项
        cues: [指数, 指数位, 尾数, 符号位, 浮点, 浮点数, FP4, FP6, FP8, FP16, FP32, BF16, E4M3, E5M2, 阶码]
    definition: { en: The offset subtracted from the stored exponent bits., zh: 浮点数指数位要减去的固定偏移量。 }
`;
  // The built-in bias-term entry as the glossary file declares it, beside the drafted exponent-bias.
  const file = fixtureRoot('glossary', 'ml-basics.yaml');
  const from = file.indexOf('  - id: bias-term\n');
  const biasTerm = `entries:\n${file.slice(from, file.indexOf('\n  - id: ', from + 1))}\n`;
  let built: GlossaryIndex | undefined;
  const g = () => (built ??= buildGlossary([{ builtin: false, files: [parseGlossaryFile(biasTerm, 'ml-basics.yaml'), parseGlossaryFile(EXPONENT_BIAS, 'eb.yaml')] }]));
  it('the built-in bias-term declares 偏置 and 偏置项 as senses', () => {
    assert.deepEqual(g().get('bias-term')?.senses.map((s) => s.surface), ['偏置', '偏置项']);
  });
  const sense = (text: string, surface: string) => scanDocument(text, g()).occurrences.filter((o) => o.text === surface).map((o) => o.entryId);
  it('the FP6 sentences mean the exponent bias', () => {
    assert.deepEqual(sense('指数的偏置项通常由指数位确定，对于 FP6 为 3，对于 FP16 为 15。', '偏置项'), ['exponent-bias']);
    assert.deepEqual(sense('虽然填充（padding）可以轻松调整尾数，但由于偏置的差异，对齐指数需要更多的努力。', '偏置'), ['exponent-bias']);
  });
  it('a layer bias stays the bias term, by cue or by default', () => {
    assert.deepEqual(sense('反向传播算法是一种常用的优化方法，通过计算梯度并更新权重和偏置来最小化损失函数。', '偏置'), ['bias-term']);
    assert.deepEqual(sense('偏置加法和残差连接融合。', '偏置'), ['bias-term']);
  });
});
