// `npm run package`: builds the VSIX with @vscode/vsce from a staging folder. package.json's
// "files" (the npm package of the CLI) and .vscodeignore (the VSIX) cannot coexist for vsce, so
// the staging folder gets the files .vscodeignore allows ("!" lines) and a package.json without
// "files". Output: bulkhead-<version>.vsix in the repository root (or `--out <file>`).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const allowed = readFileSync(join(root, '.vscodeignore'), 'utf8')
  .split('\n')
  .filter((l) => l.startsWith('!'))
  .map((l) => l.slice(1).replace(/\/\*\*$/, ''));
const stage = mkdtempSync(join(tmpdir(), 'bulkhead-vsix-'));
try {
  for (const entry of allowed) {
    if (entry === 'package.json' || !existsSync(join(root, entry))) continue;
    cpSync(join(root, entry), join(stage, entry), { recursive: true });
  }
  for (const required of ['dist/extension.js', 'dist/server.js', 'dist/result-at-ref-worker.js', 'dist/typescript.js', 'dist/typescript-scanner.js', 'dist/webview/graph.js', 'dist/webview/elk.js', 'dist/webview/graph.css']) {
    if (!existsSync(join(stage, required))) throw new Error(`${required} is missing: run npm run build`);
  }
  delete manifest.files;
  delete manifest.scripts;
  delete manifest.bin;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  cpSync(join(root, '.vscodeignore'), join(stage, '.vscodeignore'));
  const outArg = process.argv.indexOf('--out');
  const out = outArg > 0 ? process.argv[outArg + 1] : join(root, `${manifest.name}-${manifest.version}.vsix`);
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`${out}: ${(statSync(out).size / 1024 / 1024).toFixed(2)} MiB`);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
