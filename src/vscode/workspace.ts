// The service's collaborators in VS Code: the workspace (findFiles, workspace.fs, open documents), the notes index
// storage and the built-in glossary. Only URIs and workspace.fs: the same code serves github.dev's virtual files.
import * as vscode from 'vscode';
import { readBuiltinGlossary, type GlossarySource, type IndexStorage, type Logger, type ServiceWorkspace } from '../core/service';
import { isNote, toDoc } from './convert';

export const NOTES_GLOB = '**/*.{md,markdown}';
export const GLOSSARY_GLOB = '**/*.glossary.{yaml,yml}';
export const EXCLUDE = '**/{node_modules,.git}/**';

const byPath = (a: vscode.Uri, b: vscode.Uri) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** The configured paths and globs, then the workspace's glossary files, then open ones outside it; each once. */
async function findGlossaryUris(configured: readonly string[]): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  const add = (u: vscode.Uri) => found.set(u.toString(), found.get(u.toString()) ?? u);
  const folders = vscode.workspace.workspaceFolders ?? [];
  for (const f of configured) {
    if (/[*?{[]/.test(f)) for (const folder of folders) (await vscode.workspace.findFiles(new vscode.RelativePattern(folder, f), EXCLUDE)).sort(byPath).forEach(add);
    else if (f.startsWith('/') || /^[A-Za-z]:[\\/]/.test(f)) add(vscode.Uri.file(f));
    else if (folders.length) add(vscode.Uri.joinPath(folders[0].uri, f));
  }
  if (folders.length) (await vscode.workspace.findFiles(GLOSSARY_GLOB, EXCLUDE)).sort(byPath).forEach(add);
  for (const d of vscode.workspace.textDocuments) if (/\.glossary\.ya?ml$/i.test(d.uri.path) && d.uri.scheme === 'file' && (await stillThere(d))) add(d.uri);
  return [...found.values()];
}

/** An open glossary document still counts unless its file was deleted (VS Code keeps closed documents a while). */
async function stillThere(d: vscode.TextDocument): Promise<boolean> {
  if (d.isDirty) return true;
  return Promise.resolve(vscode.workspace.fs.stat(d.uri)).then(
    () => true,
    () => false,
  );
}

export function vscodeWorkspace(): ServiceWorkspace {
  const open = (uri: string) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
  return {
    findNotes: async () => (await vscode.workspace.findFiles(NOTES_GLOB, EXCLUDE)).map((u) => u.toString()),
    findGlossaries: async (configured): Promise<GlossarySource[]> =>
      (await findGlossaryUris(configured)).map((u) => ({ uri: u.toString(), display: vscode.workspace.asRelativePath(u, true) })),
    readFile: (uri) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true))),
    openDocument: (uri) => {
      const d = open(uri);
      return d && toDoc(d);
    },
    openNotes: () => vscode.workspace.textDocuments.filter(isNote).map(toDoc),
  };
}

/**
 * The notes index, kept in the extension's storage folder and tagged with the extension's version. Written to a
 * temporary file first and renamed over the old one, so a crash while writing leaves the old index whole.
 */
export function indexStorage(folder: vscode.Uri | undefined, version: string): IndexStorage | undefined {
  if (!folder) return undefined;
  const file = vscode.Uri.joinPath(folder, 'notes-index-v4.json');
  const temp = vscode.Uri.joinPath(folder, 'notes-index-v4.json.tmp');
  return {
    version,
    read: async () => {
      try {
        return await vscode.workspace.fs.readFile(file);
      } catch {
        return undefined;
      }
    },
    write: async (bytes) => {
      await vscode.workspace.fs.createDirectory(folder);
      await vscode.workspace.fs.writeFile(temp, bytes);
      await vscode.workspace.fs.rename(temp, file, { overwrite: true });
    },
  };
}

/** The glossary shipped with the extension: dist/glossary.bin with the YAML files of glossary/, or those files alone. */
export function builtinGlossary(extensionUri: vscode.Uri, log: Logger) {
  const dir = vscode.Uri.joinPath(extensionUri, 'glossary');
  return () =>
    readBuiltinGlossary(
      {
        readFile: (uri) => Promise.resolve(vscode.workspace.fs.readFile(vscode.Uri.parse(uri, true))),
        precompiled: vscode.Uri.joinPath(extensionUri, 'dist', 'glossary.bin').toString(),
        yamlUri: (file) => vscode.Uri.joinPath(extensionUri, file).toString(),
        yamlFiles: async () =>
          (await vscode.workspace.fs.readDirectory(dir))
            .filter(([n, t]) => t === vscode.FileType.File && /\.ya?ml$/.test(n))
            .map(([n]) => n)
            .sort()
            .map((n) => ({ uri: vscode.Uri.joinPath(dir, n).toString(), file: `glossary/${n}` })),
      },
      log,
    );
}

/** The log output channel as the service's logger. */
export function channelLogger(channel: vscode.LogOutputChannel): Logger {
  return { info: (m) => channel.info(m), warn: (m) => channel.warn(m), error: (m) => channel.error(m) };
}
