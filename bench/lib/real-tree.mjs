// A real open-source TypeScript tree for the benchmark: the sources that the `effect` package
// ships in its npm tarball (src/, ~570 files in 4.1.0), fetched with `npm pack` (a plain
// download: no install scripts, no binaries) and kept under bench/workspaces/.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REAL_PACKAGE = 'effect@4.1.0';

/** Returns the workspace root, fetching the package on first use; undefined (with why) on failure. */
export function ensureRealTree(workspacesDir) {
  const root = path.join(workspacesDir, `real-${REAL_PACKAGE.replace(/[@/]/g, '-')}`);
  if (fs.existsSync(path.join(root, 'bulkhead.json'))) return { root };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-real-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const tarball = execFileSync(npm, ['pack', REAL_PACKAGE, '--silent', '--pack-destination', tmp], { encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', path.join(tmp, tarball), '-C', tmp]);
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(root), { recursive: true });
    fs.renameSync(path.join(tmp, 'package'), root);
    // The compiled output is not what a source checkout holds; keep the sources only.
    fs.rmSync(path.join(root, 'dist'), { recursive: true, force: true });
    fs.writeFileSync(path.join(root, 'tsconfig.json'), `${JSON.stringify(tsconfig(), null, 2)}\n`);
    fs.writeFileSync(path.join(root, 'bulkhead.json'), `${JSON.stringify(moduleMap(), null, 2)}\n`);
    return { root };
  } catch (err) {
    return { root: undefined, why: `could not fetch ${REAL_PACKAGE}: ${err.message.split('\n')[0]}` };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** As the effect repository compiles its sources: `.ts` specifiers, package self-imports. */
function tsconfig() {
  return {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'bundler',
      allowImportingTsExtensions: true,
      noEmit: true,
      strict: true,
      paths: { effect: ['./src/index.ts'], 'effect/*': ['./src/*/index.ts'] },
    },
    include: ['src'],
  };
}

/**
 * The core data types at src/ (internals under src/internal) and one module per feature folder
 * (sql, http, rpc, cli, ai, …), each allowed to use the core; imports between features are left
 * for Bulkhead to report, which gives the benchmark real findings to produce.
 */
function moduleMap() {
  return {
    include: ['src/**'],
    modules: [
      { name: 'core', path: 'src', public: ['*.ts'] },
      { name: '<feature>', path: 'src/<feature>', public: ['*.ts'], dependsOn: ['core'] },
    ],
    rules: { 'unowned-file': 'warn' },
  };
}
