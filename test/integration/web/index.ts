// Loaded by the web-worker extension host (extensionTestsPath with extensionDevelopmentKind ["web"]): runs the
// suites that matter on vscode.dev / github.dev with mocha's browser build, and prints "N passed, N failed".
import 'mocha/mocha.js';

type Runner = { stats?: { passes: number } };
declare const mocha: { setup(options: { ui: string; reporter: string; timeout: number; color: boolean }): void };
/** mocha's browser `run` reads `location.search`, which the extension host's worker lacks; the plain run does not. */
declare const Mocha: { prototype: { run(this: typeof mocha, done: (failures: number) => void): Runner } };

export async function run(): Promise<void> {
  mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 30_000, color: false });
  // Suites are registered as they load, so they are required here, after setup (the order of the Node run).
  await import('./host.test');
  await import('../export.test');
  await import('../languageFeatures.test');
  await import('../performance.test');
  await import('../userGlossary.test');
  await import('../workbench.test');
  await new Promise<void>((resolve, reject) => {
    const runner = Mocha.prototype.run.call(mocha, (failures) => {
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} web integration tests failed`));
      else resolve();
    });
  });
}
