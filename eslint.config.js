// @ts-check
import js from '@eslint/js'
import astro from 'eslint-plugin-astro'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.astro/**',
      '**/.sanity/**',
      'studio/.typegen-check/**',
      'site/.test-builds/**',
      'site/.bench-builds/**',
      'site/.dist-staging/**',
      'site/.dist-previous/**',
      'site/dist-preview/**',
      'shared/src/generated/**',
      'tests/artifacts/**',
      'benchmarks/runs/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: {globals: {...globals.node}},
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_'},
      ],
      // Test fixtures use `!` on lookups that the test itself guarantees.
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
)
