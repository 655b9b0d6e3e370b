import type { GlossaryIndex } from './glossaryIndex';
import { parseMarkdown } from './markdown';
import { collectProse } from './scanner';
import { LineIndex, normalizeTerm } from './text';

/** What kind of evidence produced a suggestion. */
export type SuggestionKind = 'pair' | 'acronym' | 'camel-case';

/** A term the notes use that the glossary lacks (or a new name for a concept it has). */
export interface Suggestion {
  /** The name as most often written. */
  readonly term: string;
  readonly kind: SuggestionKind;
  /** Chinese name, for bilingual pairs such as 思维链（CoT, Chain of Thought）. */
  readonly zh?: string;
  /** English name and abbreviation, where the notes gave them. */
  readonly en?: string;
  readonly abbr?: string;
  /** For a pair whose English side the glossary knows: the entry the Chinese name could become an alias of. */
  readonly aliasOf?: string;
  /** Number of files that use it, and of uses in all. */
  readonly files: number;
  readonly count: number;
  /** A few places it was seen. */
  readonly examples: readonly { readonly file: string; readonly line: number; readonly text: string }[];
}

/** Words and acronyms that are not LLM terms (or are deliberately left out of the glossary). */
export const SUGGEST_IGNORE: ReadonlySet<string> = new Set(
  [
    // everyday acronyms of computing and writing
    'API', 'APIs', 'URL', 'URLs', 'HTTP', 'HTTPS', 'JSON', 'YAML', 'HTML', 'CSS', 'PDF', 'CSV', 'SQL', 'CLI', 'GUI', 'UI', 'UX',
    'OK', 'TODO', 'FAQ', 'FAQs', 'README', 'ID', 'IDs', 'IO', 'OS', 'PC', 'CPU', 'CPUs', 'RAM', 'SSD', 'USB', 'IP', 'DNS', 'SSH',
    'FTP', 'TCP', 'UDP', 'AWS', 'GCP', 'IT', 'PR', 'PRs', 'QA', 'CEO', 'CTO', 'PhD', 'MIT', 'USA', 'US', 'UK', 'EU', 'AM', 'PM',
    'NOTE', 'WARNING', 'TIP', 'IMPORTANT', 'TL;DR', 'TLDR', 'ETA', 'MB', 'GB', 'TB', 'KB', 'MiB', 'GiB', 'FYI', 'ASAP', 'DIY',
    'LaTeX', 'GitHub', 'GitLab', 'YouTube', 'LinkedIn', 'iPhone', 'iOS', 'macOS', 'JavaScript', 'TypeScript', 'PyPI', 'WeChat',
    'OpenReview', 'ArXiv', 'PyCharm', 'VSCode', 'VS', 'PowerShell', 'MacBook', 'AutoDL', 'PowerPoint', 'NumPy', 'SciPy',
    'WhatsApp', 'SMTP', 'IMAP', 'VPS', 'CRM', 'ROI', 'CFO', 'MVP', 'CI', 'CD', 'GDPR', 'SDK', 'SDKs', 'AMD', 'RTX', 'PCIe',
    'NVMe', 'MPI', 'HPC', 'STEM', 'PMs', 'PDFs', 'IDE', 'IDEs', 'GPT-like', 'SaaS', 'PaaS', 'IaaS', 'B2B', 'B2C', 'KPI',
    'KPIs', 'HR', 'AR', 'VR', 'XR', 'IoT', 'NIST', 'OWASP', 'ISO', 'IEEE', 'ACL', 'EMNLP', 'NAACL', 'ICLR', 'ICML', 'NeurIPS',
    'CVPR', 'ICCV', 'ECCV', 'AAAI', 'IJCAI', 'KDD', 'SIGIR', 'WWW', 'COLING', 'TMLR', 'JMLR', 'OpenAI-compatible',
    // deliberate omissions: abbreviations too ambiguous to match on their own (see the glossary authoring rules)
    'TP', 'PP', 'DP', 'EP', 'CP', 'SP', 'HF', 'KV', 'KL', 'IR', 'FDE', 'SDR', 'RMF', 'AX',
  ].map((w) => w.toLowerCase()),
);

/** Upper-case English words that show up as if they were acronyms (headings, log lines, prompts). */
const SHOUTED_WORDS = new Set(
  'POST GET PUT PATCH DELETE HEAD FAIL PASS PASSED FAILED ERROR OK USER AGENT AGENTS SYSTEM ASSISTANT TOOL TOOLS SOUL MEMORY PATH STAR PAIR SCOTT NEW NOTE TASK TASKS STEP STEPS INPUT OUTPUT QUERY CONTEXT ANSWER QUESTION RULES ROLE GOAL PLAN DONE TRUE FALSE NONE NULL THE AND FOR NOT YES NO END START STOP WARN INFO DEBUG TEST DEMO BEST WORST GOOD BAD HIGH LOW TOP KEY DATA MODEL'.split(' '),
);

