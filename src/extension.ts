import * as vscode from 'vscode';
import { scanDocument, type Occurrence } from './core/scanner';
import { ChapterTree } from './vscode/chapterTree';
import { onConfigChange, readConfig, type Config } from './vscode/config';
import { TermDecorations } from './vscode/decorations';
import { registerBuiltinDocuments, registerDefinition } from './vscode/definition';
import { DocumentScans } from './vscode/documentScans';
import { BUILTIN_SCHEME, GlossaryStore } from './vscode/glossaryStore';
import { GlossaryTree } from './vscode/glossaryTree';
import { registerHover } from './vscode/hover';
import { registerCommands } from './vscode/commands';
import { registerHighlights, registerReferences } from './vscode/references';
import { ConceptStatus } from './vscode/statusBar';
import { WorkspaceNotes } from './vscode/workspaceNotes';

/** What the extension exposes to other extensions and to its integration tests. */
export interface LlmGlossaryApi {
  /** Resolves when the glossary is loaded and pending reloads are done. */
  ready(): Promise<void>;
  /** Number of entries in the merged glossary. */
  entryCount(): number;
  /** Ranges underlined in an editor now. */
  decorations(editor: vscode.TextEditor): readonly vscode.Range[];
  /** Text of the status bar item, if shown. */
  statusText(): string | undefined;
  /** Titles and concept ids shown by the "This Chapter" view. */
  chapterView(): { title: string; concepts: { id: string; count: number }[] };
  /** Categories and entry ids shown by the "Glossary" view. */
  glossaryView(): { category: string; ids: string[] }[];
  /** Files using each entry, as the Glossary view counts them. */
  usageCount(id: string): number;
  /** Waits for the workspace index to be current. */
  indexed(): Promise<void>;
  /** Figures of the last index build: files, parsed, reused (unchanged since the persisted index), ms. */
  indexStats(): { files: number; parsed: number; reused: number; ms: number };
  /** Occurrences the extension holds for a document, and those of a fresh full scan of its text (for tests). */
  occurrences(doc: vscode.TextDocument): { live: readonly Occurrence[]; full: readonly Occurrence[] };
  /** Documents with a live scan (for leak checks). */
  liveDocuments(): number;
}

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

export function activate(context: vscode.ExtensionContext): LlmGlossaryApi {
  const log = vscode.window.createOutputChannel('LLM Glossary', { log: true });
  let config: Config = readConfig();
  const getConfig = () => config;

  const store = new GlossaryStore(context.extensionUri, config, log);
  const scans = new DocumentScans(store, () => config.maxFileSize);
  const notes = new WorkspaceNotes(store, scans, () => config.maxFileSize, context.storageUri ?? context.globalStorageUri, context.extensionUri, log);
  const decorations = new TermDecorations(scans, store, getConfig);
  const chapterTree = new ChapterTree(scans, store, getConfig);
  const glossaryTree = new GlossaryTree(store, notes, getConfig);
  const chapterView = vscode.window.createTreeView('llmGlossary.chapter', { treeDataProvider: chapterTree, showCollapseAll: true });
  const glossaryView = vscode.window.createTreeView('llmGlossary.glossary', { treeDataProvider: glossaryTree, showCollapseAll: true });
  chapterTree.attach(chapterView);
  glossaryTree.attach(glossaryView);
  const status = new ConceptStatus(chapterTree, scans, getConfig);

  context.subscriptions.push(
    log,
    store,
    scans,
    notes,
    decorations,
    chapterTree,
    glossaryTree,
    chapterView,
    glossaryView,
    status,
    registerBuiltinDocuments(store, BUILTIN_SCHEME),
    registerHover(MARKDOWN, store, scans, getConfig),
    registerDefinition(MARKDOWN, store, scans),
    registerReferences(MARKDOWN, store, scans, notes),
    registerHighlights(MARKDOWN, scans),
    ...registerCommands({ store, notes, chapterTree, glossaryTree, config: getConfig }),
    onConfigChange((c) => {
      config = c;
      store.updateConfig(c);
      decorations.refreshAll();
      status.update();
      glossaryTree.setFilter(glossaryTree.filter);
    }),
  );

  // The glossary loads asynchronously so activation returns at once; the workspace index follows it.
  const loaded = store.reload().catch((e) => log.error(`loading the glossary failed: ${(e as Error).stack ?? e}`));

  return {
    ready: async () => {
      await loaded;
      await store.settled();
    },
    entryCount: () => store.glossary.entries.size,
    decorations: (editor) => decorations.rangesIn(editor),
    statusText: () => status.text,
    chapterView: () => {
      const cur = chapterTree.current();
      return { title: cur.title, concepts: cur.concepts.map((u) => ({ id: u.entry.id, count: u.occurrences.length })) };
    },
    glossaryView: () => glossaryTree.categories().map((c) => ({ category: c.id, ids: c.entries.map((e) => e.id) })),
    usageCount: (id) => notes.index.fileCounts().get(id) ?? 0,
    indexed: () => notes.ready(),
    indexStats: () => notes.lastBuild,
    occurrences: (doc) => ({ live: scans.get(doc).scan.occurrences, full: scanDocument(doc.getText(), store.glossary).occurrences }),
    liveDocuments: () => scans.size,
  };
}

export function deactivate(): void {}
