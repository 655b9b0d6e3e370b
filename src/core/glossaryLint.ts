import { CATEGORIES } from './categories';
import { entryTerms, type GlossaryEntry, type GlossaryProblem } from './glossary';
import type { GlossaryIndex } from './glossaryIndex';
import { defaultCaseSensitive, isHan } from './text';

/**
 * Everyday English words that are nonetheless accepted as names, because in LLM notes they almost always mean
 * the glossary concept. Each one was reviewed; add to this list only with the same care.
 */
export const COMMON_WORD_EXCEPTIONS: readonly string[] = [
  'attention', // "attention" in LLM notes is the mechanism
  'temperature', // the sampling parameter
  'token', // level basic
  'parameter', // level basic
  'memory', // agent memory is the concept in these notes
  'planning',
  'reflection',
  'policy',
  'reward',
  'prompt',
  'agent',
  'alignment',
  'hallucination',
  'benchmark',
  'inference',
  'embedding',
  'gradient',
  'transformer',
];

/** Limits of a definition, in UTF-16 code units. */
export const DEFINITION_LIMITS = { en: { min: 25, max: 450 }, zh: { min: 10, max: 200 } };

export interface LintOptions {
  /** Lower-case everyday English words: a case-insensitive name equal to one of them would cause false hits. */
  readonly commonWords: ReadonlySet<string>;
  /** Words allowed despite being common. */
  readonly exceptions?: readonly string[];
  /** Category ids allowed; defaults to the built-in categories. */
  readonly categories?: readonly string[];
}

const ARXIV = /^https:\/\/arxiv\.org\/abs\/(\d{2})(\d{2})\.\d{4,5}$/;
const HAS_HAN = /\p{Script=Han}/u;

/**
 * The quality bar for the built-in glossary, on top of the loader's checks: both languages, definitions of a
 * sensible length, well-formed references (an arXiv link must agree with the year), no single-Han-character
 * names, no everyday English words as names, known categories.
 */
export function lintGlossary(index: GlossaryIndex, options: LintOptions): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  const exceptions = new Set((options.exceptions ?? COMMON_WORD_EXCEPTIONS).map((w) => w.toLowerCase()));
  const categories = new Set(options.categories ?? CATEGORIES.map((c) => c.id));
  for (const e of index.entries.values()) {
    const report = (message: string) => problems.push({ ...e.source, severity: 'error', message: `entry "${e.id}": ${message}` });
    for (const lang of ['en', 'zh'] as const) {
      const d = e.definition[lang];
      const { min, max } = DEFINITION_LIMITS[lang];
      if (!d) report(`definition.${lang} is missing`);
      else if (d.length < min) report(`definition.${lang} is too short (${d.length} characters; expected at least ${min})`);
      else if (d.length > max) report(`definition.${lang} is too long (${d.length} characters; expected at most ${max})`);
    }
    if (e.definition.zh && !HAS_HAN.test(e.definition.zh)) report('definition.zh is not written in Chinese');
    if (e.definition.en && hanShare(e.definition.en) > 0.2) report('definition.en is mostly not English');
    if (e.zh && !HAS_HAN.test(e.zh)) report(`zh "${e.zh}" has no Chinese characters; put English names in en or aliases`);
    if (HAS_HAN.test(e.en)) report(`en "${e.en}" has Chinese characters; put Chinese names in zh or aliases`);
    if (!categories.has(e.category)) report(`unknown category "${e.category}"; expected one of ${[...categories].join(', ')}`);
    lintSenses(e, report);
    // A sense surface is matched only with evidence, unless it is a default sense: then it is checked like a name.
    const gated = new Set(e.senses.filter((s) => !s.default).map((s) => s.surface.toLowerCase()));
    lintTerminology(e, report);
    for (const term of [...entryTerms(e), ...e.avoid.zh, ...e.avoid.en, ...e.senses.filter((s) => s.default).map((s) => s.surface)]) {
      const t = term.trim();
      if ([...t].length === 1 && isHan(t.charCodeAt(0))) report(`"${t}" is a single Han character; it would match inside countless words`);
      if (gated.has(t.toLowerCase())) continue;
      const insensitive = !(e.caseSensitive ?? defaultCaseSensitive(t));
      if (insensitive && /^[A-Za-z]+$/.test(t) && options.commonWords.has(t.toLowerCase()) && !exceptions.has(t.toLowerCase()))
        report(`"${t}" is an everyday English word and would cause false hits; use a longer name, or list it in COMMON_WORD_EXCEPTIONS`);
    }
    lintReferences(e, report);
  }
  return problems;
}

/** A sense needs something that selects it: compounds, cues, or being the default. */
function lintSenses(e: GlossaryEntry, report: (m: string) => void): void {
  for (const s of e.senses) {
    if (!s.default && s.compounds.length === 0 && s.cues.length === 0) report(`sense "${s.surface}" has no compounds, cues or default, so it can never be chosen`);
  }
}

/** Avoided forms need a preferred form in their language, so every hint has a replacement to offer. */
function lintTerminology(e: GlossaryEntry, report: (m: string) => void): void {
  for (const l of ['zh', 'en'] as const) {
    if (e.avoid[l].length > 0 && !e.preferred[l]) report(`avoid.${l} is given without preferred.${l}; say which form replaces the avoided ones`);
  }
}

function hanShare(s: string): number {
  let han = 0;
  for (const ch of s) if (HAS_HAN.test(ch)) han++;
  return han / [...s].length;
}

function lintReferences(e: GlossaryEntry, report: (m: string) => void): void {
  const thisYear = new Date().getFullYear();
  for (const r of e.references) {
    if (!r.title.trim()) report('a reference has an empty title');
    if (r.year === undefined) report(`reference "${r.title}" has no year`);
    else if (r.year < 1940 || r.year > thisYear + 1) report(`reference "${r.title}" has an implausible year ${r.year}`);
    if (r.url?.includes('arxiv.org')) {
      const m = ARXIV.exec(r.url);
      if (!m) report(`reference "${r.title}" has a malformed arXiv URL ${r.url}; expected https://arxiv.org/abs/YYMM.NNNNN`);
      else {
        const year = 2000 + Number(m[1]);
        const month = Number(m[2]);
        if (month < 1 || month > 12) report(`reference "${r.title}": arXiv id ${r.url} has no valid month`);
        // A paper submitted in late December gets a January id of the next year.
        const earliest = month === 1 ? year - 1 : year;
        if (r.year !== undefined && (r.year < earliest || r.year > year + 1))
          report(`reference "${r.title}": year ${r.year} does not agree with arXiv id ${r.url} (submitted ${year})`);
      }
    }
  }
}
