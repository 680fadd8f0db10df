import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { layerRules } from './scripts/lint/layers.js';
import importCycles from './scripts/lint/no-import-cycle.js';

export default tseslint.config(
  { ignores: ['node_modules/', '.tern/', 'dist/', 'bench/results/', 'console/src/client/openapi.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: globals.node } },
  // The console runs in the browser; its files are TSX.
  { files: ['console/**/*.{ts,tsx}'], languageOptions: { globals: globals.browser } },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      // vitest fixtures take their dependencies as a destructured first parameter, `({}, …)` when there are none
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
  ...layerRules(),
  { files: ['**/*.ts', '**/*.tsx'], plugins: { tern: importCycles }, rules: { 'tern/no-import-cycle': 'error' } },
  {
    files: ['scripts/**', 'carriers/simulator/main.ts'],
    rules: { 'no-console': 'off' },
  },
);
