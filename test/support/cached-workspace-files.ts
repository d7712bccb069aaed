/** Two modules, three source files, one internal import between them: the fact cache tests' workspace. */
export const CACHED_WORKSPACE_FILES = {
  'bulkhead.json': JSON.stringify({ modules: [{ name: 'a', path: 'src/a' }, { name: 'b', path: 'src/b' }] }),
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, moduleResolution: 'bundler', module: 'esnext' } }),
  'src/a/index.ts': "import { x } from '../b/internal';\nexport const a = x;\n",
  'src/a/more.ts': "import { a } from './index';\nexport const more = a;\n",
  'src/b/internal.ts': 'export const x = 1;\n',
};
