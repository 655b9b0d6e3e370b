/** The data of the terminology rules: settings, findings and the edits that fix them. */

/** The rules, by the code their diagnostics carry. */
export type TermRule = 'mixed-renderings' | 'avoided-variant' | 'first-use-expansion';

export const TERM_RULES: readonly TermRule[] = ['mixed-renderings', 'avoided-variant', 'first-use-expansion'];

/**
 * House style for the language of names. `glossary`: each language is checked on its own (a Chinese name beside
 * the English one is normal); `zh-first` / `en-first`: a note should name a concept in that language, so using
 * both a Chinese and an English name counts as mixing (the name inside an introduction's parentheses excepted).
 */
export type TermStyle = 'glossary' | 'zh-first' | 'en-first';

/** What `mixed-renderings` looks at together: the whole note, or each chapter. */
export type TermScope = 'note' | 'chapter';

/** How the rules run. */
export interface TermSettings {
  /** The rules that run; `first-use-expansion` is off by default. */
  readonly rules: readonly TermRule[];
  readonly scope: TermScope;
  readonly style: TermStyle;
  /** The introduction written by the first-use fix: `{zh}`, `{en}` and `{abbr}` are filled in. */
  readonly introFormat: string;
}

export const DEFAULT_INTRO_FORMAT = '{zh}（{en}, {abbr}）';

/** The introduction written under the default format where the line has no Chinese: an English note stays English. */
export const ENGLISH_INTRO_FORMAT = '{en} ({abbr})';

export const DEFAULT_TERM_SETTINGS: TermSettings = {
  rules: ['mixed-renderings', 'avoided-variant'],
  scope: 'note',
  style: 'glossary',
  introFormat: DEFAULT_INTRO_FORMAT,
};

/** Replace `[start, end)` (UTF-16 offsets into the note) with `newText`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** One use of a term that a finding is about. */
export interface TermUse {
  readonly start: number;
  readonly end: number;
  /** The exact text of the use. */
  readonly text: string;
}

/** A finding of a terminology rule: plain data, with an English message and the values a host localizes. */
export interface TermFinding {
  readonly rule: TermRule;
  readonly severity: 'information' | 'hint';
  readonly entryId: string;
  /** The primary range: the first use (`mixed-renderings`) or the use itself. */
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** The concept's label, the forms used (with counts), the preferred form and the form of this use. */
  readonly args: { readonly concept: string; readonly forms: readonly string[]; readonly preferred?: string; readonly form: string };
  /** Every use the finding is about (for `mixed-renderings`, every use of the concept in the note or chapter). */
  readonly uses: readonly TermUse[];
  /** Uses whose text is not the preferred form: what "replace all" replaces. */
  readonly replaceable: readonly TermUse[];
  /** For `first-use-expansion`: the introduction that replaces the bare abbreviation. */
  readonly introduction?: string;
}

/** What a quick fix does; hosts word the title from `kind` and its values. */
export interface TermFix {
  readonly kind: 'replace-use' | 'replace-all' | 'allow' | 'introduce';
  readonly rule: TermRule;
  /** The form replaced or allowed, and what replaces it. */
  readonly from: string;
  readonly to: string;
  /** For `replace-all`: how many uses change. */
  readonly count: number;
  /** The edits, applied together (one undo). */
  readonly edits: readonly TextEdit[];
}
