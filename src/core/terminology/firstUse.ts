import type { Chapter } from '../chapters';
import type { GlossaryEntry } from '../glossary';
import type { Heading, Occurrence } from '../scanner';
import { normalizeTerm } from '../text';
import { byEntry, type RuleContext } from './consistency';
import { groupAfter, introductions } from './introductions';
import { preferredForm } from './renderings';
import { DEFAULT_INTRO_FORMAT, ENGLISH_INTRO_FORMAT, type TermFinding } from './types';

/**
 * `first-use-expansion`: in each chapter, the first use of a concept with an abbreviation, outside headings, must
 * not be the bare abbreviation. A use inside an introduction — 思维链（chain of thought, CoT）, or CoT（思维链）— is
 * fine, and so is a first use by the full name, or an abbreviation that opens parentheses after other words
 * (首词元时间（TTFT）: a name the glossary may lack introduces it).
 */
export function firstUses(occs: readonly Occurrence[], chapters: readonly Chapter[], headings: readonly Heading[], ctx: RuleContext): TermFinding[] {
  const out: TermFinding[] = [];
  const inHeading = (o: Occurrence) => headings.some((h) => o.start >= h.start && o.start < h.end);
  for (const c of chapters) {
    const body = occs.filter((o) => o.line >= c.line && o.line <= c.endLine && !inHeading(o) && !gluedToName(ctx.text, o));
    const glosses = body.filter((o) => glossedAfter(ctx.text, o)).map((o) => groupAfter(ctx.text, o.end)!);
    for (const [id, list] of byEntry(body)) {
      const e = ctx.entry(id);
      const first = list[0];
      if (!e || !isBareAbbreviation(e, first, ctx)) continue;
      const { inside, heads } = introductions(ctx.text, list);
      if (inside.has(first) || heads.has(first) || opensGroup(ctx.text, first) || glossedAfter(ctx.text, first)) continue;
      // Part of another abbreviation's gloss (DMA in RDMA（远程 DMA）): expanding it there would break that gloss.
      if (glosses.some(([open, close]) => first.start > open && first.end <= close)) continue;
      const introduction = introduce(e, first.text, formatAt(ctx.text, first, ctx.settings.introFormat));
      out.push({
        rule: 'first-use-expansion',
        severity: 'information',
        entryId: e.id,
        start: first.start,
        end: first.end,
        message: `first use of "${first.text}" in this chapter without saying what it stands for; write ${introduction}`,
        args: { concept: e.en, forms: [first.text], preferred: introduction, form: first.text },
        uses: [{ start: first.start, end: first.end, text: first.text }],
        replaceable: [],
        introduction,
      });
    }
  }
  return out;
}

/**
 * The format for an introduction at a use: the configured one, except that the default (Chinese first) gives way
 * to {@link ENGLISH_INTRO_FORMAT} on a line without Han characters, so that English prose gets no Chinese inserted.
 */
function formatAt(text: string, o: Occurrence, format: string): string {
  if (format !== DEFAULT_INTRO_FORMAT) return format;
  const from = text.lastIndexOf('\n', o.start) + 1;
  const to = text.indexOf('\n', o.end);
  return /\p{Script=Han}/u.test(text.slice(from, to < 0 ? text.length : to)) ? format : ENGLISH_INTRO_FORMAT;
}

/** The abbreviation opens a parenthesised group (视觉-语言-动作模型（VLA）): the words before it introduce it. */
function opensGroup(text: string, o: Occurrence): boolean {
  let p = o.start - 1;
  while (p >= 0 && text[p] === ' ') p--;
  if (text[p] !== '(' && text[p] !== '（') return false;
  let q = p - 1;
  while (q >= 0 && text[q] === ' ') q--;
  return q >= 0 && /[^\s(（]/.test(text[q]);
}

/**
 * The abbreviation is followed by parentheses that say in the note's own words what it stands for (HyDE（假设文档
 * 嵌入）, **HyDE** (Hypothetical Document Embeddings)): a short Chinese name, or two or more words that start with
 * the abbreviation's first letter. A remark (PPO（最早的）, GQA（16 注意力头 / 2 KV 头）), a year or a setting
 * (RAG (2020), LoRA (r=8)) is no introduction.
 */
function glossedAfter(text: string, o: Occurrence): boolean {
  const g = groupAfter(text, o.end);
  if (!g) return false;
  const inner = text.slice(g[0] + 1, g[1]).trim();
  if (/\p{Script=Han}/u.test(inner)) return HAN_GLOSS.test(inner) && !REMARK.test(inner);
  const words = inner.replace(/^(?:an?|the) /i, '');
  return LATIN_GLOSS.test(words) && words[0].toLowerCase() === o.text[0].toLowerCase();
}

/** A Chinese gloss: Han characters with at most a few Latin words (远程 DMA), nothing else. */
const HAN_GLOSS = /^(?=(?:.*\p{Script=Han}){2})[\p{Script=Han}A-Za-z -]{2,16}$/u;
/** Words that make a parenthesis a remark rather than a name (的, 因为, 例如 …). */
const REMARK = /[的了]|因为|例如|比如|需要|包括/u;
/** Two or more words (letters, hyphens, apostrophes). */
const LATIN_GLOSS = /^\p{L}[\p{L}'-]*(?:[ ,]+\p{L}[\p{L}'-]*)+$/u;

/** A use that is part of a longer hyphenated or dotted name (GNN-RAG, RoPE-based): not a use to introduce. */
function gluedToName(text: string, o: Occurrence): boolean {
  const before = text.charAt(o.start - 1);
  const after = text.charAt(o.end);
  return /[-.\w]/.test(before) || /^[-.]\w$/.test(after + text.charAt(o.end + 1)) || /\w/.test(after);
}

/**
 * The use is the entry's abbreviation (or its plural, LLMs), the entry has a longer name and is not a basic term
 * (AI, GPU need no introduction), and the note does not allow the form.
 */
function isBareAbbreviation(e: GlossaryEntry, o: Occurrence, ctx: RuleContext): boolean {
  if (!e.abbr || e.level === 'basic' || normalizeTerm(e.abbr, false) === normalizeTerm(e.en, false)) return false;
  if (ctx.allowed.has(normalizeTerm(o.text, false))) return false;
  const t = normalizeTerm(o.text, true);
  const a = normalizeTerm(e.abbr, true);
  return t === a || t === `${a}s`;
}

/** The introduction in the user's format; a part the entry lacks is left out with its separator. */
export function introduce(e: GlossaryEntry, abbr: string, format: string): string {
  const en = preferredForm(e, 'en');
  // A plural use (TPUs, SLMs) is introduced by the plural name, the trailing s the matcher reads as a plural.
  const plural = !!e.abbr && en && !/s$/i.test(en) && normalizeTerm(abbr, true) === `${normalizeTerm(e.abbr, true)}s`;
  const values: Record<string, string | undefined> = { zh: preferredForm(e, 'zh'), en: plural ? `${en}s` : en, abbr };
  let f = format;
  for (const key of ['zh', 'en'] as const) {
    if (values[key]) continue;
    f = f.replace(new RegExp(`\\{${key}\\}\\s*[,，、]\\s*|\\s*[,，、]\\s*\\{${key}\\}`), '');
    if (f.includes(`{${key}}`)) f = key === 'zh' ? '{en} ({abbr})' : '{zh}（{abbr}）';
  }
  return f.replace(/\{(zh|en|abbr)\}/g, (_, k: string) => values[k] ?? '');
}
