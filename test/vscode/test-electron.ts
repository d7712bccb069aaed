// The extension-host suites through unmodified @vscode/test-electron, as on a machine that can
// download VS Code:   node out/tsc/test/vscode/test-electron.js
// Offline, give it this repository's stand-in for the Code executable (it runs the same suite in
// code-server):       VSCODE_E2E_CODE_SHIM=test/vscode/harness/code-shim.js node out/tsc/test/vscode/test-electron.js
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const ROOT = path.resolve(__dirname, '..', '..', '..', '..'); // from out/tsc/test/vscode

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-test-electron-'));
  const shim = process.env.VSCODE_E2E_CODE_SHIM;
  try {
    const suites: [string, string][] = [['single', 'vscode-shop'], ['multi', path.join('vscode-multi', 'multi.code-workspace')]];
    for (const [suite, workspace] of suites) {
      fs.cpSync(path.join(ROOT, 'test', 'fixtures', workspace.split(path.sep)[0]), path.join(tmp, workspace.split(path.sep)[0]), { recursive: true });
      await runTests({
        ...(shim ? { vscodeExecutablePath: path.resolve(shim) } : { version: '1.100.3' }),
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: path.join(__dirname, 'suite', suite, 'index'),
        launchArgs: [path.join(tmp, workspace), '--disable-extensions'],
      });
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error('test-electron run failed:', err);
  process.exitCode = 1;
});
