import { itSenses } from './helpers';

/**
 * Session 13, round 2 coverage: general agent and evaluation concepts the glossary lacked
 * (drafts merged with scripts/merge_drafts.py). Real sentences from ../shared/corpus (never the held-out notes): uses each
 * new entry must find, and everyday or other-sense uses of its words that must stay unmatched.
 */
describe('cov2 entries on real sentences', () => {
  itSenses([
    // agent persona: the persona an agent core carries (awesome-generative-ai-guide: agents_101_guide)
    ["It holds the agent's goal, decides which tool to use and when, pulls in relevant memory, and often carries a persona or set of operating rules.", 'persona', ['agent-persona']],
    // agent identity files (OpenClaw course)
    ["| [Day 2: Make It Personal](days/day-02-give-it-a-soul/learn.md) | Four identity files that define your Claw's personality, context, rules, and memory |", 'identity files', ['agent-identity-files']],
    // agent perception in the brain / perception / action framing (agents_101_guide)
    ['An earlier survey framed the same idea as brain, perception, and action.', 'perception', ['agent-perception']],
    // agent evaluation (agents_101_guide, resources)
    ['## Evaluating Agents', 'Evaluating Agents', ['agent-evaluation']],
    ['**Learn more:** [LLM agent evaluation guide (Confident AI)](https://www.confident-ai.com/blog/llm-agent-evaluation-complete-guide)', 'agent evaluation', ['agent-evaluation']],
    // task delegation and agent-to-agent communication (OpenClaw day 9)
    ['Your main Claw will create a specialist writer agent and wire up delegation.', 'delegation', ['task-delegation']],
    ['Delegate this to the writer agent and bring me back the draft.', 'Delegate', ['task-delegation']],
    ['- [ ] Agent-to-agent communication is enabled between `main` and `writer`', 'Agent-to-agent communication', ['agent-to-agent-communication']],
    // agent heartbeat (OpenClaw)
    ['Building a quarterly review into HEARTBEAT.md (a task that prompts you to update these files) keeps your Claw calibrated.', 'HEARTBEAT', ['agent-heartbeat']],
    // iteration cap (ai-engineer prep plan)
    ['- An agent loop with no maximum iteration cap.', 'iteration cap', ['agent-iteration-limit']],
    // human approval gate (interview questions, agent examples)
    ['- **[SDR sales-development agent](sdr-sales-agent/README.md)**: qualifies leads and drafts personalized outreach. CRM tools, brand and compliance guardrails, human approval before send.', 'human approval', ['human-approval-gate']],
    // LLM tracing (interview questions)
    ['Tooling worth knowing: Ragas and DeepEval for component metrics, promptfoo for CI gates, Arize Phoenix for tracing and online evals.', 'tracing', ['llm-tracing']],
    // CSAT (voice-agent case study)
    ['- **CSAT on contained calls.** Quality as the caller feels it, so containment is never bought with frustration.', 'CSAT', ['customer-satisfaction-score']],
    // trustworthy AI (agents_101_guide)
    ['- **Safety and trustworthiness:** does it stay within guardrails, avoid harmful actions, and behave predictably when given real-world autonomy.', 'trustworthiness', ['trustworthy-ai']],
    // data pipeline (self-llm: InternLM2 XTuner QLoRA)
    ['- 精心设计的数据管道，兼容任意数据格式，开源数据或自定义数据皆可快速上手。', '数据管道', ['data-pipeline']],
    // non-reasoning model (self-llm: Qwen3-VL vLLM)
    ['另外，该模型是非推理模型，如果想要体验更强且带有thinking mode的模型，可以下载同尺寸的模型。', '非推理模型', ['non-reasoning-model']],
    // data annotation (self-llm: Phi-4 NER)
    ['NER 也是一项非常实用的技术，包括在互联网数据标注、搜索引擎、推荐系统、知识图谱、医疗保健等诸多领域有广泛应用。', '数据标注', ['data-annotation']],

    // voice agents and enterprise AI use (interview questions, AI strategist and engineer notes)
    ['On voice the latency spans are first-class, because time-to-first-audio is the metric the caller experiences directly.', 'time-to-first-audio', ['time-to-first-audio']],
    ['Treat widespread shadow AI as a signal of unmet demand and a governance gap to close, not only a violation to punish.', 'shadow AI', ['shadow-ai']],

    // ... and uses that are not these concepts
    // perception of images in a multimodal paper abstract (research updates)
    ['Recent work indicates that enhanced visual perception significantly reduces hallucinations and improves performance on resolution-sensitive tasks, such as optical character recognition and document analysis.', 'perception', []],
    // a delegated-authority limit in an underwriting policy (no agent in the sentence)
    ['3. `policy.py` the deterministic underwriting policy: the hard rules and the delegated-authority limit, with the borderline judgment left for the model.', 'delegated', []],
    // RULER's multi-hop tracing task is no LLM tracing
    ['RULER expands upon the NIAH test by incorporating variations with diverse types and quantities of needles and introduces new task categories like multi-hop tracing and aggregation to test behaviors beyond context searching.', 'tracing', []],
    // A2A, the protocol, is not the generic agent-to-agent communication
    ['- **A2A** (Agent-to-Agent), released by Google, focuses on cross-platform agent communication with a shared schema.', 'Agent-to-Agent', []],
    // (the persona a chat assistant is given in its system prompt counts too: self-llm, Chat-嬛嬛)
    ['#添加优化系统提示词，可以理解为人设前提', '人设', ['agent-persona']],
  ]);
});
