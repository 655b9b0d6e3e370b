import * as vscode from 'vscode';
import { chapterAt, chaptersOf, type Chapter } from '../core/chapters';
import { IncrementalScan } from '../core/incremental';
import { DEFAULT_LIMITS, tooComplex } from '../core/limits';
import type { ScanResult } from '../core/scanner';
import type { GlossaryStore } from './glossaryStore';

const EMPTY: ScanResult = { occurrences: [], headings: [], lineCount: 1, lastLine: 1 };

/** A scan of one document version, with its chapters. */
export interface DocumentScan {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly scan: ScanResult;
  readonly chapters: readonly Chapter[];
  /** Why the document was not scanned (larger than llmGlossary.maxFileSize, nested too deeply, unparsable). */
  readonly skipped?: string;
}

export function isNote(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown';
}

interface Live {
  /** Kept current by the edits of each change event, so a keystroke re-parses only the blocks it touches. */
  incremental?: IncrementalScan;
  skipped?: string;
  /** The document version the incremental scan reflects. */
  version: number;
  generation: number;
  /** The result for that version, computed on demand. */
  result?: DocumentScan;
}

/**
 * The one place that scans open documents. Every feature asks here; a document version is scanned once per
 * glossary generation (incrementally after an edit), and everything is dropped when the document closes.
 */
export class DocumentScans implements vscode.Disposable {
  private readonly live = new Map<string, Live>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly store: GlossaryStore,
    private maxFileSize: () => number,
  ) {
    this.disposables = [
      vscode.workspace.onDidCloseTextDocument((d) => this.live.delete(d.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((e) => this.applyChanges(e)),
      store.onDidChange(() => this.live.clear()),
    ];
  }

  /** Number of documents with a live scan (for leak checks). */
  get size(): number {
    return this.live.size;
  }

  private applyChanges(e: vscode.TextDocumentChangeEvent): void {
    const key = e.document.uri.toString();
    const l = this.live.get(key);
    if (!l) return;
    if (!l.incremental || e.contentChanges.length === 0 || l.version !== e.document.version - 1) {
      if (e.contentChanges.length) this.live.delete(key);
      return;
    }
    try {
      // Changes of one event do not overlap; applied from the end, each offset is still valid.
      for (const c of [...e.contentChanges].sort((a, b) => b.rangeOffset - a.rangeOffset)) {
        l.incremental.edit(c.rangeOffset, c.rangeOffset + c.rangeLength, c.text);
      }
      l.version = e.document.version;
      l.result = undefined;
    } catch {
      this.live.delete(key);
    }
  }

  get(doc: vscode.TextDocument): DocumentScan {
    const key = doc.uri.toString();
    let l = this.live.get(key);
    if (l && (l.version !== doc.version || l.generation !== this.store.generation)) l = undefined;
    if (l?.result) return l.result;
    if (!l) {
      const text = doc.getText();
      let skipped = tooComplex(text, { ...DEFAULT_LIMITS, maxChars: this.maxFileSize() });
      let incremental: IncrementalScan | undefined;
      if (!skipped) {
        try {
          incremental = new IncrementalScan(text, this.store.glossary.matcher);
        } catch (e) {
          skipped = `could not be parsed (${(e as Error).message})`;
        }
      }
      l = { incremental, skipped, version: doc.version, generation: this.store.generation };
      this.live.set(key, l);
    }
    const scan = l.incremental?.result() ?? EMPTY;
    l.result = { uri: doc.uri, version: doc.version, scan, chapters: chaptersOf(scan.headings, scan.lastLine), skipped: l.skipped };
    return l.result;
  }

  /** The glossary the scans are made with. */
  glossaryOf() {
    return this.store.glossary;
  }

  /** The chapter at a 0-based line of a document. */
  chapterAt(doc: vscode.TextDocument, line: number): Chapter | undefined {
    return chapterAt(this.get(doc).chapters, line + 1);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.live.clear();
  }
}
