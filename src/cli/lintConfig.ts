import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_TERM_SETTINGS, TERM_RULES, type TermRule, type TermSettings } from '../core/terminology';

/** The config file `lint` reads from the working folder when `--config` is not given. */
export const CONFIG_FILE = '.llm-glossary.json';

/** What a config file may say. */
interface ConfigFile {
  rules?: TermRule[];
  scope?: TermSettings['scope'];
  style?: TermSettings['style'];
  firstUseFormat?: string;
  glossaries?: string[];
}

const KEYS = ['rules', 'scope', 'style', 'firstUseFormat', 'glossaries'];

/** The lint settings and extra glossaries, from the config file (if any) and `--rules`; or what is wrong. */
export function lintConfig(cwd: string, configFlag: string | undefined, rulesFlag: string | undefined): { settings: TermSettings; glossaries: string[] } | { error: string } {
  const file = configFlag ? path.resolve(cwd, configFlag) : path.join(cwd, CONFIG_FILE);
  let config: ConfigFile = {};
  if (configFlag || fs.existsSync(file)) {
    const read = readConfig(file, configFlag ?? CONFIG_FILE);
    if ('error' in read) return read;
    config = read.config;
  }
  let rules = config.rules ?? DEFAULT_TERM_SETTINGS.rules;
  if (rulesFlag !== undefined) {
    const asked = rulesFlag.split(',').map((r) => r.trim()).filter(Boolean);
    const bad = asked.find((r) => !TERM_RULES.includes(r as TermRule));
    if (bad || asked.length === 0) return { error: `--rules: unknown rule "${bad ?? rulesFlag}"; expected a comma-separated list of ${TERM_RULES.join(', ')}` };
    rules = asked as TermRule[];
  }
  const base = path.dirname(file);
  return {
    settings: {
      rules,
      scope: config.scope ?? DEFAULT_TERM_SETTINGS.scope,
      style: config.style ?? DEFAULT_TERM_SETTINGS.style,
      introFormat: config.firstUseFormat ?? DEFAULT_TERM_SETTINGS.introFormat,
    },
    glossaries: (config.glossaries ?? []).map((g) => path.resolve(base, g)),
  };
}

function readConfig(file: string, shown: string): { config: ConfigFile } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return { error: `${shown}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `cannot read: ${(e as Error).message}`}` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { error: `${shown}: expected a JSON object such as {"rules": ["mixed-renderings"]}` };
  const c = data as Record<string, unknown>;
  const unknown = Object.keys(c).find((k) => !KEYS.includes(k));
  if (unknown) return { error: `${shown}: unknown field "${unknown}"; expected one of ${KEYS.join(', ')}` };
  const wrong = checkFields(c);
  return wrong ? { error: `${shown}: ${wrong}` } : { config: c as ConfigFile };
}

function checkFields(c: Record<string, unknown>): string | undefined {
  const list = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'string');
  if (c.rules !== undefined && (!list(c.rules) || (c.rules as string[]).some((r) => !TERM_RULES.includes(r as TermRule))))
    return `"rules" must be a list of ${TERM_RULES.join(', ')}`;
  if (c.scope !== undefined && c.scope !== 'note' && c.scope !== 'chapter') return '"scope" must be "note" or "chapter"';
  if (c.style !== undefined && !['glossary', 'zh-first', 'en-first'].includes(c.style as string)) return '"style" must be "glossary", "zh-first" or "en-first"';
  if (c.firstUseFormat !== undefined && (typeof c.firstUseFormat !== 'string' || !c.firstUseFormat.includes('{abbr}')))
    return '"firstUseFormat" must be a string with {abbr}, such as "{zh}（{en}, {abbr}）"';
  if (c.glossaries !== undefined && !list(c.glossaries)) return '"glossaries" must be a list of file paths';
  return undefined;
}
