// The glossary service: one facade over the core for every host (VS Code desktop and web, tests, a language
// server). Hosts pass documents and a workspace in; every answer is plain data.
import { addEntryEdit, fileNames, findDuplicate, termToAdd, type DraftEntry, type DuplicateEntry, type GlossaryEdit, type TermToAdd } from './addTerm';
import { groupByConcept } from './concepts';
import { occurrencesIn } from './chapters';
import { renderConceptTable } from './conceptTable';
import { DocumentCache, type ContentChange, type DocumentScan, type TextDocument } from './documents';
import { Emitter, yieldToHost, type Disposable, type Event } from './events';
import type { GlossaryEntry } from './glossary';
import { GlossaryLayers, type FileProblems } from './glossaryLayers';
import type { ParsedGlossaryFile } from './glossaryLoader';
import type { BuiltinGlossary } from './builtinGlossary';
import { renderHover, type HoverLabels } from './hover';
import { entryLabel, primaryName } from './labels';
import { completeTerm, type CompletionResult } from './completion';
import { updateKnownTerms } from './knownTerms';
import { NotesIndex, type BuildStats, type IndexStorage } from './notesIndex';
import { occurrenceAt } from './occurrences';
import { toRange, type Location, type Range } from './positions';
import type { ProseReader } from './proseReader';
import { scanDocument, scanNoteText, type Occurrence, type ScanResult } from './scanner';
import { knownNames } from './suggest';
import { normalizeTerm } from './text';
import { DEFAULT_SETTINGS, type ServiceSettings } from './settings';
import { relativeHref, relativeName, renderExport, type ExportNote, type ExportOptions, type ExportResult } from './export';
import { underlinedOccurrences, underlineRanges, type Span } from './underlines';
import { previewTips, type PreviewTerms } from './preview';
import { conceptItems, entryItem, glossaryCategories, searchItems, type CategoryItem, type ChapterView, type EntryItem } from './views';
import { readText, SILENT, type GlossarySource, type Logger, type ServiceWorkspace } from './workspace';
import { DEFAULT_LIMITS, GLOSSARY_RELOAD_DELAY_MS } from './limits';
import { fixesOf, lintTerminology, type TermFinding, type TermFix } from './terminology';

export type { ContentChange, TextDocument } from './documents';
export type { Disposable, Event } from './events';
export { BUILTIN_SCHEME, isGlossaryFileName, type FileProblems } from './glossaryLayers';
export type { GlossaryProblem } from './glossary';
export type { DisplayLanguage, HoverLabels } from './hover';
export type { BuildStats, IndexStorage } from './notesIndex';
export { problemRange, type Location, type Position, type Range } from './positions';
export type { ProseReader, ProseRequest, ProseResult } from './proseReader';
export { inProcessReader, readProse } from './proseReader';
export { readBuiltinGlossary, type BuiltinGlossary, type BuiltinGlossaryFiles } from './builtinGlossary';
export type { Occurrence } from './scanner';
export type { CompletionInsert, ServiceSettings, UnderlineMode } from './settings';
export type { CompletionEntry, CompletionResult } from './completion';
export type { Span } from './underlines';
export { installPreview, PREVIEW_CLASSES, type MarkdownItLike, type ParsedSource, type PreviewTerms, type PreviewTip, type PreviewToken } from './preview';
export type { CategoryItem, ChapterHeading, ChapterView, ConceptItem, EntryItem, UseItem } from './views';
export type { GlossarySource, Logger, ServiceWorkspace } from './workspace';
export { ENGLISH_EXPORT_LABELS, EXPORT_FORMATS, type ExportFormat, type ExportGroup, type ExportLabels, type ExportResult } from './export';

/** An export of some notes (see {@link GlossaryService.exportConcepts}). */
export interface ExportRequest extends Omit<ExportOptions, 'language'> {
  /** The file the export is written to: links in the Markdown glossary are relative to it. */
  readonly target: string;
  /** Notes are named relative to this folder (the workspace folder); else by their path. */
  readonly base?: string;
  /** Which definitions; the `language` setting by default. */
  readonly language?: ExportOptions['language'];
}

