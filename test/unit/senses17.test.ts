import { itSenses } from './helpers';

/**
 * Misses and wrong reports of the dev-11 half (scored once as unseen notes in session 13), fixed by kind, on real
 * sentences from ../shared/corpus (no held-out note), with the built-in glossary (spec scripts/senses-17-r3.json).
 */
describe('senses of the built-in glossary: dev-11 misses and wrong reports by kind (17)', () => {
  const cases: [string, string, string[]][] = [
    // the names the notes use for LLM non-determinism (awesome-generative-ai-guide: interview_prep/system-design; part8_multi_agent_systems)
    ['- **Layer 1, the model.** The model at the center. Which model, why, and how you handle its non-determinism.', 'non-determinism', ['llm-non-determinism']],
    ['Unlike code, AI models are **non-deterministic**. They don’t always behave the same way.  ', 'non-deterministic', ['llm-non-determinism']],
    // … but not a non-deterministic service outside the model (research_updates/2026_papers/february_list)
    ['However, systematic evaluation in real-world mobility settings is hindered by diverse routing demands, non-deterministic mapping services, and limited reproducibility.', 'non-deterministic', []],
    // training dataset is the training set (interview_prep/60_gen_ai_questions)
    ['3. **Diverse Training Data:** Ensuring that the training dataset contains diverse samples from the target distribution can help prevent mode collapse.', 'training dataset', ['training-set']],
    // the verb "tries" is never the trie data structure (interview_prep/roles/ai-engineer/questions)
    ["A jailbreak tries to get the model to violate its own safety training and produce content it should refuse (the target is the model's guardrails), while prompt injection tries to override the developer's instructions and hijack the application's behavior (the target is your prompt and your agent).", 'tries', []],
    // escalation accuracy is a product behaviour criterion, not the accuracy metric (ai_evals_for_everyone: 07_production_monitoring_strategies)
    ['- Detailed escalation accuracy assessment', 'accuracy', []],
    // context handed to a human is not the model's context (interview_prep/roles/ai-engineer/questions)
    ['Design the handoff as a first-class path, not an error case: define the triggers (low confidence, high value or risk, an action the agent is not permitted to take, repeated failure), and package enough context for the human to act fast (the goal, what was tried, the current state, the specific decision needed).', 'context', []],
    // judge-human agreement is not AI alignment (ai_evals_for_everyone: 05_building_evaluation_metrics) …
    ['- Repeat until alignment is acceptable', 'alignment', []],
    // … while alignment with human preferences is (research_updates/2024_papers/march_list)
    ['This technique enhances model alignment with human preferences by employing parts of the dataset progressively, leading to more precise reference models and outperforming other popular LLMs in terms of performance, even those with more parameters.', 'model alignment', ['alignment']],
    // Chat Completions is the OpenAI API, OpenAI SDK the OpenAI library (self-llm: GLM-4.7-Flash SGLang; Step-3.5-Flash vLLM)
    ['### 聊天对话（Chat Completions）', 'Chat Completions', ['openai-api']],
    ['### 使用 OpenAI SDK 调用（Chat Completions）', 'OpenAI SDK', ['openai-python-library']],
    // 线性下降 of the learning rate is linear decay (self-llm: 07-Qwen2.5-7B-Instruct Lora 微调 SwanLab可视化记录版)
    ['从图表中我们可以看到，lr的下降策略是线性下降，loss随epoch呈现下降趋势，而grad_norm则在上升。', '线性下降', ['linear-learning-rate-decay']],
  ];
  itSenses(cases);
});
