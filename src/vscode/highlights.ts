import * as vscode from 'vscode';
import type { GlossaryService } from '../core/service';
import { toDoc, toRange } from './convert';

/** Highlights every occurrence, in the current document, of the concept under the cursor. */
export function registerHighlights(selector: vscode.DocumentSelector, service: GlossaryService): vscode.Disposable {
  return vscode.languages.registerDocumentHighlightProvider(selector, {
    provideDocumentHighlights(doc, position) {
      return service.highlights(toDoc(doc), doc.offsetAt(position))?.map((r) => new vscode.DocumentHighlight(toRange(r), vscode.DocumentHighlightKind.Read));
    },
  });
}
