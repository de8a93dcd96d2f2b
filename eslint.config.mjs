// ESLint (flat config), run by `npm run lint` and so by `npm test`.
// Its main job is to keep regular expressions that can backtrack super-linearly out
// of the code base: every cell of user text runs through the core's patterns on each
// recalculation, and Sheets stops a custom function after 30 s (see core/values.ts).
import { defineConfig } from 'eslint/config';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'test-results/', 'bench/results/'] },
  tseslint.configs.recommended,
  regexp.configs.recommended,
  {
    rules: {
      // Not turned off, told the code base's convention: a parameter named with a leading
      // underscore is one a signature requires and the body does not use (Apps Script's
      // onOpen(event), a fake's createMenu(caption)).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // no-super-linear-backtracking is in regexp's recommended set already; both are
      // named here so that changing the presets can never silently let a ReDoS back in.
      // no-super-linear-move also catches a pattern that is linear from one start but is
      // retried from every position of the text (an unanchored /\s+$/, say).
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
);
