import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { runCheck } from './check';
import { runConcepts } from './concepts';
import { runExport } from './export';
import { runLint } from './lint';
import { CONFIG_FILE, lintConfig } from './lintConfig';
import { runSuggest } from './suggest';
import { cacheFile, toolVersion } from './cache';


const USAGE = `Usage:
  llm-glossary concepts [--json] [--line N] [--glossary FILE]... [--no-builtin] [--max-file-size BYTES] [--jobs N]
                        [--cache] [--cache-location PATH] PATH...
  llm-glossary check [--json] [--cache] [--cache-location PATH] GLOSSARY_FILE...
  llm-glossary suggest [--json] [--limit N] [--min-files N] [--write FILE] [--glossary FILE]... [--no-builtin] PATH...
  llm-glossary export --format anki|csv|md [--chapter N | --line N] [--out FILE] [--lang both|zh|en]
                      [--group chapter|alpha] [--glossary FILE]... [--no-builtin] PATH...
  llm-glossary lint [--json] [--fix] [--rules a,b] [--config FILE] [--glossary FILE]... [--no-builtin] PATH...

Commands:
  concepts   List the glossary concepts used in Markdown notes, per file and per chapter.
             PATH is a file or a folder (every *.md / *.markdown inside, recursively).
  check      Validate glossary files; print each problem as file:line:column: message.
  suggest    Find terms the notes use that the glossary lacks (acronyms, CamelCase names and bilingual pairs
             such as 思维链（CoT, Chain of Thought）), ranked by how many files use them.
  export     Export the concepts of notes for study: Anki cards (tab-separated, with Anki's file headers),
             CSV (RFC 4180, UTF-8 with BOM) or a printable Markdown glossary with where-used links.
  lint       Check terminology in notes: file:line:column: rule: message. Rules: mixed-renderings (a concept
             written two ways), avoided-variant (a form the glossary says to avoid), first-use-expansion (an
             abbreviation's first use in a chapter without its introduction; off unless asked for).

Options:
  --json               Machine-readable output.
  --line N             Only the chapter that contains line N.
  --glossary FILE      Add a glossary file (repeatable; a later file overrides an earlier one's entries by id).
  --no-builtin         Leave the built-in glossary out.
  --max-file-size N    Skip notes larger than N bytes (default 2097152).
  --jobs N             concepts: scan with N worker threads (default: one per core; 1 = no workers).
  --cache              concepts, check: keep results in a cache and reuse them for notes (and glossaries) whose
                       content, glossary, options and tool version are unchanged.
  --cache-location P   Where the cache goes: a folder (default .llm-glossary-cache, one file per command) or a file.
  --limit N            suggest: show at most N suggestions (default 200).
  --min-files N        suggest: only terms used in at least N files (default 1).
  --write FILE         suggest: append draft entries to FILE (created if missing); existing entries are kept.
  --format F           export: anki, csv or md (required).
  --chapter N          export: only the N-th chapter of each note (counting its top-level headings).
  --out FILE           export: write FILE (replaced if it exists, atomically) instead of standard output.
  --lang L             export: definitions in both (default), zh or en.
  --group G            export --format md: by chapter (default) or alpha (English by letter, Chinese by pinyin).
  --fix                lint: write preferred forms and introductions into the notes (prose only), print each change.
  --rules a,b          lint: the rules to run (default: mixed-renderings,avoided-variant, or the config file's).
  --config FILE        lint: read rules, scope, style, firstUseFormat and glossaries from FILE (default: ${CONFIG_FILE}
                       in the working folder, if present).
  -h, --help           Show this help.

Exit status: 0 success, 1 an input had errors (lint: or findings remain), 2 usage error.`;

/** Where the CLI writes; injected so tests can capture output without a process. */
export interface Io {
  out(s: string | Uint8Array): void;
  err(s: string): void;
  cwd: string;
  /** The tool version in cache keys (default: package.json's); tests set it. */
  version?: string;
}

