// The floor: the least any import tool must do. Lists the workspace's source files, reads each
// one and runs `ts.preProcessFile` (TypeScript's scanner-only import finder) on it. Prints JSON.
// Usage: node bench/probes/floor.mjs <workspace>
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

const loadStarted = performance.now();
const ts = createRequire(import.meta.url)('typescript');
const loadMs = performance.now() - loadStarted;

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED = new Set(['node_modules', 'bower_components', 'jspm_packages']);

function listSources(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED.has(entry.name)) continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) listSources(abs, out);
    else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(abs);
  }
  return out;
}

const root = path.resolve(process.argv[2]);
// Like the other tools measured, only the source folder (a package's tarball also holds docs).
const scanned = fs.existsSync(path.join(root, 'src')) ? path.join(root, 'src') : root;
const started = performance.now();
const cpuStarted = process.cpuUsage();
const files = listSources(scanned, []);
let imports = 0;
let bytes = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  bytes += text.length;
  const info = ts.preProcessFile(text, true, true);
  imports += info.importedFiles.length;
}
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
process.stdout.write(`${JSON.stringify({ files: files.length, imports, bytes, ms, cpuMs: (cpu.user + cpu.system) / 1000, loadMs, maxRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`);
