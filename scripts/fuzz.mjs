// Longer fuzzing runs: npm run fuzz -- --runs 20000 [--seed 7]. npm test runs the same properties with 150 runs.
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '5000' }, seed: { type: 'string', default: String(Date.now() % 1e9) } } });
console.log(`fuzzing with ${values.runs} runs per property, seed ${values.seed}`);
const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync('npx', ['mocha', '--timeout', '0', 'out/test/unit/fuzz.test.js'], {
  stdio: 'inherit',
  env: { ...process.env, LLM_GLOSSARY_FUZZ_RUNS: values.runs, LLM_GLOSSARY_FUZZ_SEED: values.seed },
});
process.exit(r.status ?? 1);
