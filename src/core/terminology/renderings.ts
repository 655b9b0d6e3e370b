import { entryTerms, termLanguage, TERM_LANGUAGES, type GlossaryEntry, type TermLanguage } from '../glossary';
import { normalizeTerm } from '../text';

/** A name of an entry as a way of writing it. */
export interface Rendering {
  /** The name as the glossary writes it. */
  readonly name: string;
  readonly lang: TermLanguage;
  readonly avoided: boolean;
  /** The abbreviation is neutral: it belongs to neither language and is never a rendering that mixes. */
  readonly abbr: boolean;
}

/** The names of entries as renderings, by normalized text; built once per entry and lint run. */
export class Renderings {
  private readonly byEntry = new Map<string, Map<string, Rendering>>();

  /** The rendering a use's text is, or undefined for generated word forms and variants (fine-tuned, 詞元). */
  of(e: GlossaryEntry, text: string): Rendering | undefined {
    let m = this.byEntry.get(e.id);
    if (!m) this.byEntry.set(e.id, (m = renderingsOf(e)));
    return m.get(normalizeTerm(text, false));
  }
}

function renderingsOf(e: GlossaryEntry): Map<string, Rendering> {
  const avoided = new Set(TERM_LANGUAGES.flatMap((l) => e.avoid[l].map((a) => normalizeTerm(a, false))));
  const abbr = e.abbr && normalizeTerm(e.abbr, false);
  // The verb a term comes from, however it is spelt (fine-tune, finetune), is a word form and not a rendering:
  // "we fine-tune the model" must never become "we fine-tuning the model".
  const verb = e.verb && closed(e.verb);
  const m = new Map<string, Rendering>();
  for (const name of [...entryTerms(e), ...e.avoid.zh, ...e.avoid.en]) {
    const key = normalizeTerm(name, false);
    if (m.has(key) || closed(name) === verb) continue;
    m.set(key, { name, lang: termLanguage(name), avoided: avoided.has(key), abbr: key === abbr });
  }
  return m;
}

/** A name with case, hyphens and spaces set aside: fine-tune, Fine tune and finetune are one spelling. */
function closed(name: string): string {
  return normalizeTerm(name, false).replace(/[\s-]/g, '');
}

/** The form notes should use in a language: the declared preferred form, else the main name, unless it is avoided. */
export function preferredForm(e: GlossaryEntry, lang: TermLanguage): string | undefined {
  const form = e.preferred[lang] ?? (lang === 'zh' ? e.zh : e.en);
  if (!form || termLanguage(form) !== lang) return undefined;
  return e.avoid[lang].some((a) => normalizeTerm(a, false) === normalizeTerm(form, false)) ? undefined : form;
}

/** The replacement for a use, capitalised like it (an English form at the start of a sentence). */
export function casedLike(form: string, use: string): string {
  const first = use.charAt(0);
  if (/^[A-Z]$/.test(first) && /^[a-z]/.test(form) && use.slice(1) === use.slice(1).toLowerCase()) return form.charAt(0).toUpperCase() + form.slice(1);
  return form;
}

/** Whether a use's text is the form (ignoring case, hyphens and full-width letters). */
export function sameForm(a: string, b: string): boolean {
  return normalizeTerm(a, false) === normalizeTerm(b, false);
}
