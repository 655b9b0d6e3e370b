import * as vscode from 'vscode';
import { problemRange, type GlossaryService } from '../core/service';
import { toRange, toUri } from './convert';

/** Problems of the user's glossary files in the Problems panel, at their exact place, after every reload. */
export function registerDiagnostics(service: GlossaryService): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('llm-glossary');
  const publish = () => {
    collection.clear();
    for (const f of service.problems()) {
      const list = f.problems.map((p) => {
        const d = new vscode.Diagnostic(toRange(problemRange(p)), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
        d.source = 'llm-glossary';
        return d;
      });
      if (list.length) collection.set(toUri(f.uri), list);
    }
  };
  return vscode.Disposable.from(collection, service.onDidChangeGlossary(publish));
}
