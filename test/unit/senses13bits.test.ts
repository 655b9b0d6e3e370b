import { itSenses } from './helpers';

/**
 * A bare bit count (4-bit, 8 比特) names a quantization bit width, not the INT4 or INT8 number format: it is a
 * sense of the bit-width entry, chosen by quantization cues, while "8-bit integer" is INT8 itself. Real sentences
 * from ../shared/corpus with the built-in glossary.
 */
describe('senses of the built-in glossary: bit counts are bit widths, not INT4/INT8 (13)', () => {
  const cases: [string, string, string[]][] = [
    // llm-action: LLM-QAT
    ['我们在低至 4 比特的量化级别上对大小为 7B、13B 和 30B 的 LLaMA 模型进行了实验。', '4 比特', ['quantization-bit-width']],
    // self-llm: Kimi-2.5 SGLang 部署应用 (a Chinese sentence around an English bit count)
    ['**Ollama**则适合个人轻量化本地运行，适合单设备部署，其主要采用4-bit量化，精度损失较大；', '4-bit', ['quantization-bit-width']],
    // awesome-generative-ai-guide: forward-deployed engineer interview questions
    ['Quantization stores model weights at lower precision (for example 8-bit or 4-bit), which cuts memory and cost with usually modest quality loss.', '8-bit', ['quantization-bit-width']],
    // self-llm: Qwen-7B-Chat Lora 低精度微调
    ['本节我们简要介绍如何基于 transformers、peft 等框架，对 Qwen-7B-Chat 模型进行 Lora 的低精度微调。包括8bit与4bit QLoRA', '4bit', ['quantization-bit-width']],
    // the format itself: awesome-generative-ai-guide week3_finetuning_llms
    ["6. **INT8 Tuning:** PEFT's capabilities include INT8 (8-bit integer) tuning, showcasing its adaptability to different quantization techniques.", '8-bit integer', ['int8']],
    // second reader: a floating-point format and a mantissa width are not a bit width (research_updates 2024
    // october_list, shortened; llm-action: fp4.md title)
    ['We propose L-Mul, which approximates 8-bit floating point multiplications; L-Mul with 4-bit mantissa achieves comparable precision as float8_e4m3.', '8-bit floating point', ['fp8']],
    ['We propose L-Mul, which approximates 8-bit floating point multiplications; L-Mul with 4-bit mantissa achieves comparable precision as float8_e4m3.', '4-bit', []],
    ['LLM-FP4: 4-Bit Floating-Point Quantized Transformers', '4-Bit Floating-Point', ['fp4']],
    // nothing about quantization or precision around it: no guess (a sentence written for the test)
    ['这台老式游戏机用的是一颗 8-bit 处理器。', '8-bit', []],
  ];
  itSenses(cases);
});
