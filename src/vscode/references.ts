import * as vscode from 'vscode';
import { occurrenceAt } from '../core/occurrences';
import { toRange } from './convert';
import { entryLocation } from './definition';
import type { DocumentScans } from './documentScans';
import type { GlossaryStore } from './glossaryStore';
import type { WorkspaceNotes } from './workspaceNotes';

/** Every use of an entry across the workspace's notes, as locations. */
export async function referenceLocations(notes: WorkspaceNotes, entryId: string): Promise<vscode.Location[]> {
  const out: vscode.Location[] = [];
  for (const f of await notes.usesOf(entryId)) for (const o of f.occurrences) out.push(new vscode.Location(f.uri, toRange(o)));
  return out;
}

/** Find All References on a term: its uses in every note, plus the glossary entry as the declaration. */
export function registerReferences(selector: vscode.DocumentSelector, store: GlossaryStore, scans: DocumentScans, notes: WorkspaceNotes): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(selector, {
    async provideReferences(doc, position, context) {
      const occ = occurrenceAt(scans.get(doc).scan.occurrences, doc.offsetAt(position));
      const entry = occ && store.glossary.get(occ.entryId);
      if (!occ || !entry) return undefined;
      const locations = await referenceLocations(notes, entry.id);
      if (context.includeDeclaration) locations.unshift(entryLocation(store, entry));
      return locations;
    },
  });
}

/** Highlights every occurrence, in the current document, of the concept under the cursor. */
export function registerHighlights(selector: vscode.DocumentSelector, scans: DocumentScans): vscode.Disposable {
  return vscode.languages.registerDocumentHighlightProvider(selector, {
    provideDocumentHighlights(doc, position) {
      const occurrences = scans.get(doc).scan.occurrences;
      const occ = occurrenceAt(occurrences, doc.offsetAt(position));
      if (!occ) return undefined;
      return occurrences.filter((o) => o.entryId === occ.entryId).map((o) => new vscode.DocumentHighlight(toRange(o), vscode.DocumentHighlightKind.Read));
    },
  });
}
