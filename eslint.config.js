import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { dependencyRules } from './tools/dependency-rule.js';

export default tseslint.config(
  { ignores: ['dist/', 'dist-functions/', 'node_modules/', '.steady/', 'coverage/'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: false, requireDefaultForNonUnion: true },
      ],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
  },
  {
    // One reader of the environment: the app's code receives a Config.
    files: ['app/**/*.ts', 'functions/**/*.ts', 'shared/**/*.ts', 'teams-app/**/*.ts', 'sandbox/**/*.ts'],
    ignores: ['shared/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'read settings through loadConfig() in shared/config.ts',
        },
      ],
    },
  },
  ...dependencyRules,
);
