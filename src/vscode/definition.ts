import * as vscode from 'vscode';
import type { GlossaryEntry } from '../core/glossary';
import { occurrenceAt } from '../core/occurrences';
import { sourceRange, toRange } from './convert';
import type { DocumentScans } from './documentScans';
import type { GlossaryStore } from './glossaryStore';

/** Where an entry is defined: the user's glossary file, or the read-only view of the shipped one. */
export function entryLocation(store: GlossaryStore, entry: GlossaryEntry): vscode.Location {
  return new vscode.Location(store.uriOf(entry.source.file), sourceRange(entry.source));
}

/** Go to Definition / Peek Definition on a term opens its glossary entry. */
export function registerDefinition(selector: vscode.DocumentSelector, store: GlossaryStore, scans: DocumentScans): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(selector, {
    provideDefinition(doc, position): vscode.DefinitionLink[] | undefined {
      const occ = occurrenceAt(scans.get(doc).scan.occurrences, doc.offsetAt(position));
      const entry = occ && store.glossary.get(occ.entryId);
      if (!occ || !entry) return undefined;
      const loc = entryLocation(store, entry);
      return [{ originSelectionRange: toRange(occ), targetUri: loc.uri, targetRange: loc.range, targetSelectionRange: loc.range }];
    },
  });
}

/** Serves the shipped glossary files as read-only documents (`llm-glossary:/glossary/<file>.yaml`). */
export function registerBuiltinDocuments(store: GlossaryStore, scheme: string): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(scheme, {
    provideTextDocumentContent: (uri) => store.builtinText(uri.path),
  });
}
