import type { DisplayLanguage } from './hover';
import type { LayerSettings } from './glossaryLayers';
import { DEFAULT_TERM_SETTINGS, type TermSettings } from './terminology/types';

/** How terms are underlined in the editor. */
export type UnderlineMode = 'all' | 'firstInSection' | 'off';

/** The settings the service works with (the host reads them from its configuration). */
export interface ServiceSettings extends LayerSettings {
  /** Which definition(s) hovers, tooltips and tables show. */
  readonly language: DisplayLanguage;
  readonly underlines: UnderlineMode;
  /** Underline basic terms (token, parameter) too. */
  readonly underlineBasic: boolean;
  /** Notes longer than this many characters are not scanned. */
  readonly maxFileSize: number;
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
  terminology: DEFAULT_TERM_SETTINGS,
};
