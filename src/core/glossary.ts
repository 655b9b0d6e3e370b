/** The glossary data model, shared by the loader, the scanner and every front end. */

/** Where something stands in a glossary file: 1-based lines, 1-based UTF-16 columns, end exclusive. */
export interface SourceRange {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A paper or report behind an entry. */
export interface Reference {
  readonly title: string;
  readonly year?: number;
  readonly url?: string;
}

/**
 * An ambiguous surface an entry shares with other meanings, and what selects this entry for it: a compound that
 * contains the surface, cue words in the same sentence or section, or being the default.
 */
export interface SenseSpec {
  readonly surface: string;
  readonly compounds: readonly string[];
  readonly cues: readonly string[];
  readonly default: boolean;
}

/** The language a name is written in: Chinese when it has a Han character, English otherwise. */
export type TermLanguage = 'zh' | 'en';

/** The two languages of a name, in a fixed order. */
export const TERM_LANGUAGES: readonly TermLanguage[] = ['zh', 'en'];

/** Chinese when a name has a Han character, English otherwise. */
export function termLanguage(name: string): TermLanguage {
  return /\p{Script=Han}/u.test(name) ? 'zh' : 'en';
}

/** How prominently the editor shows an entry: `basic` terms (token, parameter) are shown quietly. */
export type Level = 'basic' | 'standard';

/** One glossary entry, after loading and merging. */
export interface GlossaryEntry {
  readonly id: string;
  readonly en: string;
  readonly zh?: string;
  readonly abbr?: string;
  readonly aliases: readonly string[];
  readonly category: string;
  readonly level: Level;
  readonly definition: { readonly en?: string; readonly zh?: string };
  readonly related: readonly string[];
  readonly references: readonly Reference[];
  readonly caseSensitive?: boolean;
  readonly draft?: boolean;
  /** The English verb a verb-based term comes from (fine-tune for fine-tuning); its forms are matched too. */
  readonly verb?: string;
  /** Ambiguous surfaces this entry is one sense of. */
  readonly senses: readonly SenseSpec[];
  /** Longer words in which this entry's names never mean it. */
  readonly notIn: readonly string[];
  /** The form notes should use, per language (one of the entry's names); declaring it turns the terminology checks on. */
  readonly preferred: Readonly<Partial<Record<TermLanguage, string>>>;
  /** Forms to avoid, per language; each is also a name of the entry. */
  readonly avoid: Readonly<Record<TermLanguage, readonly string[]>>;
  /** Where the entry is defined (its `- id:` item); for a merged entry, the last file that defined it. */
  readonly source: SourceRange;
  /** True for entries that come from the glossary shipped with the extension, unchanged by user files. */
  readonly builtin: boolean;
}

/** A problem found in a glossary file. */
export interface GlossaryProblem extends SourceRange {
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** Formats a problem as `file:line:column: message` (warnings say so). */
export function formatProblem(p: GlossaryProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** Every name of an entry that is matched in notes, in the order: English, Chinese, abbreviation, aliases. */
export function entryTerms(e: Pick<GlossaryEntry, 'en' | 'zh' | 'abbr' | 'aliases'>): string[] {
  const terms = [e.en];
  if (e.zh) terms.push(e.zh);
  if (e.abbr) terms.push(e.abbr);
  terms.push(...e.aliases);
  return terms;
}

/** The copied label of an entry; its home, with every other display name, is ./labels. */
export { entryLabel } from './labels';
