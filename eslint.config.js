import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const packages = {
  react: ['react', 'react/*', 'react-dom', 'react-dom/*'],
  state: ['zustand', 'zustand/*', 'zundo', 'zundo/*'],
  monaco: ['monaco-editor', 'monaco-editor/*', '@monaco-editor/*'],
  tanstack: ['@tanstack/*'],
};

/** Forbids relative imports that climb out of the current folder into one of the given `src/` folders. */
function folders(names, message) {
  return {
    regex: `^(\\.\\./)+(${names.join('|')})(/|$)|(^|/)src/(${names.join('|')})(/|$)`,
    message,
  };
}

function restrict(...patterns) {
  return { 'no-restricted-imports': ['error', { patterns }] };
}

export default defineConfig([
  globalIgnores(['dist/', 'dist-cli/', '.tmp/', 'node_modules/', 'playwright-report/', 'test-results/', 'blob-report/', 'coverage/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['*.{js,mjs,ts}', 'scripts/**', 'e2e/**', 'bench/**', 'src/cli/**', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },

  // One-way dependencies: nix (the language) and model → nixos (NixOS knowledge) → store/catalog → features → app.
  {
    files: ['src/model/**'],
    rules: restrict(
      {
        group: [...packages.react, ...packages.state, ...packages.monaco, ...packages.tanstack],
        message: 'src/model is plain TypeScript: no React, zustand, zundo, Monaco or TanStack.',
      },
      folders(['nix', 'nixos', 'store', 'catalog', 'features', 'app'], 'src/model depends on nothing else in src/.'),
    ),
  },
  {
    files: ['src/nix/**'],
    rules: restrict(
      {
        group: [...packages.react, ...packages.state, ...packages.monaco, ...packages.tanstack],
        message: 'src/nix is plain TypeScript: no React, zustand, zundo, Monaco or TanStack.',
      },
      folders(
        ['model', 'nixos', 'store', 'catalog', 'features', 'app'],
        'src/nix is the Nix language alone (syntax tree, lexer, parser, printer, escaping): it knows nothing of NixOS or the project.',
      ),
    ),
  },
  {
    files: ['src/nixos/**'],
    rules: restrict(
      {
        group: [...packages.react, ...packages.state, ...packages.monaco, ...packages.tanstack],
        message: 'src/nixos is plain TypeScript: no React, zustand, zundo, Monaco or TanStack.',
      },
      folders(['store', 'catalog', 'features', 'app'], 'src/nixos may only depend on src/model and src/nix.'),
    ),
  },
  {
    files: ['src/store/**', 'src/catalog/**'],
    rules: restrict(folders(['features', 'app'], 'store and catalog may not depend on features or app.')),
  },
  {
    files: ['src/features/**'],
    rules: restrict(folders(['app'], 'features may not depend on app.')),
  },
]);
