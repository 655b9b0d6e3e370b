import { Debouncer, Emitter, type Disposable } from './events';
import { formatProblem, type GlossaryProblem } from './glossary';
import { indexLayers, type BuiltinGlossary } from './builtinGlossary';
import { buildGlossary, type GlossaryIndex, type GlossaryLayer } from './glossaryIndex';
import { parseGlossaryFile, type ParsedGlossaryFile } from './glossaryLoader';
import type { GlossaryState } from './documents';
import { readText, type GlossarySource, type Logger, type ServiceWorkspace } from './workspace';

/** The scheme of the read-only documents that show the built-in glossary files (`llm-glossary:/glossary/x.yaml`). */
export const BUILTIN_SCHEME = 'llm-glossary';

/** Which layers to load. */
export interface LayerSettings {
  /** Load the built-in glossary under the user's files. */
  readonly builtin: boolean;
  /** Extra glossary files: paths relative to the workspace folder, or globs. */
  readonly glossaryFiles: readonly string[];
}

/** The problems of one user glossary file. */
export interface FileProblems {
  readonly uri: string;
  readonly problems: readonly GlossaryProblem[];
}

/** Whether a URI names a user glossary file by its name (`*.glossary.yaml`, `*.glossary.yml`). */
export function isGlossaryFileName(uri: string): boolean {
  return /\.glossary\.ya?ml$/i.test(uri.replace(/[?#].*$/, ''));
}

const isFileList = (b: BuiltinGlossary | readonly ParsedGlossaryFile[]): b is readonly ParsedGlossaryFile[] => Array.isArray(b);

/**
 * The glossary in layers: the built-in files (loaded once) under the user's files from the workspace. Reloads on
 * request or after a quiet time, one at a time; tells listeners after each reload.
 */
export class GlossaryLayers implements Disposable {
  private state: GlossaryState = { index: buildGlossary([]), generation: 0 };
  private builtinGlossary: BuiltinGlossary | undefined;
  /** Display name of each user file, to its URI (problems name files by display name). */
  private userFiles = new Map<string, string>();
  private loading: Promise<void> | undefined;
  private readonly changed = new Emitter<GlossaryIndex>();
  private readonly timer = new Debouncer(() => void this.reload());

  /** Fires after every reload with the new glossary. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly workspace: ServiceWorkspace,
    private readonly loadBuiltin: () => Promise<BuiltinGlossary | readonly ParsedGlossaryFile[]>,
    private settings: LayerSettings,
    private readonly log: Logger,
  ) {}

  get current(): GlossaryState {
    return this.state;
  }

  /** Takes new settings; reloads when they change what is loaded. */
  configure(settings: LayerSettings): void {
    const relevant = settings.builtin !== this.settings.builtin || settings.glossaryFiles.join('\n') !== this.settings.glossaryFiles.join('\n');
    this.settings = settings;
    if (relevant) this.schedule(0);
  }

  /** Reloads after `delayMs` of quiet (edits of a glossary file come in bursts). */
  schedule(delayMs = 150): void {
    this.timer.schedule(delayMs);
  }

  /** Loads everything now, after any reload already running; resolves when the new glossary is in place. */
  reload(): Promise<void> {
    this.timer.cancel();
    const run = (this.loading ?? Promise.resolve()).then(() => this.load());
    this.loading = run.catch(() => undefined);
    return run;
  }

  /** Waits for pending and running reloads. */
  async settled(): Promise<void> {
    while (this.timer.pending || this.loading) {
      if (this.timer.pending) await this.reload();
      const l = this.loading;
      await l;
      if (this.loading === l && !this.timer.pending) break;
    }
  }

  /** Whether a URI is one of the user glossary files loaded now, or is named like one. */
  isUserGlossary(uri: string): boolean {
    return !uri.startsWith(`${BUILTIN_SCHEME}:`) && (isGlossaryFileName(uri) || [...this.userFiles.values()].includes(uri));
  }

  /** The URI of a file named in an entry or a problem: a user file, or the read-only view of a built-in one. */
  uriOf(file: string): string {
    return this.userFiles.get(file) ?? `${BUILTIN_SCHEME}:/${file}`;
  }

  /** Problems of the user files, by file; problems of the built-in glossary go to the log. */
  problems(): FileProblems[] {
    const byFile = new Map<string, GlossaryProblem[]>();
    for (const uri of this.userFiles.values()) byFile.set(uri, []);
    for (const p of this.state.index.problems) byFile.get(this.userFiles.get(p.file) ?? '')?.push(p);
    return [...byFile].map(([uri, problems]) => ({ uri, problems }));
  }

  private async load(): Promise<void> {
    const started = Date.now();
    const builtin = this.settings.builtin ? await this.builtin() : undefined;
    const layers: GlossaryLayer[] = [];
    const sources = await this.workspace.findGlossaries(this.settings.glossaryFiles);
    for (const source of sources) layers.push({ builtin: false, files: [await this.readUserFile(source)] });
    this.userFiles = new Map(sources.map((s) => [s.display, s.uri]));
    const index = indexLayers(builtin, layers);
    this.state = { index, generation: this.state.generation + 1 };
    for (const p of index.problems) if (!this.userFiles.has(p.file)) this.log.warn(formatProblem(p));
    const files = layers.length + (builtin?.fileCount ?? 0);
    this.log.info(`glossary loaded: ${index.entries.size} entries from ${files} files, ${index.problems.length} problems, ${Date.now() - started} ms`);
    this.changed.fire(index);
  }

  private async builtin(): Promise<BuiltinGlossary> {
    if (this.builtinGlossary) return this.builtinGlossary;
    const loaded = await this.loadBuiltin();
    return (this.builtinGlossary ??= isFileList(loaded) ? { files: () => loaded, fileCount: loaded.length } : loaded);
  }

  private async readUserFile(source: GlossarySource): Promise<ParsedGlossaryFile> {
    try {
      return parseGlossaryFile(await readText(this.workspace, source.uri), source.display);
    } catch (e) {
      const message = `cannot read glossary file: ${(e as Error).message}`;
      return { file: source.display, entries: [], problems: [{ file: source.display, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', message }] };
    }
  }

  dispose(): void {
    this.timer.dispose();
    this.changed.dispose();
  }
}
