import * as vscode from 'vscode';
import { chapterAt, chaptersOf, type Chapter } from '../core/chapters';
import { scanDocument, type ScanResult } from '../core/scanner';
import type { GlossaryStore } from './glossaryStore';

const EMPTY: ScanResult = { occurrences: [], headings: [], lineCount: 1, lastLine: 1 };

/** A scan of one document version, with its chapters. */
export interface DocumentScan {
  readonly uri: vscode.Uri;
  readonly version: number;
  readonly scan: ScanResult;
  readonly chapters: readonly Chapter[];
  /** True when the document was too large to scan (llmGlossary.maxFileSize). */
  readonly skipped: boolean;
}

export function isNote(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'markdown';
}

/**
 * The one place that scans open documents. Every feature asks here; a document version is scanned once per
 * glossary generation, and the result is dropped when the document closes.
 */
export class DocumentScans implements vscode.Disposable {
  private readonly cache = new Map<string, DocumentScan & { generation: number }>();
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly store: GlossaryStore,
    private maxFileSize: () => number,
  ) {
    this.disposables = [
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
      store.onDidChange(() => this.cache.clear()),
    ];
  }

  get(doc: vscode.TextDocument): DocumentScan {
    const key = doc.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === doc.version && hit.generation === this.store.generation) return hit;
    const text = doc.getText();
    const skipped = text.length > this.maxFileSize();
    const scan = skipped ? EMPTY : scanDocument(text, this.store.glossary);
    const result = {
      uri: doc.uri,
      version: doc.version,
      scan,
      chapters: chaptersOf(scan.headings, scan.lastLine),
      skipped,
      generation: this.store.generation,
    };
    this.cache.set(key, result);
    return result;
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
    this.cache.clear();
  }
}
