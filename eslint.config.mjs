import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

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
    // The core is pure: it runs in the CLI, in workers and in the browser. It never touches VS Code or Node I/O.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core must not import vscode; put VS Code code in src/vscode.' },
            { name: 'fs', message: 'src/core does no I/O; pass text in.' },
            { name: 'node:fs', message: 'src/core does no I/O; pass text in.' },
            { name: 'fs/promises', message: 'src/core does no I/O; pass text in.' },
            { name: 'node:fs/promises', message: 'src/core does no I/O; pass text in.' },
          ],
        },
      ],
    },
  },
);
