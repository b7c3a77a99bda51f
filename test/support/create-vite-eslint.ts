import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import globals from 'globals';
import tseslint, { type ConfigWithExtends } from 'typescript-eslint';

/** The flat config create-vite's react-ts template ships (eslint.config.js), minus its `dist` ignore. */
export const CREATE_VITE_REACT_TS: ConfigWithExtends[] = [
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommended, reactHooks.configs.flat.recommended, reactRefresh.configs.vite],
    languageOptions: { ecmaVersion: 2020 as const, globals: globals.browser },
  },
];

/** The same template's JavaScript sibling (create-vite's `react`), for .js and .jsx files. */
export const CREATE_VITE_REACT: ConfigWithExtends[] = [
  {
    files: ['**/*.{js,jsx}'],
    extends: [js.configs.recommended, reactHooks.configs.flat.recommended, reactRefresh.configs.vite],
    languageOptions: {
      ecmaVersion: 2020 as const,
      globals: globals.browser,
      parserOptions: { ecmaVersion: 'latest' as const, ecmaFeatures: { jsx: true }, sourceType: 'module' as const },
    },
    rules: { 'no-unused-vars': ['error', { varsIgnorePattern: '^[A-Z_]' }] },
  },
];
