// Loaded by the VS Code extension host (extensionTestsPath): runs every integration suite with mocha and prints
// the plain "N passed, N failed" line that CI reads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  const dir = __dirname;
  // LLM_GLOSSARY_SUITE=hover,workbench runs only the suites whose file names contain one of the words.
  const only = process.env.LLM_GLOSSARY_SUITE?.split(',').filter(Boolean);
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) {
    if (!only || only.some((w) => f.includes(w))) mocha.addFile(path.join(dir, f));
  }
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passed = runner.stats?.passes ?? 0;
      console.log(`${passed} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
  });
}