/** Class and function names of libraries (LoraConfig, TrainingArguments) are code, not terms. */
const CODE_IDENTIFIER = /^[A-Z][a-z]+(?:[A-Z][a-z0-9]+)*(?:Config|Arguments|Args|Callback|Trainer|Tokenizer|Dataset|Loader|Pipeline|Processor|Client|Server|Error|Exception|Handler|Manager|Factory|Builder|Wrapper|Module|Layer|ForCausalLM|Model)$/;

/** Characters that end the Chinese name before a parenthesis: particles, verbs and conjunctions. */
const ZH_STOP = /[的了和与及在是为把将对用即或被从等个这那其就也都让使给向于以而并且但如即称叫作]/u;

const PAIR = /(\p{Script=Han}{2,16})\s*[（(]\s*([A-Za-z][A-Za-z0-9 .\-'/&+]{0,60}?)\s*(?:[,，、;；/]\s*([A-Za-z][A-Za-z0-9 .\-'/&+]{0,60}?)\s*)?[)）]/gu;
const ACRONYM = /(?<![\p{L}\p{N}_-])([A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?![\p{L}\p{N}_])/gu;
const CAMEL = /^[A-Z][a-z]+(?:[A-Z][a-z0-9]+)+$/u;

/** Trims a Han run to the name right before the parenthesis: after the last particle or verb. */
function zhName(run: string): string | undefined {
  let start = 0;
  for (let i = 0; i < run.length; i++) if (ZH_STOP.test(run[i])) start = i + 1;
  const name = run.slice(start);
  return name.length >= 2 && name.length <= 10 ? name : undefined;
}

/** Model sizes and variants (-7B, -Instruct) are not part of a term. */
function stripVariant(term: string): string {
  return term.replace(/(?:-(?:\d+(?:\.\d+)?[BbMmKkTt]|Instruct|Chat|Base|hf|HF|v\d+(?:\.\d+)*|\d+(?:\.\d+)?))+$/u, '');
}

/** An abbreviation: up to 12 characters without spaces, starting with a capital, with two or more capitals (RoPE, GPT-4). */
export function isAbbreviation(s: string): boolean {
  return /^[A-Z][A-Za-z0-9.-]{0,11}$/.test(s) && (s.match(/[A-Z]/g)?.length ?? 0) >= 2 && !s.includes(' ');
}

interface Tally {
  term: string;
  kind: SuggestionKind;
  zh?: string;
  en?: string;
  abbr?: string;
  aliasOf?: string;
  files: Set<string>;
  count: number;
  spellings: Map<string, number>;
  examples: { file: string; line: number; text: string }[];
}

/** A candidate term in one piece of prose: what {@link SuggestCollector} tallies, with its place. */
export interface TermCandidate extends Pick<Suggestion, 'term' | 'kind' | 'zh' | 'en' | 'abbr' | 'aliasOf'> {
  /** Tally key: the same concept has the same key in every note. */
  readonly key: string;
  /** The spelling as written. */
  readonly spelling: string;
  /** `[start, end)` offsets in the text: the Chinese name and its parentheses for a pair, the word otherwise. */
  readonly start: number;
  readonly end: number;
}

/** Looks a term up among the glossary's names (and without a plural s); gives the entry id. */
export type KnownLookup = (term: string) => string | undefined;

const lookups = new WeakMap<GlossaryIndex, KnownLookup>();

/** The name lookup of a glossary (every matched name, word forms included), built once per glossary. */
export function knownNames(glossary: GlossaryIndex): KnownLookup {
  let known = lookups.get(glossary);
  if (!known) {
    const names = new Map<string, string>();
    for (const p of glossary.patterns) names.set(normalizeTerm(p.term, false), p.entryId);
    known = (term) => names.get(normalizeTerm(term, false)) ?? names.get(normalizeTerm(term.replace(/s$/, ''), false));
    lookups.set(glossary, known);
  }
  return known;
}

/** True when a hyphen splits the term into a known name and a variant or an ordinary word. */
function knownPrefix(term: string, known: KnownLookup): boolean {
  const parts = term.split('-');
  for (let i = parts.length - 1; i >= 1; i--) {
    if (known(parts.slice(0, i).join('-'))) return true;
  }
  return parts.length > 1 && parts.slice(1).every((p) => /^[a-z]+$/.test(p)) && SUGGEST_IGNORE.has(parts[0].toLowerCase());
}

/**
 * The candidates in the prose `text.slice(start, end)`: bilingual pairs whose Chinese name the glossary lacks,
 * then acronyms and CamelCase names it lacks, each in text order.
 */
export function* chunkCandidates(text: string, start: number, end: number, known: KnownLookup): Generator<TermCandidate> {
  const chunk = text.slice(start, end);
  for (const m of chunk.matchAll(PAIR)) {
    const zh = zhName(m[1]);
    if (!zh) continue;
    const parts = [m[2], m[3]].filter((x): x is string => Boolean(x)).map((x) => x.trim().replace(/\s+/g, ' '));
    const abbr = parts.find(isAbbreviation);
    const en = parts.find((p) => p !== abbr && /[a-z]/.test(p) && p.length > 2);
    if (!abbr && !en) continue;
    if (known(zh)) continue;
    const aliasOf = (en && known(en)) || (abbr && known(abbr)) || undefined;
    const at = start + (m.index ?? 0) + m[1].length - zh.length;
    yield { key: `pair:${zh}`, term: zh, kind: 'pair', zh, en, abbr, aliasOf, spelling: zh, start: at, end: start + (m.index ?? 0) + m[0].length };
  }
  // Acronyms and CamelCase names: two or more capitals (CoT, RLHF, FlashAttention).
  for (const m of chunk.matchAll(ACRONYM)) {
    const raw = m[1];
    const term = stripVariant(raw);
    if (term.length < 2 || !/[A-Z].*[A-Z]/.test(term)) continue;
    if (SUGGEST_IGNORE.has(term.toLowerCase()) || known(term) || known(raw)) continue;
    if (/^[A-Z]+$/.test(term) && (term.length > 8 || SHOUTED_WORDS.has(term))) continue; // SHOUTING, not an acronym
    if (CODE_IDENTIFIER.test(term)) continue;
    // A known term with a suffix or a variant (LLM-based, GPT-4o-mini, DeepSeek-R1-Distill-Qwen) is that term.
    if (knownPrefix(term, known)) continue;
    const kind: SuggestionKind = CAMEL.test(term) ? 'camel-case' : 'acronym';
    const at = start + (m.index ?? 0);
    yield { key: `word:${term.toLowerCase()}`, term, kind, spelling: term, start: at, end: at + raw.length };
  }
}

/**
 * Collects, over many notes, the terms the glossary lacks: bilingual pairs written the way Chinese notes
 * introduce terms (`旋转位置编码（RoPE，Rotary Position Embedding）`), acronyms, and CamelCase names, all from
 * prose only. Call {@link SuggestCollector.add} per note, then {@link SuggestCollector.results}.
 */
export class SuggestCollector {
  private readonly tallies = new Map<string, Tally>();
  private readonly known: KnownLookup;

  constructor(glossary: GlossaryIndex) {
    this.known = knownNames(glossary);
  }

  add(file: string, text: string): void {
    const lines = new LineIndex(text);
    const { ranges } = collectProse(parseMarkdown(text), text, lines);
    const seenHere = new Set<string>();
    const record = (c: TermCandidate) => {
      let t = this.tallies.get(c.key);
      if (!t) this.tallies.set(c.key, (t = { term: c.term, kind: c.kind, zh: c.zh, en: c.en, abbr: c.abbr, aliasOf: c.aliasOf, files: new Set(), count: 0, spellings: new Map(), examples: [] }));
      t.files.add(file);
      t.count++;
      t.spellings.set(c.spelling, (t.spellings.get(c.spelling) ?? 0) + 1);
      if (!seenHere.has(c.key) && t.examples.length < 3) {
        const line = lines.position(c.start).line;
        const ls = lines.lineStart(line);
        t.examples.push({ file, line, text: text.slice(ls, text.indexOf('\n', ls) < 0 ? undefined : text.indexOf('\n', ls)).trim().slice(0, 120) });
      }
      seenHere.add(c.key);
    };
    for (let i = 0; i < ranges.length; i += 2) for (const c of chunkCandidates(text, ranges[i], ranges[i + 1], this.known)) record(c);
  }

  /** Suggestions ranked by how many files use them, then by uses. */
  results(options: { minFiles?: number; limit?: number } = {}): Suggestion[] {
    const out: Suggestion[] = [];
    for (const t of this.tallies.values()) {
      if (t.files.size < (options.minFiles ?? 1)) continue;
      const spelling = [...t.spellings.entries()].sort((a, b) => b[1] - a[1])[0][0];
      out.push({
        term: t.kind === 'pair' ? t.term : spelling,
        kind: t.kind,
        zh: t.zh,
        en: t.en,
        abbr: t.abbr,
        aliasOf: t.aliasOf,
        files: t.files.size,
        count: t.count,
        examples: t.examples,
      });
    }
    out.sort((a, b) => b.files - a.files || b.count - a.count || a.term.localeCompare(b.term));
    return options.limit ? out.slice(0, options.limit) : out;
  }
}
