import { itSenses } from './helpers';

/**
 * English short forms of existing entries (round 18, scripts/senses-18-shorten.json): a bare "harness", "debate",
 * "recall", "judge", "summarizing", "monitoring", "server", "citation" or "ingestion" is its entry only beside its full name or a cue, and is
 * dropped elsewhere. Real sentences from ../shared/corpus (none from the held-out notes), with the built-in
 * glossary; every surface has right uses, and each but citation and ingestion (the corpus holds no other use of them) at
 * least two uses that must stay out.
 */
describe('senses of English short forms after their full form, round 18', () => {
  const cases: [string, string, string[]][] = [
    // harness: the agent harness (awesome-generative-ai-guide: genai_roadmap, agents_101_guide, harness_engineering)
    ['An agent is a model plus a harness: tools, memory, and a loop that lets it take actions, not just answer.', 'harness', ['agent-harness']],
    ['The pattern behind all of them is the same: a capable model, a well-designed harness, and a loop that survives long, autonomous tasks.', 'harness', ['agent-harness']],
    // the full name earlier in the section is enough on its own; the same sentence alone has no cue and stays out
    // (ai-strategist questions, question 9)
    ['9. What is an agent harness, and why does the system around the model often matter more than the model itself?\n\nTwo teams using the same frontier model will get very different reliability depending on how well the harness is built, which is why capability gaps between top models matter less each year while system quality matters more.', 'harness', ['agent-harness']],
    ['Two teams using the same frontier model will get very different reliability depending on how well the harness is built, which is why capability gaps between top models matter less each year while system quality matters more.', 'harness', []],
    // the verb and an evaluation harness stay out (research_updates 2024 june_list, rag_research_table; ai_evaluation_2025_table)
    ['With the growing number of LLMs, how to harness the collective expertise of multiple LLMs is an exciting open direction.', 'harness', []],
    ['The findings underscore the need for further advancements in LLMs to harness the full potential of RAG, highlighting the complexity and challenges of improving LLMs\' factual accuracy and decision-making processes.', 'harness', []],
    ['The published dataset and evaluation harness make it a reusable standard for measuring long-horizon agent capability in command-line settings.', 'harness', []],

    // debate: multi-agent debate (agents_101_guide; research_updates 2024 december_list)
    ['Interactions are usually **cooperative** (agents share information and build on each other\'s work, either freely or in a defined order) or **adversarial** (agents debate or critique each other to sharpen the answer).', 'debate', ['multi-agent-debate']],
    ['Despite promising results in multi-agent communication and debate settings, little progress has been made in training models to work together on tasks.', 'debate', ['multi-agent-debate']],
    // an everyday debate stays out (ai-product-manager and ai-strategist questions, youtube is-rag-dead)
    ['State the bar as a launch gate before you build, so quality is a decision rather than a debate at the finish line.', 'debate', []],
    ['Evals also convert a fuzzy quality debate into a number executives can fund and track.', 'debate', []],
    ['They\'re half right, and once you see the other half, you\'ll kind of understand what the debate is about.', 'debate', []],

    // recall: the metric (fine_tuning_101; coding-agent and compliance case studies)
    ['* **F1 Score**: Balances precision and recall', 'recall', ['recall-score']],
    ['Chunking trades recall against precision: chunks too large dilute relevance and waste context, too small lose the surrounding meaning needed to answer.', 'recall', ['recall-score']],
    // the verb and factual recall stay out (coding-agent README; ai_evals_for_everyone 01_wth_are_ai_evals)
    ['the finding that "as the number of tokens in the context window increases, the model\'s ability to accurately recall information from that context decreases."', 'recall', []],
    ['These evaluations rely on standardized benchmarks that test reasoning, factual recall, coding ability, or performance on academic style tasks.', 'recall', []],

    // judge: the LLM judge (ai-engineer questions; youtube ai-engineering)
    ['Calibration means checking the judge against a human-labeled reference set and measuring agreement (for example percent agreement or a correlation with human scores) before you trust the judge to gate anything.', 'judge', ['llm-as-a-judge', 'llm-as-a-judge']],
    ['You give the judge a rubric for what good looks like, plus the response you want created.', 'judge', ['llm-as-a-judge']],
    // the verb stays out (03_evaluation_building_blocks, week6_llm_evaluation, customer-support-agent case study,
    // ai-engineer questions)
    ['We use "evaluation" for the overall process and "evaluation metrics" for the specific measures you use to judge quality.', 'judge', []],
    ['Apart from the above mentioned generic relevance metrics, RAG pipelines use additional metrics to judge if the answer is relevant to the context provided and to the query posed.', 'judge', []],
    ['Design so that volatile knowledge always enters at inference time, and surface the source and date so users can judge freshness.', 'judge', []],
    ['Set a threshold on the reranker score, or add a lightweight grader that judges whether the retrieved context is sufficient', 'judges', []],

    // summarizing: text summarization (openclaw day-08 build, day-01 learn; week1_part1_foundations)
    ['This is the Day 8 shift: your Claw is no longer just reading and summarizing.', 'summarizing', ['text-summarization']],
    ['This has already happened in practice: agents have been observed summarizing emails and then executing instructions embedded inside those emails, all before the user ever opened the message.', 'summarizing', ['text-summarization']],
    ['- LLMs are adept at summarizing lengthy documents by identifying key information and maintaining the core message.', 'summarizing', ['text-summarization']],
    // a writing instruction and context compaction stay out (day-09 writer agent instructions; coding-agent README)
    ['7. A close that lands cleanly without summarizing the whole piece again', 'summarizing', []],
    ['Anthropic defines **compaction** as "taking a conversation nearing the context window limit, summarizing its contents, and reinitiating a new context window with the summary,"', 'summarizing', []],

    // monitoring: production monitoring (ai-strategist questions; genai_roadmap)
    ['Online monitoring watches live traffic for quality, cost, latency, and safety, catching the drift and edge cases a static set never anticipated.', 'monitoring', ['production-monitoring']],
    ['1. AI Evals for Everyone: model vs product evals, reference datasets, metrics, monitoring', 'monitoring', ['production-monitoring']],
    // other monitoring stays out (self-llm Qwen3-VL vLLM image description; research_updates 2024 list)
    ['The environment is filled with advanced technology, suggesting a setting for monitoring and managing a space mission.', 'monitoring', []],
    ['Last but not least, we provide a web-based interface for conveniently monitoring and managing a large number of agents that might deploy across multiple devices.', 'monitoring', []],

    // server: an MCP server (60_ai_projects; ai-strategist questions)
    ['Build an interactive AI assistant that uses **Model Context Protocol (MCP)** servers and tools for retrieval and execution.', 'servers', ['mcp-server']],
    ['Manage it by using an MCP gateway or registry, vetting and pinning trusted servers, enforcing least-privilege scopes and per-user identity, and logging every call.', 'servers', ['mcp-server']],
    // any other server stays out (llm-action vllm cmd; coding-agent README)
    ['On the server side, run one of the following commands:', 'server', []],
    ['The production harnesses expose these moves as named features. Claude\'s platform does compaction server-side, automatically summarizing the conversation as it approaches the context window limit', 'server', []],
    // citation: citations in generated answers (ai-engineer questions); the corpus has no other use of the word, so
    // there is no must-not row here (see the round-18 report)
    ['- "Build a RAG chatbot over this set of PDFs. It must answer with citations and refuse when the answer is not in the documents.', 'citations', ['citation-generation']],
    ['Unverified citations are a common failure where the model cites a real-looking source it did not use, so the verification step is what makes citations meaningful.', 'citations', ['citation-generation', 'citation-generation']],

    // ingestion: data ingestion (Applied LLMs week 9, ai-engineer questions)
    ['In RAG, the ingestion process refers to the handling and preparation of data before it is utilized by the model for generating responses.', 'ingestion', ['data-ingestion']],
    ['Real documents are messy, so ingestion quality dominates.', 'ingestion', ['data-ingestion']],
  ];
  itSenses(cases);
});
