import * as vscode from 'vscode';
import type { GlossaryService } from '../core/service';
import { toDoc, toLocation } from './convert';

/** Find All References on a term: its uses in every note, plus the glossary entry as the declaration. */
export function registerReferences(selector: vscode.DocumentSelector, service: GlossaryService): vscode.Disposable {
  return vscode.languages.registerReferenceProvider(selector, {
    async provideReferences(doc, position, context) {
      const refs = await service.references(toDoc(doc), doc.offsetAt(position), context.includeDeclaration);
      return refs?.map(toLocation);
    },
  });
}
