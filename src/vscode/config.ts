import * as vscode from 'vscode';
import { DEFAULT_INTRO_FORMAT, type ServiceSettings, type TermRule, type TermSettings } from '../core/service';

/** The extension's settings, read once per change into a plain object. */
export interface Config extends ServiceSettings {
  readonly statusBar: boolean;
  /** Offer glossary terms as completions in Markdown prose. */
  readonly completion: boolean;
  /** Glossary tooltips in the Markdown preview. */
  readonly preview: boolean;
}

export const SECTION = 'llmGlossary';

export function readConfig(): Config {
  const c = vscode.workspace.getConfiguration(SECTION);
  const pick = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const v = c.get<string>(key);
    return allowed.includes(v as T) ? (v as T) : fallback;
  };
  return {
    language: pick('language', ['both', 'zh', 'en'] as const, 'both'),
    underlines: pick('decorations', ['all', 'firstInSection', 'off'] as const, 'all'),
    underlineBasic: c.get<boolean>('basicTerms.underline', false),
    builtin: c.get<boolean>('builtin', true),
    glossaryFiles: (c.get<unknown[]>('glossaryFiles', []) ?? []).filter((x): x is string => typeof x === 'string'),
    maxFileSize: Math.max(1000, c.get<number>('maxFileSize', 2_000_000)),
    statusBar: c.get<boolean>('statusBar.enabled', true),
    completion: c.get<boolean>('completion.enabled', true),
    completionInsert: pick('completion.insert', ['introduction-first', 'short', 'full'] as const, 'introduction-first'),
    knownTerms: (c.get<unknown[]>('knownTerms', []) ?? []).filter((x): x is string => typeof x === 'string'),
    showKnownTerms: c.get<boolean>('showKnownTerms', false),
    preview: c.get<boolean>('preview.enabled', true),
    terminology: readTerminology(c, pick),
  };
}

/** The terminology settings: consistency rules on by default, first-use expansion off. */
function readTerminology(c: vscode.WorkspaceConfiguration, pick: <T extends string>(key: string, allowed: readonly T[], fallback: T) => T): TermSettings {
  const rules: TermRule[] = [];
  if (c.get<boolean>('terminology.enabled', true)) rules.push('mixed-renderings', 'avoided-variant');
  if (c.get<boolean>('firstUse.enabled', false)) rules.push('first-use-expansion');
  const format = c.get<string>('firstUse.format', '');
  return {
    rules,
    scope: pick('terminology.scope', ['note', 'chapter'] as const, 'note'),
    style: pick('terminology.style', ['glossary', 'zh-first', 'en-first'] as const, 'glossary'),
    introFormat: typeof format === 'string' && format.includes('{abbr}') ? format : DEFAULT_INTRO_FORMAT,
  };
}

/** Fires with the new configuration whenever an `llmGlossary.*` setting changes. */
export function onConfigChange(listener: (c: Config) => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION)) listener(readConfig());
  });
}