/** An export's text and figures, with the notes that could not be exported and why. */
export interface ExportOutcome extends ExportResult {
  readonly notes: number;
  readonly skipped: readonly { uri: string; reason: string }[];
}
export { applyGlossaryEdit, draftEntry, type DraftEntry, type DuplicateEntry, type GlossaryEdit, type TermNames, type TermToAdd } from './addTerm';
export { TERMINOLOGY_DEBOUNCE_MS } from './limits';
export { DEFAULT_INTRO_FORMAT, TERM_RULES, type TermFinding, type TermFix, type TermRule, type TermSettings, type TermStyle, type TermScope, type TextEdit } from './terminology';

/** The collaborators of a service. */
export interface ServiceOptions {
  readonly workspace: ServiceWorkspace;
  /** Reads and parses notes for the notes index (worker threads on Node; `inProcessReader` elsewhere). */
  readonly reader: ProseReader;
  /** The built-in glossary (see `readBuiltinGlossary`), or its parsed files. */
  readonly builtin: () => Promise<BuiltinGlossary | readonly ParsedGlossaryFile[]>;
  /** Where the notes index is kept between sessions; none keeps it in memory only. */
  readonly storage?: IndexStorage;
  readonly logger?: Logger;
  readonly settings?: Partial<ServiceSettings>;
}

/** A hover: Markdown (glossary text escaped) and the range of the term. */
export interface HoverResult {
  readonly markdown: string;
  readonly range: Range;
}

/** Go to Definition: the term's range and where its entry is defined. */
export interface DefinitionResult {
  readonly origin: Range;
  readonly target: Location;
}

/** Which part of a document the chapter view covers. */
export type ChapterScope = 'chapter' | 'file';

/** The glossary service. Create it with {@link createGlossaryService}. */
export interface GlossaryService extends Disposable {
  /** Fires after every glossary reload. */
  readonly onDidChangeGlossary: Event<void>;
  /** Fires (debounced) when the notes index changed: uses and usage counts. */
  readonly onDidChangeIndex: Event<void>;
  /** Fires when a full index build starts, with its promise. */
  readonly onDidStartIndexing: Event<Promise<BuildStats>>;
  /** Fires when the chapter scope or the glossary filter changed. */
  readonly onDidChangeViewState: Event<void>;
  readonly settings: ServiceSettings;
  /** Takes new settings (reloading the glossary when they change what is loaded). */
  configure(settings: Partial<ServiceSettings>): void;

  /** Resolves when the glossary is loaded and no reload is pending. */
  ready(): Promise<void>;
  /** Reloads every glossary layer now; resolves with the number of entries. */
  reloadGlossaries(): Promise<number>;
  /** A user glossary file was edited (reload after a pause), saved or closed (reload now), created or deleted. */
  glossaryFileChanged(uri: string, how: 'edited' | 'saved' | 'closed' | 'created' | 'deleted' | 'changed'): void;
  /** Whether a URI is a user glossary file (loaded, or named `*.glossary.yaml`). */
  isGlossaryFile(uri: string): boolean;
  entryCount(): number;
  /** Problems of the user glossary files, by file. */
  problems(): FileProblems[];

  /** A document changed to `doc.version` by `changes`. */
  didChangeDocument(doc: TextDocument, changes: readonly ContentChange[]): void;
  didCloseDocument(uri: string): void;
  /** Why a document is not scanned (too large, too complex), if it is not. */
  skipped(doc: TextDocument): string | undefined;

