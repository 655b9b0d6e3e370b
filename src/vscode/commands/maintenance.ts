import * as vscode from 'vscode';
import type { GlossaryService } from '../../core/service';
import { SECTION } from '../config';

/** Reload Glossaries, Rebuild Notes Index and Toggle Term Underlines. */
export function registerMaintenanceCommands(service: GlossaryService): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand('llmGlossary.reloadGlossaries', () => service.reloadGlossaries()),
    vscode.commands.registerCommand('llmGlossary.rebuildIndex', () => service.rebuildIndex()),
    vscode.commands.registerCommand('llmGlossary.toggleDecorations', async () => {
      const next = service.settings.underlines === 'off' ? 'all' : 'off';
      await vscode.workspace.getConfiguration(SECTION).update('decorations', next, vscode.ConfigurationTarget.Global);
      return next;
    }),
  );
}
