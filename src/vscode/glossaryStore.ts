import * as vscode from 'vscode';
import type { GlossaryProblem } from '../core/glossary';
import { formatProblem } from '../core/glossary';
import { buildGlossary, GlossaryIndex, type GlossaryLayer } from '../core/glossaryIndex';
import { parseGlossaryFile, type ParsedGlossaryFile } from '../core/glossaryLoader';
import { revive, type PrecompiledGlossary } from '../core/precompiled';
import type { Config } from './config';

/** Glob of the glossary files found in the workspace. */
export const GLOSSARY_GLOB = '**/*.glossary.{yaml,yml}';
const EXCLUDE = '**/{node_modules,.git}/**';

/** The scheme of the read-only documents that show the built-in glossary files. */
export const BUILTIN_SCHEME = 'llm-glossary';

export function isGlossaryDocument(doc: vscode.TextDocument): boolean {
  return /\.glossary\.ya?ml$/i.test(doc.uri.path);
}

/**
 * Owns the glossary: the built-in files shipped with the extension and the user's files in the workspace (and in
 * `llmGlossary.glossaryFiles`). Reloads when they are edited, saved, created or deleted, publishes their problems
 * to the Problems panel, and tells listeners when the glossary changed.
 */
export class GlossaryStore implements vscode.Disposable {
  private index = buildGlossary([]);
  private version = 0;
  private builtinFiles: ParsedGlossaryFile[] = [];
  /** Display path of each user file, to its URI (problems name files by display path). */
  private userFiles = new Map<string, vscode.Uri>();
  private readonly changed = new vscode.EventEmitter<GlossaryIndex>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('llm-glossary');
  private readonly disposables: vscode.Disposable[] = [this.changed, this.diagnostics];
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> | undefined;

  /** Fires after every reload with the new glossary. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private config: Config,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(GLOSSARY_GLOB);
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.scheduleReload()),
      watcher.onDidDelete(() => this.scheduleReload()),
      watcher.onDidChange((uri) => {
        // Edits of an open document are picked up from the document itself.
        if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty)) this.scheduleReload();
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.isUserGlossary(e.document) && e.contentChanges.length > 0) this.scheduleReload(250);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (this.isUserGlossary(d)) this.scheduleReload(0);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        // A closed, unsaved glossary falls back to the file on disk.
        if (this.isUserGlossary(d)) this.scheduleReload();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.scheduleReload(0)),
    );
  }

  get glossary(): GlossaryIndex {
    return this.index;
  }

  /** Increases with every reload; caches key on it. */
  get generation(): number {
    return this.version;
  }

  /** The URI of a problem's or an entry's file (user files by display path; built-in files by their scheme). */
  uriOf(file: string): vscode.Uri {
    const user = this.userFiles.get(file);
    if (user) return user;
    return vscode.Uri.from({ scheme: BUILTIN_SCHEME, path: `/${file}` });
  }