class UsageError extends Error {}

/** Options that `concepts` and `suggest` share: which glossaries, which notes. */
const CACHE_OPTIONS = {
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
} as const;

/** The cache of a command, when --cache (or --cache-location) was given. */
function cacheOf(values: { cache?: boolean; 'cache-location'?: string }, command: string, io: Io): { file: string; version: string } | undefined {
  if (!values.cache && values['cache-location'] === undefined) return undefined;
  return { file: cacheFile(values['cache-location'], command, io.cwd), version: io.version ?? toolVersion() };
}

const NOTE_OPTIONS = {
  json: { type: 'boolean' },
  glossary: { type: 'string', multiple: true },
  'no-builtin': { type: 'boolean' },
  'max-file-size': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The --max-file-size value, or the default of 2 MiB. */
function maxFileSizeOf(v: string | undefined): number {
  return v === undefined ? 2 * 1024 * 1024 : positiveInt('--max-file-size', v);
}

/** Runs the command line and returns the exit status. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'concepts': {
        const { values, positionals } = parse(() =>
          parseArgs({
            args: rest,
            allowPositionals: true,
            strict: true,
            options: { ...NOTE_OPTIONS, ...CACHE_OPTIONS, line: { type: 'string' }, jobs: { type: 'string' } },
          }),
        );
        if (values.help) return help(io);
        if (positionals.length === 0) throw new UsageError('concepts: expected at least one PATH');
        const line = values.line === undefined ? undefined : positiveInt('--line', values.line);
        const maxFileSize = maxFileSizeOf(values['max-file-size']);
        return await runConcepts(
          {
            paths: positionals,
            json: Boolean(values.json),
            line,
            glossaries: values.glossary ?? [],
            builtin: !values['no-builtin'],
            maxFileSize,
            jobs: values.jobs === undefined ? undefined : positiveInt('--jobs', values.jobs),
            cache: cacheOf(values, 'concepts', io),
          },
          io,
        );
      }
      case 'check': {
        const { values, positionals } = parse(() =>
          parseArgs({
            args: rest,
            allowPositionals: true,
            strict: true,
            options: { json: { type: 'boolean' }, ...CACHE_OPTIONS, help: { type: 'boolean', short: 'h' } },
          }),
        );
        if (values.help) return help(io);
        if (positionals.length === 0) throw new UsageError('check: expected at least one GLOSSARY_FILE');
        return runCheck({ files: positionals, json: Boolean(values.json), cache: cacheOf(values, 'check', io) }, io);
      }
      case 'suggest': {
        const { values, positionals } = parse(() =>
          parseArgs({
            args: rest,
            allowPositionals: true,
            strict: true,
            options: { ...NOTE_OPTIONS, limit: { type: 'string' }, 'min-files': { type: 'string' }, write: { type: 'string' } },
          }),
        );
        if (values.help) return help(io);
        if (positionals.length === 0) throw new UsageError('suggest: expected at least one PATH');
        return runSuggest(
          {
            paths: positionals,
            json: Boolean(values.json),
            limit: values.limit === undefined ? 200 : positiveInt('--limit', values.limit),
            minFiles: values['min-files'] === undefined ? 1 : positiveInt('--min-files', values['min-files']),
            write: values.write,
            glossaries: values.glossary ?? [],
            builtin: !values['no-builtin'],
            maxFileSize: maxFileSizeOf(values['max-file-size']),
          },
          io,
        );
      }
      case 'export':
        return exportCommand(rest, io);
      case 'lint': {
        const { values, positionals } = parse(() =>
          parseArgs({
            args: rest,
            allowPositionals: true,
            strict: true,
            options: { ...NOTE_OPTIONS, fix: { type: 'boolean' }, rules: { type: 'string' }, config: { type: 'string' } },
          }),
        );
        if (values.help) return help(io);
        if (positionals.length === 0) throw new UsageError('lint: expected at least one PATH');
        const config = lintConfig(io.cwd, values.config, values.rules);
        if ('error' in config) throw new UsageError(config.error);
        return runLint(
          {
            paths: positionals,
            json: Boolean(values.json),
            fix: Boolean(values.fix),
            settings: config.settings,
            glossaries: [...config.glossaries, ...(values.glossary ?? [])],
            builtin: !values['no-builtin'],
            maxFileSize: maxFileSizeOf(values['max-file-size']),
          },
          io,
        );
      }
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        return help(io, command === undefined ? 2 : 0);
      default:
        throw new UsageError(`unknown command "${command}"; expected "concepts", "check", "suggest" or "export"`);
        throw new UsageError(`unknown command "${command}"; expected "concepts", "check", "suggest" or "lint"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`llm-glossary: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

/** One of the allowed values of a flag, or a usage error naming them. */
function oneOf<T extends string>(flag: string, v: string | undefined, allowed: readonly T[], fallback?: T): T {
  if (v === undefined && fallback !== undefined) return fallback;
  if (v === undefined) throw new UsageError(`export: expected ${flag} ${allowed.slice(0, -1).join(', ')} or ${allowed[allowed.length - 1]}`);
  if (!allowed.includes(v as T)) throw new UsageError(`${flag} expects one of ${allowed.join(', ')}, got "${v}"`);
  return v as T;
}

function exportCommand(rest: readonly string[], io: Io): number {
  const { values, positionals } = parse(() =>
    parseArgs({
      args: [...rest],
      allowPositionals: true,
      strict: true,
      options: {
        ...NOTE_OPTIONS,
        format: { type: 'string' },
        chapter: { type: 'string' },
        line: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
        group: { type: 'string' },
      },
    }),
  );
  if (values.help) return help(io);
  if (values.json) throw new UsageError('export: --json does not apply; use --format csv for data');
  const format = oneOf('--format', values.format, ['anki', 'csv', 'md'] as const);
  if (positionals.length === 0) throw new UsageError('export: expected at least one PATH');
  if (values.chapter !== undefined && values.line !== undefined) throw new UsageError('export: give --chapter or --line, not both');
  if (values.group !== undefined && format !== 'md') throw new UsageError('export: --group applies to --format md only');
  if (values.out === '') throw new UsageError('export: --out expects a file name');
  return runExport(
    {
      paths: positionals,
      format,
      chapter: values.chapter === undefined ? undefined : positiveInt('--chapter', values.chapter),
      line: values.line === undefined ? undefined : positiveInt('--line', values.line),
      out: values.out,
      language: oneOf('--lang', values.lang, ['both', 'zh', 'en'] as const, 'both'),
      group: oneOf('--group', values.group, ['chapter', 'alpha'] as const, 'chapter'),
      glossaries: values.glossary ?? [],
      builtin: !values['no-builtin'],
      maxFileSize: maxFileSizeOf(values['max-file-size']),
    },
    io,
  );
}

function help(io: Io, status = 0): number {
  (status === 0 ? io.out : io.err)(`${USAGE}\n`);
  return status;
}

function parse<T>(parseFn: () => T): T {
  try {
    return parseFn();
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/, ''));
  }
}

function positiveInt(flag: string, v: string): number {
  if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`${flag} expects a positive whole number, got "${v}"`);
  return Number(v);
}

/** Shows paths relative to the working folder, as users typed them. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return rel === '' ? file : rel.split(path.sep).join('/');
}

/** Entry point of the `llm-glossary` executable. */
export function main(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  run(process.argv.slice(2), {
    out: (s) => process.stdout.write(s),
    err: (s) => process.stderr.write(s),
    cwd: process.cwd(),
  }).then(
    (status) => {
      process.exitCode = status;
    },
    (e: unknown) => {
      process.stderr.write(`llm-glossary: internal error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 70;
    },
  );
}
