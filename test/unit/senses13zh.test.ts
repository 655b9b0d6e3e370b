import { itSenses } from './helpers';

/**
 * Chinese surfaces judged wrong on the dev halves (session 13), on real sentences from ../shared/corpus, with the
 * built-in glossary: each fix has a wrong use (now blocked or re-sensed) and a right use that must stay.
 */
describe('senses of the built-in glossary: Chinese dev wrong reports (13)', () => {
  const cases: [string, string, string[]][] = [
    // 精度损失: numerical precision beside FP32/FP16 (llm-action: bloom-megatron-deepspeed; 1.DeepSpeed入门) …
    ['所有 PyTorch 组件都已更新，以确保它们在 FP32 中执行任何累加，因此不会发生精度损失。', '精度', ['numerical-precision']],
    ['Loss Scaling: 在FP16/混合精度训练中, DeepSpeed 引擎会自动处理缩放损失,以避免梯度中的精度损失。', '精度', ['numerical-precision']],
    // … and the accuracy a quantized model loses (self-llm: 06-Phi-4-GRPO; Kimi-2.5-SGLang部署应用; llm-action: SmoothQuant, ZeroQuant)
    ['这意味着可以运行和微调量化后的Phi-4 LLM，同时保持最小的精度损失。', '精度', ['accuracy']],
    ['**Ollama**则适合个人轻量化本地运行，适合单设备部署，其主要采用4-bit量化，精度损失较大；而**vLLM**则介于二者之间', '精度', ['accuracy']],
    ['我们证明了 LLM 的加速速度高达 1.56 倍，内存减少了 2 倍，而精度损失可以忽略不计。', '精度', ['accuracy']],
    ['Transformers）对权重做group-wise，对激活值做token-wise。用逐层知识蒸馏缓解精度损失（原网络做老师），量化后的网络做学生。', '精度', ['accuracy']],
    // 指定模型精度 is the dtype (self-llm: 01-DeepSeek-V4-Flash-LoRA); 确保模型精度 stays accuracy (llm-action: 大模型实践总结)
    ['DeepSeek-V4-Flash 的 BF16 权重。通过 `dtype=torch.bfloat16` 指定模型精度，并使用 `device_map="auto"` 将模型自动分配到可见的 GPU。', '精度', ['numerical-precision']],
    ['模型推理作为模型投产的最后一公里，需要确保模型精度的同时追求极致的推理性能。', '精度', ['accuracy']],
    // 推理结果 of an o1-like reasoning chain is reasoning (推理耗时 is no longer an inference compound since senses-14-zh; 推理时间 is still caught by the compound 推理时) (self-llm: 06-Qwen2.5-7B-Instruct-o1-like-推理链实现); a plain run's stays inference (llm-action: mindie-1.0)
    ['我们可以观察到经过4步推理和思考，最终的推理结果是**正确的**，且总推理耗时2还是很长的，这也符合了 o1 模型的基本特征，用推理时间的增加换取更高的推理准确率。', '推理', ['reasoning', 'reasoning', 'reasoning', 'inference', 'reasoning']],
    ['启动后会执行推理，显示默认问题Question和推理结果Answer，若用户想要自定义输入问题，可使用--input_texts参数设置，如：', '推理', ['inference', 'inference']],
    // a judge prompt's 评估哪个答案 / “评估标准” is no model evaluation (llm-action: 模型质量评估); 评估模型性能 is (self-llm: 06-Phi-4-GRPO)
    ['请“评估标准”评估哪个答案更好地回答了问题，并进行打分（满分为100分），同时给出理由。', '评估', []],
    ['4. **模型评估**: 在测试集上系统评估模型性能', '评估', ['model-evaluation']],
    // 可解释性 of an answer (llm-action: 模型质量评估) and of a model (self-llm: 04-GLM-4-9B-Chat vLLM 部署调用)
    ['请从语言理解能力、生成质量、知识和事实准确性、对话能力、可解释性等方面评估哪个答案更好地回答了问题，并进行打分（满分为100分），同时给出理由。', '可解释性', []],
    ['可解释性：答案是否容易理解，是否提供了足够的解释来帮助用户理解结果。', '可解释性', []],
    ['- **可解释性和公平性**：关注模型的可解释性和公平性，提高用户对模型的信任。', '可解释性', ['interpretability', 'interpretability']],
    // 收敛 of frameworks settling (llm-action: 大模型国产化适配4) and of training (self-llm: 数字生命)
    ['当然，目前来看，AI框架趋于收敛，大模型算法架构也趋于收敛，对于像华为昇腾这样的AI软硬件平台发展其生态来说是好事。', '收敛', []],
    ['一个过大的学习率可能会导致模型无法收敛，而太小的学习率则可能导致训练过程缓慢甚至陷入局部最优解。', '收敛', ['convergence']],
    // 生成模型 as "generate the model/file" (llm-action: 大模型国产化适配4; llm-inference blog) and the model kind (llm-action: orca)
    ['然后，启动训练任务**生成模型切分策略文件**。', '生成模型', []],
    ['需要注意的是GQA和MQA需要在模型训练的时候开启，按照相应的模式生成模型。', '生成模型', []],
    ['这篇论文是关于一个名为ORCA的分布式服务系统，它专门为基于Transformer的生成模型设计。', '生成模型', ['generative-model']],
    // 对齐 of floating-point exponents and of scales (llm-action: ZeroQuant(4+2); ZeroQuant); 安全对齐 stays (self-llm: MiniMax-M2-SGLang)
    ['虽然填充（padding）可以轻松调整尾数，但由于偏置的差异，对齐指数需要更多的努力。', '对齐', []],
    ['为了减轻权重和激活之间的差异引起的精确对齐的开销，本文提出了两个权重量化的缩放约束，与标准 W4A8 模型相比，它们对性能的影响可以忽略不计。', '对齐', []],
    ['2) 以内容为抓手推进通用智能：在安全、对齐与可控的前提下，让AI逐步具备更强的跨模态推理与创造能力，服务创作者经济与企业级需求。', '对齐', ['alignment']],
    // LoRA's bottleneck r is neither the hidden size nor the FFN size (llm-action: 大模型参数高效微调技术原理综述（五）)
    ['实验还发现，保证权重矩阵的种类的数量比起增加隐藏层维度r更为重要，增加r并不一定能覆盖更加有意义的子空间。', '隐藏层维度', []],
    ['实验还发现，保证权重矩阵的种类的数量比起增加隐藏层维度r更为重要，增加r并不一定能覆盖更加有意义的子空间。', '隐藏层', []],
    ['第一个矩阵A负责降维，第二个矩阵B负责升维，中间层维度为r，从而来模拟所谓的本征秩（intrinsic rank）。', '中间层维度', []],
    ['使用了 Transformer 解码器的架构，其中：Transformer层数、隐藏层维度、注意力头分别为 105、20480 和 128。', '隐藏层维度', ['hidden-size']],
    // names: 大规模语言模型, 隐层维度, 参数高效迁移学习, 多模态LLM (llm-action: 多维混合并行, 参数高效微调简介; self-llm: Qwen2-VL LaTexOCR)
    ['所有这些设计和技术都对 GLM-130B 大规模语言模型的稳定训练和高精度性能有所帮助。', '大规模语言模型', ['large-language-model']],
    ['具体来说，GLM-130B 模型含有 70 层 Transformer，隐层维度 12,288，最大序列长度 2,048，以及一个基于 [icetk](https://github.com/THUDM/icetk) 的 150,000 个标识符的双语分词器。', '隐层维度', ['hidden-size']],
    ['因此，近年来研究者们提出了各种各样的参数高效迁移学习方法（Parameter-efficient Transfer Learning），即固定住Pretrain Language model（PLM）的大部分参数，仅调整模型的一小部分参数来达到与全部参数的微调接近的效果（调整的可以是模型自有的参数，也可以是额外加入的一些参数）。', '参数高效迁移学习', ['peft']],
    ['以Qwen2-VL作为基座多模态大模型，通过**指令微调**的方式实现特定场景下的OCR，是学习**多模态LLM微调**的入门任务。', '多模态LLM', ['multimodal-large-language-model']],
    // second reader: an FP32-to-BF16 conversion loses numerical precision, even in the words of a quantization
    // sentence (written for the test), and 多模式生成模型 is a multimodal generative model (public text)
    ['以最小的精度损失将 FP32 权重转换为 BF16。', '精度', ['numerical-precision']],
    ['PVAE集成了变分推理框架和多模式生成模型。', '生成模型', ['generative-model']],
    // weights staged in shared memory are not the KV cache (llm-action: FP6-LLM)
    ['之后，缓存的权重从共享内存读取到寄存器以进行实际计算。', '缓存', []],
  ];
  itSenses(cases);
});
