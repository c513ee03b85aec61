// Lint gate (npm run lint): typescript-eslint's recommended rules with type information (the
// tests, which read JSON answers of any shape, get the rules without it), plus the
// rules that catch what reviews of this codebase found: promises nobody awaits, and imports of
// types that should be `import type` (they vanish from the emitted JavaScript).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.neo4j*/',
      'coverage/',
      'test-results/',
      'bench/data/',
      'bench/results/',
      'src/generated/',
      'web/explorer/generated/',
    ],
  },
  js.configs.recommended,
  // Everything but the tests gets the type-checked set (no unsafe `any` flowing through the code).
  ...tseslint.configs.recommendedTypeChecked.map((config) => ({ ...config, ignores: ['test/**'] })),
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['test/**/*.ts'] })),
  {
    languageOptions: {
      globals: { ...globals.node },
      parserOptions: {
        // Each file is checked with the tsconfig that builds it (root, bench/, web/explorer/, web/graphiql/).
        projectService: { allowDefaultProject: ['*.js', '*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      // Apollo's plugin hooks are typed async; an async hook with nothing to await is idiomatic.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests read JSON answers of arbitrary shape; `any` there is the honest type.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['*.js', '*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
