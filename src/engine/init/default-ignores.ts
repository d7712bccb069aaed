import { Minimatch } from 'minimatch';
import { globTester } from '../glob';

/**
 * Files that are not part of the architecture: tests, stories, mocks, end-to-end suites, tool
 * configs and database migrations. `init` writes the globs that match something into `ignore`, so the first check
 * reports no finding in them and the editor shows no badge on them.
 */
export const DEFAULT_IGNORES = [
  '**/*.spec.*',
  '**/*.test.*',
  '**/*.e2e-spec.*',
  '**/*.stories.*',
  '**/*.story.*',
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/e2e/**',
  '**/*-e2e/**',
  '**/cypress/**',
  '**/__mocks__/**',
  '**/__fixtures__/**',
  '**/test-setup.*',
  '**/setup-jest.*',
  '**/jest.setup.*',
  '**/setupTests.*',
  '**/setup-tests.*',
  'cucumber.{js,cjs,mjs}',
  '**/jest.preset.*',
  '{gulpfile,Gruntfile,Jakefile}.{js,cjs,mjs,ts}',
  // tool configs: any `*.config.*` at the root, known tools' anywhere (not `app.config.ts` or
  // `database.config.ts` inside a module, which are code)
  '*.config.{js,cjs,mjs,ts,cts,mts}',
  '**/{webpack,jest,vite,vitest,rollup,babel,eslint,prettier,tailwind,postcss,karma,playwright,cypress,commitlint,stylelint,tsup,next,nuxt,svelte,astro,metro,protractor,lint-staged,release}.config.*',
  '**/webpack.*.{js,cjs,mjs,ts}',
  '**/.*.{js,cjs,mjs,ts}',
  '**/.storybook/**',
  // code-generator templates (amplication's `*.template.ts`): their imports name files of the
  // project they generate, not of this repo, so they could only be unresolved
  '**/*.template.{ts,tsx,js,jsx}',
  // migrations touch every module's tables by design; they are history, not architecture
  '**/migrations/**',
];

let compiled: ReadonlyArray<{ glob: string; test: (path: string) => boolean }> | undefined;

/** DEFAULT_IGNORES compiled, once per process (init only: a check never needs them). */
export function defaultIgnoreTests(): ReadonlyArray<{ glob: string; test: (path: string) => boolean }> {
  return (compiled ??= DEFAULT_IGNORES.map((glob) => ({ glob, test: globTester(new Minimatch(glob, { dot: true })) })));
}

/** The default globs that match at least one of `files`, and the files they leave. */
export function applyDefaultIgnores(files: readonly string[]): { ignore: string[]; kept: string[]; ignoredCount: number } {
  const matchers = defaultIgnoreTests();
  const used = new Set<string>();
  const kept: string[] = [];
  for (const file of files) {
    const hit = matchers.find(({ test }) => test(file));
    if (hit) used.add(hit.glob);
    else kept.push(file);
  }
  return { ignore: DEFAULT_IGNORES.filter((g) => used.has(g)), kept, ignoredCount: files.length - kept.length };
}
