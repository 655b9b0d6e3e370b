import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.e2e/**', 'test/fixtures/**', 'e2e/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // The core is pure: it runs in the CLI, in workers and in the browser. It never touches VS Code, Node or the
    // hosts above it; `npm run check-types` also type-checks it without Node types (tsconfig.core.json).
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core must not import vscode; put VS Code code in src/vscode.' },
            ...builtinModules.map((name) => ({ name, message: `src/core runs without Node; "${name}" belongs in src/node.` })),
          ],
          patterns: [
            { group: ['node:*'], message: 'src/core runs without Node; Node-only code belongs in src/node.' },
            { group: ['**/vscode/**', '**/vscode', '**/node/**', '**/cli/**', '**/extension', '**/web/**'], message: 'src/core never imports the hosts above it.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', '__dirname', '__filename', 'setImmediate', 'clearImmediate', 'require', 'module', 'global'].map((name) => ({
          name,
          message: `"${name}" is a Node global; src/core runs in browsers and web workers too.`,
        })),
      ],
    },
  },
);