  /** Offsets are UTF-16 offsets into `doc.getText()`. */
  hover(doc: TextDocument, offset: number, options: { commandLinks: boolean; labels: HoverLabels }): HoverResult | undefined;
  definition(doc: TextDocument, offset: number): DefinitionResult | undefined;
  /** Where an entry is defined: a user glossary file, or the read-only view of a built-in one. */
  entryLocation(id: string): Location | undefined;
  /** The uses of the term at an offset in every note (and the entry, as declaration, if asked). */
  references(doc: TextDocument, offset: number, includeDeclaration: boolean): Promise<Location[] | undefined>;
  /** Every use of an entry: saved notes from the index, open notes as they are now. */
  uses(id: string): Promise<Location[]>;
  /** The uses, in this document, of the concept at an offset. */
  highlights(doc: TextDocument, offset: number): Range[] | undefined;
  /** Ranges to underline in the given spans. */
  underlines(doc: TextDocument, spans: readonly Span[]): Range[];
  /** The concepts of the chapter at a 0-based line (or of the whole document, by the chapter scope). */
  chapter(doc: TextDocument, line: number, scope?: ChapterScope): ChapterView;
  /** A Markdown table of the concepts of the chapter at a line. */
  conceptTable(doc: TextDocument, line: number, eol: string): string | undefined;
  /** The glossary by category, filtered by the glossary filter, with usage counts. */
  glossaryTree(): CategoryItem[];
  /** Entries for a search list, best match first. */
  search(query: string): EntryItem[];
  /** The label copied for an entry: `思维链（chain of thought, CoT）`. */
  label(id: string): string | undefined;
  entry(id: string): EntryItem | undefined;

  readonly chapterScope: ChapterScope;
  setChapterScope(scope: ChapterScope): void;
  readonly glossaryFilter: string;
  /** Shows only entries whose names contain the text; resolves to the number shown. */
  setGlossaryFilter(text: string): number;

  /** Re-indexes every note (reading only changed ones). */
  rebuildIndex(): Promise<BuildStats>;
  /** Resolves when the notes index is current. */
  indexed(): Promise<void>;
  readonly indexStats: BuildStats;
  notesChanged(uris: readonly string[]): Promise<void>;
  noteDeleted(uri: string): void;
  usageCount(id: string): number;

  /** For tests: the cached scan of a document and a fresh full scan of its text. */
  occurrences(doc: TextDocument): { live: readonly Occurrence[]; full: readonly Occurrence[] };
  /** For tests: documents with a live scan. */
  liveDocuments(): number;
  /** For tests: the index now, and the index a fresh build (nothing reused) makes of the same workspace. */
  indexSnapshots(): Promise<{ current: Record<string, Record<string, number>>; fresh: Record<string, Record<string, number>> }>;

  // Export
  /**
   * The concepts of notes (in the order given) as Anki cards, CSV or a Markdown glossary. Open notes are read as
   * they are now, others from disk; `line` (1-based) and `chapter` select one chapter of each note.
   */
  exportConcepts(uris: readonly string[], request: ExportRequest): Promise<ExportOutcome>;
  // Completion and known terms
  /** Entries the text typed before an offset begins (Chinese, English or an abbreviation), ranked; none outside prose. */
  completions(doc: TextDocument, offset: number): CompletionResult | undefined;
  /** Whether the user marked an entry as known (`settings.knownTerms`). */
  isKnown(id: string): boolean;
  /** The term at an offset: its entry, primary name, range and whether it is known. */
  knownStateAt(doc: TextDocument, offset: number): KnownState | undefined;
  /** The known-terms list with an entry put in or taken out, for the host to store (it returns through `configure`). */
  withKnown(id: string, known: boolean): string[];
  // Add to my glossary
  /**
   * The term "Add to my glossary" adds at `[start, end)` of a note (UTF-16 offsets): the selected text, or for an
   * empty range the term `suggest` would propose there; with its draft entry, and the entry it duplicates, if any.
   */
  termToAdd(doc: TextDocument, start: number, end: number): TermToAdd | undefined;
  /** The user glossary files a new entry can go to: the configured ones, then the workspace's `*.glossary.yaml`. */
  glossaryFiles(): Promise<readonly GlossarySource[]>;
  /**
   * The edit that appends a draft entry to a glossary file's text, keeping every other byte; refused when the
   * glossary or the file already has its id or a name, and with a `file:line:column` error for a file it cannot edit.
   */
  addEntryEdit(text: string, file: string, draft: DraftEntry, comment?: string): GlossaryEdit | { error: string } | { duplicate: DuplicateEntry };
  // Markdown preview
  /**
   * The terms the Markdown preview marks in a document, and the tooltip of each of their entries: exactly the
   * occurrences the editor underlines (with `off`, those of `all`: the preview has its own switch). An open
   * document's scan is the editor's; `transient` scans text that is not an open document once, keeping nothing.
   */
  previewTerms(doc: TextDocument, options?: { transient?: boolean }): PreviewTerms;
  // Terminology: consistent renderings, avoided variants, first-use expansion (issue 11)
  /** The terminology findings of a document's prose, by `settings.terminology`, sorted by offset. */
  terminology(doc: TextDocument): readonly TermFinding[];
  /** The findings whose uses touch `[start, end]`, each with its quick fixes for the use there. */
  terminologyFixes(doc: TextDocument, start: number, end: number): { finding: TermFinding; fixes: TermFix[] }[];
}

