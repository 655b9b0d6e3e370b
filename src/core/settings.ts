import type { DisplayLanguage } from './hover';
import type { LayerSettings } from './glossaryLayers';
import { DEFAULT_TERM_SETTINGS, type TermSettings } from './terminology/types';

/** How terms are underlined in the editor. */
export type UnderlineMode = 'all' | 'firstInSection' | 'off';

/**
 * What accepting a completion inserts: the introduction (`思维链（chain of thought, CoT）`) where the entry is not
 * yet used in the chapter and the chosen name afterwards, always the chosen name, or always the introduction.
 */
export type CompletionInsert = 'introduction-first' | 'short' | 'full';

/** The settings the service works with (the host reads them from its configuration). */
export interface ServiceSettings extends LayerSettings {
  /** Which definition(s) hovers, tooltips and tables show. */
  readonly language: DisplayLanguage;
  readonly underlines: UnderlineMode;
  /** Underline basic terms (token, parameter) too. */
  readonly underlineBasic: boolean;
  /** Notes longer than this many characters are not scanned. */
  readonly maxFileSize: number;
  // Completion and known terms
  readonly completionInsert: CompletionInsert;
  /** Ids of the entries the user knows: they keep their hover but are not underlined. */
  readonly knownTerms: readonly string[];
  /** Underline known terms too. */
  readonly showKnownTerms: boolean;
  /** Terminology rules: which run, over what scope, under which house style, and the first-use format. */
  readonly terminology: TermSettings;
}

export const DEFAULT_SETTINGS: ServiceSettings = {
  language: 'both',
  underlines: 'all',
  underlineBasic: false,
  builtin: true,
  glossaryFiles: [],
  maxFileSize: 2_000_000,
  completionInsert: 'introduction-first',
  knownTerms: [],
  showKnownTerms: false,
  terminology: DEFAULT_TERM_SETTINGS,
};
