// Composes the extension for either host: the service with the host's collaborators, then one adapter per feature.
import * as vscode from 'vscode';
import { createGlossaryService, type MarkdownItLike, type Occurrence, type ProseReader, type ServiceWorkspace } from './core/service';
import { registerAddTerm } from './vscode/addTerm';
import { registerBuiltinDocuments } from './vscode/builtinDocuments';
import { ChapterTree } from './vscode/chapterTree';
import { registerChapterCommands } from './vscode/commands/chapter';
import { registerCompletion } from './vscode/completion';
import { registerEntryCommands } from './vscode/commands/entries';
import { registerExportCommands } from './vscode/commands/export';
import { registerMaintenanceCommands } from './vscode/commands/maintenance';
import { registerViewCommands } from './vscode/commands/views';
import { onConfigChange, readConfig, type Config } from './vscode/config';
import { toDoc } from './vscode/convert';
import { TermDecorations } from './vscode/decorations';
import { registerDefinition } from './vscode/definition';
import { registerDiagnostics } from './vscode/diagnostics';
import { registerDocumentSync } from './vscode/documents';
import { registerGlossaryWatcher } from './vscode/glossaryWatcher';
import { GlossaryTree } from './vscode/glossaryTree';
import { registerHighlights } from './vscode/highlights';
import { registerHover } from './vscode/hover';
import { registerKnownTerms } from './vscode/knownTerms';
import { registerNotesWatcher } from './vscode/notesWatcher';
import { MarkdownPreview } from './vscode/preview';
import { registerReferences } from './vscode/references';
import { ConceptStatus } from './vscode/statusBar';
import { registerTerminology } from './vscode/terminology';
import { builtinGlossary, channelLogger, indexStorage, vscodeWorkspace } from './vscode/workspace';

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
  /** The notes index now and a fresh build of it (nothing reused), as uses per note and entry. */
  indexSnapshots(): Promise<{ current: Record<string, Record<string, number>>; fresh: Record<string, Record<string, number>> }>;
  /** Occurrences the extension holds for a document, and those of a fresh full scan of its text (for tests). */
  occurrences(doc: vscode.TextDocument): { live: readonly Occurrence[]; full: readonly Occurrence[] };
  /** Documents with a live scan (for leak checks). */
  liveDocuments(): number;
  /** Which extension host runs the extension: Node (desktop, remote) or a web worker (vscode.dev, github.dev). */
  host: 'node' | 'web';
  /** The markdown-it plugin of the Markdown preview (`markdown.markdownItPlugins`): glossary tooltips. */
  extendMarkdownIt<T extends MarkdownItLike>(md: T): T;
}

/** What differs between hosts: how notes are read and parsed for the index. */
export interface HostCollaborators {
  readonly host: 'node' | 'web';
  readonly reader: (workspace: ServiceWorkspace, context: vscode.ExtensionContext) => ProseReader;
}

const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown' }];

export function activateWith(context: vscode.ExtensionContext, host: HostCollaborators): LlmGlossaryApi {
  const channel = vscode.window.createOutputChannel('LLM Glossary', { log: true });
  const logger = channelLogger(channel);
  let config: Config = readConfig();
  const workspace = vscodeWorkspace();
  const service = createGlossaryService({
    workspace,
    reader: host.reader(workspace, context),
    builtin: builtinGlossary(context.extensionUri, logger),
    storage: indexStorage(context.storageUri ?? context.globalStorageUri, String(context.extension.packageJSON.version)),
    logger,
    settings: config,
  });
  const decorations = new TermDecorations(service);
  const chapterTree = new ChapterTree(service);
  const glossaryTree = new GlossaryTree(service);
  const status = new ConceptStatus(service, () => config.statusBar);
  const preview = new MarkdownPreview(service, () => config);
  const terminology = registerTerminology(MARKDOWN, service);
  context.subscriptions.push(
    channel,
    service,
    registerDocumentSync(service),
    registerGlossaryWatcher(service),
    registerNotesWatcher(service),
    registerDiagnostics(service),
    decorations,
    chapterTree,
    glossaryTree,
    status,
    preview,
    registerBuiltinDocuments(context.extensionUri),
    registerHover(MARKDOWN, service),
    registerDefinition(MARKDOWN, service),
    registerReferences(MARKDOWN, service),
    registerHighlights(MARKDOWN, service),
    registerEntryCommands(service),
    registerChapterCommands(service),
    registerViewCommands(service),
    registerMaintenanceCommands(service),
    registerExportCommands(service),
    registerCompletion(MARKDOWN, service, () => config.completion),
    registerKnownTerms(MARKDOWN, service),
    registerAddTerm(MARKDOWN, service),
    terminology,
    onConfigChange((c) => {
      config = c;
      service.configure(c);
      decorations.refreshAll();
      glossaryTree.refresh();
      chapterTree.refresh();
      status.update();
      preview.configChanged();
      terminology.refreshAll();
    }),
  );
  return {
    ready: () => service.ready(),
    entryCount: () => service.entryCount(),
    decorations: (editor) => decorations.rangesIn(editor),
    statusText: () => status.text,
    chapterView: () => {
      const cur = chapterTree.current();
      return { title: cur.title, concepts: cur.concepts.map((c) => ({ id: c.id, count: c.uses.length })) };
    },
    glossaryView: () => service.glossaryTree().map((c) => ({ category: c.id, ids: c.entries.map((e) => e.id) })),
    usageCount: (id) => service.usageCount(id),
    indexed: () => service.indexed(),
    indexStats: () => service.indexStats,
    indexSnapshots: () => service.indexSnapshots(),
    occurrences: (doc) => service.occurrences(toDoc(doc)),
    liveDocuments: () => service.liveDocuments(),
    host: host.host,
    extendMarkdownIt: (md) => preview.extendMarkdownIt(md),
  };
}
