import { Debouncer, Emitter, type Disposable } from './events';
import { formatProblem, type GlossaryProblem } from './glossary';
import { indexLayers, type BuiltinGlossary } from './builtinGlossary';
import { buildGlossary, type GlossaryIndex, type GlossaryLayer } from './glossaryIndex';
import { parseGlossaryFile, type ParsedGlossaryFile } from './glossaryLoader';
import type { GlossaryState } from './documents';
import { once } from './lazy';
import { GLOSSARY_RELOAD_DELAY_MS } from './limits';
import { hashText } from './noteProse';
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
  private builtinLoaded = false;
  /** Display name of each user file, to its URI (problems name files by display name). */
  private userFiles = new Map<string, string>();
  /** The user files found by the last search, and each one's last text and parse (reused while the text stays). */
  private sources: readonly GlossarySource[] | undefined;
  private readonly parsed = new Map<string, { text: string; file: ParsedGlossaryFile }>();
  /** Whether the next scheduled reload searches the workspace for glossary files again (and reads every one). */
  private rediscover = true;
  /** Files that changed since they were last read; the others keep their parse until the next search. */
  private readonly stale = new Set<string>();
  private loading: Promise<void> | undefined;
  private readonly changed = new Emitter<GlossaryIndex>();
  private readonly timer = new Debouncer(() => void this.run(false));

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

  /**
   * Reloads after `delayMs` of quiet (edits of a glossary file come in bursts), searching the workspace for
   * glossary files again (a file was created or deleted).
   */
  schedule(delayMs: number = GLOSSARY_RELOAD_DELAY_MS.other): void {
    this.rediscover = true;
    this.timer.schedule(delayMs);
  }

  /**
   * A file's text changed: reloads after `delayMs` of quiet. A file loaded now is read again alone (the other
   * files and the built-in layer are reused, and an unchanged text changes nothing); another one is searched for.
   */
  fileChanged(uri: string, delayMs: number): void {
    if (![...this.userFiles.values()].includes(uri)) this.rediscover = true;
    this.stale.add(uri);
    // A change that waits longer never postpones a reload asked for sooner (a save, a command's edit): the reload
    // reads the file's latest text anyway. Edits of one burst, all with the same pause, still wait for its end.
    const pending = this.timer.pendingDelay;
    if (pending !== undefined && pending < delayMs) return;
    this.timer.schedule(delayMs);
  }

  /** Loads everything now, after any reload already running; resolves when the new glossary is in place. */
  reload(): Promise<void> {
    this.rediscover = true;
    return this.run(true);
  }

  private run(always: boolean): Promise<void> {
    this.timer.cancel();
    const discover = this.rediscover;
    this.rediscover = false;
    const run = (this.loading ?? Promise.resolve()).then(() => this.load(discover, always));
    this.loading = run.catch(() => undefined);
    return run;
  }

  /** Waits for pending and running reloads. */
  async settled(): Promise<void> {
    while (this.timer.pending || this.loading) {
      if (this.timer.pending) await this.run(false);
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

  /**
   * Loads the layers: the user files found anew (`discover`) or the ones found last, each read again. Unless
   * `always`, nothing happens when no file and no setting changed since the last load.
   */
  private async load(discover: boolean, always: boolean): Promise<void> {
    const started = Date.now();
    const builtin = this.settings.builtin ? await this.builtin() : undefined;
    const sources = discover || !this.sources ? await this.workspace.findGlossaries(this.settings.glossaryFiles) : this.sources;
    let same = !always && this.state.generation > 0 && sources.length === this.sources?.length && (builtin !== undefined) === this.builtinLoaded;
    const layers: GlossaryLayer[] = [];
    for (const [i, source] of sources.entries()) {
      const kept = this.parsed.get(source.uri);
      const read = !discover && !this.stale.has(source.uri) && kept?.file.file === source.display ? { file: kept.file, same: true } : await this.readUserFile(source);
      same &&= read.same && this.sources?.[i].uri === source.uri;
      layers.push({ builtin: false, files: [read.file] });
    }
    for (const uri of [...this.parsed.keys()]) if (!sources.some((s) => s.uri === uri)) this.parsed.delete(uri);
    this.sources = sources;
    this.builtinLoaded = builtin !== undefined;
    if (same) return;
    this.userFiles = new Map(sources.map((s) => [s.display, s.uri]));
    const index = indexLayers(builtin, layers);
    this.state = { index, generation: this.state.generation + 1, fingerprint: this.fingerprint(builtin, sources) };
    for (const p of index.problems) if (!this.userFiles.has(p.file)) this.log.warn(formatProblem(p));
    const files = layers.length + (builtin?.fileCount ?? 0);
    this.log.info(`glossary loaded: ${index.entries.size} entries from ${files} files, ${index.problems.length} problems, ${Date.now() - started} ms`);
    this.changed.fire(index);
  }

  /** What this load was built from (see {@link GlossaryState.fingerprint}); unknown for a built-in file list. */
  private fingerprint(builtin: BuiltinGlossary | undefined, sources: readonly GlossarySource[]): (() => string) | undefined {
    const base = builtin ? builtin.fingerprint : () => 'none';
    const texts = sources.map((s) => `${s.display}\0${this.parsed.get(s.uri)?.text ?? ''}`);
    return base && once(() => hashText([base(), ...texts].join('\u0001')));
  }

  private async builtin(): Promise<BuiltinGlossary> {
    if (this.builtinGlossary) return this.builtinGlossary;
    const loaded = await this.loadBuiltin();
    return (this.builtinGlossary ??= isFileList(loaded) ? { files: () => loaded, fileCount: loaded.length } : loaded);
  }

  /** A user file read and parsed; `same` when its text (and name) are those of the last load, whose parse is kept. */
  private async readUserFile(source: GlossarySource): Promise<{ file: ParsedGlossaryFile; same: boolean }> {
    this.stale.delete(source.uri);
    try {
      const text = await readText(this.workspace, source.uri);
      const last = this.parsed.get(source.uri);
      if (last && last.text === text && last.file.file === source.display) return { file: last.file, same: true };
      const file = parseGlossaryFile(text, source.display);
      this.parsed.set(source.uri, { text, file });
      return { file, same: false };
    } catch (e) {
      this.parsed.delete(source.uri);
      const message = `cannot read glossary file: ${(e as Error).message}`;
      return { file: { file: source.display, entries: [], problems: [{ file: source.display, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', message }] }, same: false };
    }
  }

  dispose(): void {
    this.timer.dispose();
    this.changed.dispose();
  }
}