/** A term of a document and whether its entry is known. */
export interface KnownState {
  readonly id: string;
  readonly name: string;
  readonly range: Range;
  readonly known: boolean;
}

/** Creates the glossary service; the glossary starts loading at once and the notes index follows it. */
export function createGlossaryService(options: ServiceOptions): GlossaryService {
  return new Service(options);
}

class Service implements GlossaryService {
  settings: ServiceSettings;
  chapterScope: ChapterScope = 'chapter';
  glossaryFilter = '';
  private readonly log: Logger;
  private readonly layers: GlossaryLayers;
  private readonly documents: DocumentCache;
  private readonly index: NotesIndex;
  private readonly glossaryChanged = new Emitter<void>();
  private readonly viewChanged = new Emitter<void>();
  private readonly disposables: Disposable[];
  private readonly loaded: Promise<void>;
  readonly onDidChangeGlossary = this.glossaryChanged.event;
  readonly onDidChangeViewState = this.viewChanged.event;
  readonly onDidChangeIndex: Event<void>;
  readonly onDidStartIndexing: Event<Promise<BuildStats>>;

  constructor(private readonly options: ServiceOptions) {
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings };
    this.log = options.logger ?? SILENT;
    this.layers = new GlossaryLayers(options.workspace, options.builtin, this.settings, this.log);
    const glossary = () => this.layers.current;
    const maxChars = () => this.settings.maxFileSize;
    this.documents = new DocumentCache(glossary, maxChars);
    this.index = new NotesIndex({ workspace: options.workspace, reader: options.reader, glossary, maxChars, storage: options.storage, log: this.log });
    this.onDidChangeIndex = this.index.onDidChange;
    this.onDidStartIndexing = this.index.onDidStartBuild;
    this.disposables = [this.layers, this.index, this.glossaryChanged, this.viewChanged, this.layers.onDidChange(() => this.glossaryReloaded())];
    this.loaded = this.layers.reload().catch((e) => this.log.error(`loading the glossary failed: ${(e as Error).stack ?? e}`));
  }

  private get glossary() {
    return this.layers.current.index;
  }

  private firstLoad = true;

  private glossaryReloaded(): void {
    this.documents.clear();
    this.glossaryChanged.fire();
    // The first glossary starts the index; later ones only re-match the stored prose.
    if (this.firstLoad) void this.index.rebuild();
    else void this.index.rematch();
    this.firstLoad = false;
  }

  configure(settings: Partial<ServiceSettings>): void {
    this.settings = { ...this.settings, ...settings };
    this.layers.configure(this.settings);
  }

  async ready(): Promise<void> {
    await this.loaded;
    await this.layers.settled();
  }

  async reloadGlossaries(): Promise<number> {
    await this.layers.reload();
    return this.entryCount();
  }

  glossaryFileChanged(uri: string, how: 'edited' | 'saved' | 'closed' | 'created' | 'deleted' | 'changed'): void {
    if (how === 'created' || how === 'deleted') this.layers.schedule();
    else this.layers.fileChanged(uri, how === 'edited' || how === 'saved' ? GLOSSARY_RELOAD_DELAY_MS[how] : GLOSSARY_RELOAD_DELAY_MS.other);
  }

  isGlossaryFile(uri: string): boolean {
    return this.layers.isUserGlossary(uri);
  }

  entryCount(): number {
    return this.glossary.entries.size;
  }

  problems(): FileProblems[] {
    return this.layers.problems();
  }

  didChangeDocument(doc: TextDocument, changes: readonly ContentChange[]): void {
    this.documents.applyChanges(doc.uri, doc.version, changes);
  }

  didCloseDocument(uri: string): void {
    this.documents.close(uri);
  }

  skipped(doc: TextDocument): string | undefined {
    return this.documents.get(doc).skipped;
  }

  /** The occurrence at an offset and its entry. */
  private termAt(doc: TextDocument, offset: number): { ds: DocumentScan; occ: Occurrence; entry: GlossaryEntry } | undefined {
    const ds = this.documents.get(doc);
    const occ = occurrenceAt(ds.scan.occurrences, offset);
    const entry = occ && this.glossary.get(occ.entryId);
    return occ && entry ? { ds, occ, entry } : undefined;
  }

  hover(doc: TextDocument, offset: number, options: { commandLinks: boolean; labels: HoverLabels }): HoverResult | undefined {
    const t = this.termAt(doc, offset);
    if (!t) return undefined;
    const markdown = renderHover(t.entry, this.glossary, { language: this.settings.language, known: this.isKnown(t.entry.id), ...options }, t.occ.senses);
    return { markdown, range: toRange(t.occ) };
  }

  definition(doc: TextDocument, offset: number): DefinitionResult | undefined {
    const t = this.termAt(doc, offset);
    return t && { origin: toRange(t.occ), target: this.entryLocation(t.entry.id)! };
  }

  entryLocation(id: string): Location | undefined {
    const e = this.glossary.get(id);
    return e && { uri: this.layers.uriOf(e.source.file), range: toRange(e.source) };
  }

  async references(doc: TextDocument, offset: number, includeDeclaration: boolean): Promise<Location[] | undefined> {
    const t = this.termAt(doc, offset);
    if (!t) return undefined;
    const uses = await this.uses(t.entry.id);
    return includeDeclaration ? [this.entryLocation(t.entry.id)!, ...uses] : uses;
  }

  async uses(id: string): Promise<Location[]> {
    await this.index.ready();
    const open = this.options.workspace.openNotes();
    const openUris = new Set(open.map((d) => d.uri));
    const files: { uri: string; occurrences: readonly Occurrence[] }[] = this.index.usesOf(id).filter((u) => !openUris.has(u.uri));
    for (const d of open) files.push({ uri: d.uri, occurrences: this.documents.get(d).scan.occurrences.filter((o) => o.entryId === id) });
    files.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return files.flatMap((f) => f.occurrences.map((o) => ({ uri: f.uri, range: toRange(o) })));
  }

  highlights(doc: TextDocument, offset: number): Range[] | undefined {
    const t = this.termAt(doc, offset);
    return t && t.ds.scan.occurrences.filter((o) => o.entryId === t.occ.entryId).map(toRange);
  }

  underlines(doc: TextDocument, spans: readonly Span[]): Range[] {
    return underlineRanges(this.documents.get(doc), this.glossary, spans, this.settings);
  }

  chapter(doc: TextDocument, line: number, scope = this.chapterScope): ChapterView {
    const ds = this.documents.get(doc);
    if (scope === 'file') return { uri: doc.uri, heading: { kind: 'file' }, line: 1, skipped: ds.skipped, concepts: this.concepts(ds, ds.scan.occurrences) };
    const c = this.documents.chapterAt(doc, line);
    const heading = !c || c.preamble ? ({ kind: 'preamble', hasHeadings: ds.scan.headings.length > 0 } as const) : ({ kind: 'chapter', title: c.title } as const);
    return { uri: doc.uri, heading, line: c?.line ?? 1, skipped: ds.skipped, concepts: c ? this.concepts(ds, occurrencesIn(c, ds.scan.occurrences)) : [] };
  }

  private concepts(ds: DocumentScan, occurrences: readonly Occurrence[]) {
    return conceptItems(groupByConcept(occurrences, this.glossary), ds.text, this.settings.language);
  }

  conceptTable(doc: TextDocument, line: number, eol: string): string | undefined {
    const ds = this.documents.get(doc);
    const c = this.documents.chapterAt(doc, line);
    const concepts = c ? groupByConcept(occurrencesIn(c, ds.scan.occurrences), this.glossary) : [];
    return concepts.length ? renderConceptTable(concepts, { language: this.settings.language, eol }) : undefined;
  }

  glossaryTree(): CategoryItem[] {
    return glossaryCategories(this.glossary, this.glossaryFilter, this.index.fileCounts(), this.settings.language);
  }

  search(query: string): EntryItem[] {
    return searchItems(this.glossary, query, this.settings.language);
  }

  label(id: string): string | undefined {
    const e = this.glossary.get(id);
    return e && entryLabel(e);
  }

  entry(id: string): EntryItem | undefined {
    const e = this.glossary.get(id);
    return e && entryItem(e, this.settings.language);
  }

  setChapterScope(scope: ChapterScope): void {
    this.chapterScope = scope;
    this.viewChanged.fire();
  }

  setGlossaryFilter(text: string): number {
    this.glossaryFilter = text.trim();
    this.viewChanged.fire();
    return this.glossaryTree().reduce((n, c) => n + c.entries.length, 0);
  }

  rebuildIndex(): Promise<BuildStats> {
    return this.index.rebuild();
  }

  indexed(): Promise<void> {
    return this.index.ready();
  }

  get indexStats(): BuildStats {
    return this.index.lastBuild;
  }

  notesChanged(uris: readonly string[]): Promise<void> {
    return this.index.update(uris);
  }

  noteDeleted(uri: string): void {
    this.index.delete(uri);
  }

  usageCount(id: string): number {
    return this.index.fileCounts().get(id) ?? 0;
  }

  occurrences(doc: TextDocument): { live: readonly Occurrence[]; full: readonly Occurrence[] } {
    return { live: this.documents.get(doc).scan.occurrences, full: scanDocument(doc.getText(), this.glossary).occurrences };
  }

  liveDocuments(): number {
    return this.documents.size;
  }

  async indexSnapshots() {
    await this.index.ready();
    const fresh = new NotesIndex({ workspace: this.options.workspace, reader: this.options.reader, glossary: () => this.layers.current, maxChars: () => this.settings.maxFileSize, log: this.log });
    await fresh.rebuild();
    return { current: this.index.snapshot(), fresh: fresh.snapshot() };
  }

  // Completion and known terms
  completions(doc: TextDocument, offset: number): CompletionResult | undefined {
    const ds = this.documents.get(doc);
    if (ds.skipped) return undefined;
    const { headings, occurrences } = ds.scan;
    const usage = (id: string) => this.usageCount(id);
    const request = { text: ds.text, offset, prose: this.documents.prose(doc), headings, occurrences, glossary: this.glossary, usage };
    const { completionInsert: insert, language, terminology } = this.settings;
    return completeTerm({ ...request, insert, language, introFormat: terminology.introFormat });
  }

  isKnown(id: string): boolean {
    return this.settings.knownTerms.includes(id);
  }

  knownStateAt(doc: TextDocument, offset: number): KnownState | undefined {
    const t = this.termAt(doc, offset);
    return t && { id: t.entry.id, name: primaryName(t.entry, this.settings.language), range: toRange(t.occ), known: this.isKnown(t.entry.id) };
  }

  withKnown(id: string, known: boolean): string[] {
    return updateKnownTerms(this.settings.knownTerms, id, known);
  }

  // Add to my glossary
  termToAdd(doc: TextDocument, start: number, end: number): TermToAdd | undefined {
    const ds = this.documents.get(doc);
    return termToAdd(ds.text, this.documents.prose(doc).ranges, start, end, knownNames(this.glossary), (id) => this.glossary.entries.has(id));
  }

  glossaryFiles(): Promise<readonly GlossarySource[]> {
    return this.options.workspace.findGlossaries(this.settings.glossaryFiles);
  }

  addEntryEdit(text: string, file: string, draft: DraftEntry, comment?: string): GlossaryEdit | { error: string } | { duplicate: DuplicateEntry } {
    const mine = fileNames(text, file);
    const duplicate = findDuplicate(draft, (n) => knownNames(this.glossary)(n) ?? mine.names.get(normalizeTerm(n, false)), (id) => this.glossary.entries.has(id) || mine.ids.has(id));
    return duplicate ? { duplicate } : addEntryEdit(text, file, draft, comment);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  // Export
  async exportConcepts(uris: readonly string[], request: ExportRequest): Promise<ExportOutcome> {
    await this.ready();
    const notes: ExportNote[] = [];
    const skipped: { uri: string; reason: string }[] = [];
    for (const uri of uris) {
      const r = await this.scanForExport(uri).catch((e: Error) => ({ skip: `cannot read: ${e.message}` }));
      if ('scan' in r) notes.push({ name: relativeName(request.base, uri), href: relativeHref(request.target, uri), scan: r.scan });
      else skipped.push({ uri, reason: r.skip });
      await yieldToHost();
    }
    const result = renderExport(notes, this.glossary, { ...request, language: request.language ?? this.settings.language });
    return { ...result, notes: notes.length, skipped };
  }

  /** An open note's current scan (as the editor shows it), or a fresh scan of the file. */
  private async scanForExport(uri: string): Promise<{ scan: ScanResult } | { skip: string }> {
    const open = this.options.workspace.openDocument(uri);
    if (!open) return scanNoteText(await readText(this.options.workspace, uri), this.glossary, { ...DEFAULT_LIMITS, maxChars: this.settings.maxFileSize });
    const ds = this.documents.get(open);
    return ds.skipped ? { skip: ds.skipped } : { scan: ds.scan };
  }

  // Markdown preview
  previewTerms(doc: TextDocument, options: { transient?: boolean } = {}): PreviewTerms {
    const scan = options.transient ? this.transientScan(doc.getText()) : this.documents.get(doc).scan;
    const underlines = this.settings.underlines === 'off' ? 'all' : this.settings.underlines;
    // Known terms are left out as the underlines leave them out (both go through underlinedOccurrences).
    const occurrences = underlinedOccurrences(scan, this.glossary, { ...this.settings, underlines });
    return { occurrences, tips: previewTips(occurrences, this.glossary, this.settings.language) };
  }

  private transientScan(text: string) {
    const r = scanNoteText(text, this.glossary, { ...DEFAULT_LIMITS, maxChars: this.settings.maxFileSize });
    return 'scan' in r ? r.scan : { occurrences: [], headings: [] };
  }

  // Terminology: consistent renderings, avoided variants, first-use expansion (issue 11)
  private readonly termCache = new WeakMap<DocumentScan, { settings: ServiceSettings['terminology']; findings: readonly TermFinding[] }>();

  terminology(doc: TextDocument): readonly TermFinding[] {
    const ds = this.documents.get(doc);
    const cached = this.termCache.get(ds);
    if (cached?.settings === this.settings.terminology) return cached.findings;
    const findings = lintTerminology({ text: ds.text, scan: ds.scan, chapters: ds.chapters }, (id) => this.glossary.get(id), this.settings.terminology);
    this.termCache.set(ds, { settings: this.settings.terminology, findings });
    return findings;
  }

  terminologyFixes(doc: TextDocument, start: number, end: number): { finding: TermFinding; fixes: TermFix[] }[] {
    const text = this.documents.get(doc).text;
    return this.terminology(doc)
      .filter((f) => f.uses.some((u) => u.start <= end && start <= u.end))
      .map((finding) => ({ finding, fixes: fixesOf(finding, start, text) }));
  }
}
