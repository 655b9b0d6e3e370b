import type { GlossaryEntry, TermLanguage } from '../glossary';
import type { Occurrence } from '../scanner';
import { normalizeTerm } from '../text';
import { introductions } from './introductions';
import { preferredForm, sameForm, type Rendering, type Renderings } from './renderings';
import type { TermFinding, TermSettings, TermUse } from './types';

/** What the consistency rules read: the note's text, the glossary, the renderings cache and the allowed forms. */
export interface RuleContext {
  readonly text: string;
  readonly entry: (id: string) => GlossaryEntry | undefined;
  readonly renderings: Renderings;
  /** Normalized forms allowed by directives in the note. */
  readonly allowed: ReadonlySet<string>;
  readonly settings: TermSettings;
}

interface Use {
  readonly occ: Occurrence;
  readonly r: Rendering;
}

/** Uses of one entry that count as renderings: names as written (not word forms), not the abbreviation, not allowed. */
function renderedUses(e: GlossaryEntry, occs: readonly Occurrence[], ctx: RuleContext): Use[] {
  const out: Use[] = [];
  for (const occ of occs) {
    const r = ctx.renderings.of(e, occ.text);
    if (r && !r.abbr && !ctx.allowed.has(normalizeTerm(occ.text, false))) out.push({ occ, r });
  }
  return out;
}

/** Occurrences grouped by entry, in order of first use. */
export function byEntry(occs: readonly Occurrence[]): Map<string, Occurrence[]> {
  const m = new Map<string, Occurrence[]>();
  for (const o of occs) {
    const list = m.get(o.entryId);
    if (list) list.push(o);
    else m.set(o.entryId, [o]);
  }
  return m;
}

/**
 * `mixed-renderings` over one note or chapter: for each concept, the groups of uses that should agree, and one
 * finding for each group that holds two or more renderings. A rendering is the accepted names of a language taken
 * together, or one declared avoided form. Under the `glossary` style each language with declared avoided forms
 * is a group; under `zh-first` / `en-first`, every use of an entry with a name in that language is one group, less
 * the names inside an introduction's parentheses.
 */
export function mixedRenderings(occs: readonly Occurrence[], ctx: RuleContext): TermFinding[] {
  const out: TermFinding[] = [];
  for (const [id, list] of byEntry(occs)) {
    const e = ctx.entry(id);
    if (!e) continue;
    const uses = renderedUses(e, list, ctx);
    for (const g of groupsOf(e, uses, list, ctx)) {
      const classes = new Set(g.uses.map((u) => (u.r.avoided ? `avoid:${u.r.name}` : `ok:${u.r.lang}`)));
      if (classes.size >= 2) out.push(mixedFinding(e, g.uses, g.lang));
    }
  }
  return out;
}

function groupsOf(e: GlossaryEntry, uses: readonly Use[], all: readonly Occurrence[], ctx: RuleContext): { lang: TermLanguage; uses: Use[] }[] {
  const style = ctx.settings.style;
  if (style !== 'glossary') {
    const lang: TermLanguage = style === 'zh-first' ? 'zh' : 'en';
    if (preferredForm(e, lang)) {
      const { inside } = introductions(ctx.text, all);
      return [{ lang, uses: uses.filter((u) => !inside.has(u.occ)) }];
    }
  }
  return (['zh', 'en'] as const).filter((l) => e.avoid[l].length > 0).map((lang) => ({ lang, uses: uses.filter((u) => u.r.lang === lang) }));
}

const toUse = (o: Occurrence): TermUse => ({ start: o.start, end: o.end, text: o.text });

/** The renderings used with their counts, most used first, as the glossary spells them: `词元 ×3`. */
function formCounts(uses: readonly Use[]): string[] {
  const counts = new Map<string, number>();
  for (const u of uses) counts.set(u.r.name, (counts.get(u.r.name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ×${n}`);
}

function mixedFinding(e: GlossaryEntry, uses: readonly Use[], lang: TermLanguage): TermFinding {
  const preferred = preferredForm(e, lang);
  const forms = formCounts(uses);
  const first = uses[0].occ;
  const tail = preferred ? `; the glossary prefers ${preferred}` : '';
  return {
    rule: 'mixed-renderings',
    severity: 'information',
    entryId: e.id,
    start: first.start,
    end: first.end,
    message: `"${e.en}" is written ${forms.length} ways here: ${forms.join(', ')}${tail}`,
    args: { concept: e.en, forms, preferred, form: first.text },
    uses: uses.map((u) => toUse(u.occ)),
    replaceable: preferred ? uses.filter((u) => !sameForm(u.occ.text, preferred)).map((u) => toUse(u.occ)) : [],
  };
}

/** `avoided-variant`: each use of a declared avoided form, unless the note allows it. */
export function avoidedVariants(occs: readonly Occurrence[], ctx: RuleContext): TermFinding[] {
  const out: TermFinding[] = [];
  for (const [id, list] of byEntry(occs)) {
    const e = ctx.entry(id);
    if (!e || (e.avoid.zh.length === 0 && e.avoid.en.length === 0)) continue;
    const avoided = renderedUses(e, list, ctx).filter((u) => u.r.avoided);
    for (const u of avoided) {
      const preferred = preferredForm(e, u.r.lang);
      const same = avoided.filter((v) => v.r.name === u.r.name).map((v) => toUse(v.occ));
      out.push({
        rule: 'avoided-variant',
        severity: 'hint',
        entryId: e.id,
        start: u.occ.start,
        end: u.occ.end,
        message: `"${u.occ.text}" is a form of "${e.en}" to avoid${preferred ? `; use ${preferred}` : ''}`,
        args: { concept: e.en, forms: [u.occ.text], preferred, form: u.occ.text },
        uses: [toUse(u.occ)],
        replaceable: preferred ? same : [],
      });
    }
  }
  return out;
}
