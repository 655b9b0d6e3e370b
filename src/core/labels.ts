// The one home of an entry's display names: every tree, tooltip, quick pick, hover and copied label uses these.
import type { GlossaryEntry } from './glossary';
import type { DisplayLanguage } from './hover';

type Names = Pick<GlossaryEntry, 'en' | 'zh' | 'abbr'>;

/** The abbreviation where it differs from the English name. */
function distinctAbbr(e: Names): string | undefined {
  return e.abbr && e.abbr !== e.en ? e.abbr : undefined;
}

/** A label such as `思维链（chain of thought, CoT）`, or `chain of thought (CoT)` where there is no Chinese name. */
export function entryLabel(e: Names): string {
  const abbr = distinctAbbr(e);
  const inner = abbr ? `${e.en}, ${abbr}` : e.en;
  return e.zh ? `${e.zh}（${inner}）` : abbr ? `${e.en} (${abbr})` : e.en;
}

/** The name an entry is shown by: Chinese where it has one (English with `language: en`). */
export function primaryName(e: Names, language: DisplayLanguage = 'both'): string {
  return language === 'en' || !e.zh ? e.en : e.zh;
}

/**
 * The other names shown beside the primary one: `chain of thought (CoT)` under 思维链; `思维链 · CoT` or `CoT`
 * under an English primary name; empty when there is nothing more to say.
 */
export function secondaryName(e: Names, language: DisplayLanguage = 'both'): string {
  const abbr = distinctAbbr(e);
  if (primaryName(e, language) === e.zh) return abbr ? `${e.en} (${abbr})` : e.en;
  return [e.zh, abbr].filter(Boolean).join(' · ');
}

/** Primary and secondary names in one line: `思维链 · chain of thought (CoT)`. */
export function fullName(e: Names, language: DisplayLanguage = 'both'): string {
  return [primaryName(e, language), secondaryName(e, language)].filter(Boolean).join(' · ');
}

/** The script a note is written in, for introductions: Chinese notes put the Chinese name first. */
export type NoteLanguage = 'zh' | 'en';

/**
 * The introduction of a term on its first use, the one place its format is defined: `思维链（chain of thought,
 * CoT）` in a Chinese note (the copied label), `chain of thought (CoT)` in an English one.
 */
export function formatIntroduction(e: Names, language: NoteLanguage): string {
  if (language === 'zh') return entryLabel(e);
  const abbr = distinctAbbr(e);
  return abbr ? `${e.en} (${abbr})` : e.en;
}
