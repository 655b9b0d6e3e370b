import * as vscode from 'vscode';
import type { GlossaryService } from '../core/service';
import { toDoc, toRange, toUri } from './convert';

/** Go to Definition / Peek Definition on a term opens its glossary entry. */
export function registerDefinition(selector: vscode.DocumentSelector, service: GlossaryService): vscode.Disposable {
  return vscode.languages.registerDefinitionProvider(selector, {
    provideDefinition(doc, position): vscode.DefinitionLink[] | undefined {
      const d = service.definition(toDoc(doc), doc.offsetAt(position));
      if (!d) return undefined;
      const target = toRange(d.target.range);
      return [{ originSelectionRange: toRange(d.origin), targetUri: toUri(d.target.uri), targetRange: target, targetSelectionRange: target }];
    },
  });
}