  /** The text of a built-in glossary file, for the read-only documents. */
  async builtinText(path: string): Promise<string> {
    const rel = path.replace(/^\/+/, '');
    if (!/^glossary\/[\w.-]+\.ya?ml$/.test(rel)) throw new Error(`not a built-in glossary file: ${path}`);
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, rel));
    return new TextDecoder().decode(bytes);
  }

  updateConfig(config: Config): void {
    const relevant = config.builtin !== this.config.builtin || config.glossaryFiles.join('\n') !== this.config.glossaryFiles.join('\n');
    this.config = config;
    if (relevant) this.scheduleReload(0);
  }

  /** Loads everything now; resolves when the new glossary is in place. */
  async reload(): Promise<void> {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = undefined;
    const run = (this.loading ?? Promise.resolve()).then(() => this.load());
    this.loading = run.catch(() => undefined);
    return run;
  }

  /** Waits for a pending or running reload. */
  async settled(): Promise<void> {
    while (this.reloadTimer || this.loading) {
      if (this.reloadTimer) await this.reload();
      const l = this.loading;
      await l;
      if (this.loading === l && !this.reloadTimer) break;
    }
  }

  private scheduleReload(delay = 150): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), delay);
  }

  private isUserGlossary(doc: vscode.TextDocument): boolean {
    return doc.uri.scheme !== BUILTIN_SCHEME && (isGlossaryDocument(doc) || [...this.userFiles.values()].some((u) => u.toString() === doc.uri.toString()));
  }

  private async load(): Promise<void> {
    const started = Date.now();
    const layers: GlossaryLayer[] = [];
    if (this.config.builtin) {
      if (this.builtinFiles.length === 0) this.builtinFiles = await this.readBuiltin();
      layers.push({ builtin: true, files: this.builtinFiles });
    }
    const userUris = await this.findUserFiles();
    const userFiles = new Map<string, vscode.Uri>();
    for (const uri of userUris) {
      const display = vscode.workspace.asRelativePath(uri, true);
      userFiles.set(display, uri);
      layers.push({ builtin: false, files: [await this.readUserFile(uri, display)] });
    }
    this.userFiles = userFiles;
    this.index = buildGlossary(layers);
    this.version++;
    this.publish(this.index.problems);
    this.log.info(
      `glossary loaded: ${this.index.entries.size} entries from ${layers.reduce((n, l) => n + l.files.length, 0)} files, ` +
        `${this.index.problems.length} problems, ${Date.now() - started} ms`,
    );
    this.changed.fire(this.index);
  }

  /** The built-in glossary, precompiled at build time (dist/glossary.json); the YAML files if that is missing. */
  private async readBuiltin(): Promise<ParsedGlossaryFile[]> {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'glossary.json'));
      return revive(JSON.parse(new TextDecoder().decode(bytes)) as PrecompiledGlossary);
    } catch (e) {
      this.log.warn(`precompiled glossary unavailable (${(e as Error).message}); parsing the YAML files`);
    }
    const dir = vscode.Uri.joinPath(this.extensionUri, 'glossary');
    const names = (await vscode.workspace.fs.readDirectory(dir))
      .filter(([n, t]) => t === vscode.FileType.File && /\.ya?ml$/.test(n))
      .map(([n]) => n)
      .sort();
    const out: ParsedGlossaryFile[] = [];
    for (const n of names) {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, n)));
      out.push(parseGlossaryFile(text, `glossary/${n}`));
    }
    return out;
  }

  private async findUserFiles(): Promise<vscode.Uri[]> {
    const seen = new Set<string>();
    const out: vscode.Uri[] = [];
    const add = (u: vscode.Uri) => {
      if (!seen.has(u.toString())) {
        seen.add(u.toString());
        out.push(u);
      }
    };
    const folders = vscode.workspace.workspaceFolders ?? [];
    for (const f of this.config.glossaryFiles) {
      if (/[*?{[]/.test(f)) {
        for (const folder of folders) {
          for (const u of (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, f), EXCLUDE)).sort(byPath)) add(u);
        }
      } else if (f.startsWith('/') || /^[A-Za-z]:[\\/]/.test(f)) add(vscode.Uri.file(f));
      else if (folders.length) add(vscode.Uri.joinPath(folders[0].uri, f));
    }
    if (folders.length) for (const u of (await vscode.workspace.findFiles(GLOSSARY_GLOB, EXCLUDE)).sort(byPath)) add(u);
    // Open glossary documents outside the workspace (or untitled ones saved under that name) count too.
    for (const d of vscode.workspace.textDocuments) if (isGlossaryDocument(d) && d.uri.scheme === 'file') add(d.uri);
    return out;
  }

  private async readUserFile(uri: vscode.Uri, display: string): Promise<ParsedGlossaryFile> {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) return parseGlossaryFile(open.getText(), display);
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      return parseGlossaryFile(new TextDecoder().decode(bytes), display);
    } catch (e) {
      const message = `cannot read glossary file: ${(e as Error).message}`;
      return { file: display, entries: [], problems: [{ file: display, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', message }] };
    }
  }

  private publish(problems: readonly GlossaryProblem[]): void {
    this.diagnostics.clear();
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const p of problems) {
      if (!this.userFiles.has(p.file)) {
        this.log.warn(formatProblem(p));
        continue;
      }
      const endCharacter = p.endLine === p.line ? Math.max(p.endColumn - 1, p.column) : p.endColumn - 1;
      const range = new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, endCharacter);
      const d = new vscode.Diagnostic(range, p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      d.source = 'llm-glossary';
      let list = byFile.get(p.file);
      if (!list) byFile.set(p.file, (list = []));
      list.push(d);
    }
    for (const [file, list] of byFile) this.diagnostics.set(this.userFiles.get(file)!, list);
  }

  dispose(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    for (const d of this.disposables) d.dispose();
  }
}

function byPath(a: vscode.Uri, b: vscode.Uri): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
