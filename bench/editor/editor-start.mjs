#!/usr/bin/env node
// Editor start on a real workspace (issue 16): how long until a developer sees Bulkhead's first
// diagnostic, against the CLI's check of the same tree. A benchmark, not a test: it prints numbers
// and writes bench/results/editor-start.json.
//
//   npm run build && node bench/editor/editor-start.mjs <workspace with bulkhead.json> [--repeat 2] [--no-vscode | --vscode-only] [--no-open] [--screenshot <png>]
//
// Measured, interleaved, each on a fresh copy of the workspace (no fact cache anywhere):
//   - CLI: `bulkhead check --format json`, wall time of the process;
//   - language server over stdio (`bulkhead lsp --stdio`, what any LSP client starts): from
//     `initialize` to the first published diagnostic, and to `bulkhead/scanFinished`; again with
//     one file open in the editor (the first file the CLI reports an internal-import or
//     undeclared-dependency in), to that file's first diagnostic, which the first scan publishes
//     before it has read the rest;
//   - real VS Code (code-server 4.100.3 + chromium, the test harness in test/vscode/harness): from
//     the workbench being ready, with that file opened at once, to the first Bulkhead row in the
//     Problems panel's count, with the extension loaded from this checkout. Needs `bash
//     scripts/e2e/setup.sh` once.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { repeat: { type: 'string', default: '2' }, 'no-vscode': { type: 'boolean', default: false }, 'vscode-only': { type: 'boolean', default: false }, 'no-open': { type: 'boolean', default: false }, screenshot: { type: 'string' } },
});
const source = positionals[0] && path.resolve(positionals[0]);
if (!source || !fs.existsSync(path.join(source, 'bulkhead.json'))) {
  process.stderr.write('usage: node bench/editor/editor-start.mjs <workspace with bulkhead.json> [--repeat 2] [--no-vscode]\n');
  process.exit(2);
}
const log = (line) => process.stderr.write(`${line}\n`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulkhead-editor-start-'));
let copies = 0;
/** A fresh copy, so that no run finds another's fact cache. */
function freshCopy() {
  const target = path.join(tmp, `ws-${copies++}`);
  fs.cpSync(source, target, { recursive: true, filter: (p) => !p.includes(`${path.sep}.cache${path.sep}`) && !p.endsWith(`${path.sep}.cache`) });
  return target;
}

/** The file a developer has open: the first one with a finding the first scan can tell early. */
function pickOpenFile(ws) {
  const { execFileSync } = require('node:child_process');
  let out = '';
  try {
    out = execFileSync(process.execPath, [path.join(REPO, 'bin/bulkhead.js'), 'check', '--format', 'json'], { cwd: ws, maxBuffer: 1 << 28, encoding: 'utf8' });
  } catch (err) {
    out = err.stdout; // exit code 1: violations
  }
  const early = JSON.parse(out).violations.filter((v) => v.rule === 'internal-import' || v.rule === 'undeclared-dependency').map((v) => v.file).sort();
  return early[0];
}

function cliCheck(ws) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(REPO, 'bin/bulkhead.js'), 'check', '--format', 'json'], { cwd: ws, stdio: ['ignore', 'ignore', 'ignore'] });
    child.on('exit', (code) => resolve({ ms: Math.round(performance.now() - started), code }));
  });
}

/**
 * The server's "full check of N files, M modules in T ms (CPU C ms)" line: its wall and CPU time
 * (against the wall time, the CPU time tells what a starting editor took from it). Whitespace is
 * loose: the output panel wraps long lines anywhere.
 */
function serverCheckOf(text) {
  const m = /full\s+check\s+of\s+\d+\s+files,\s+\d+\s+modules\s+in\s+([\d.]+)\s+(ms|s)\b(?:\s+\(CPU\s+(\d+)\s+ms[;)])?/.exec(text);
  if (!m) return undefined;
  const phases = /setup\s+(\d+)\s+ms,\s+reading\s+(\d+)\s+ms,\s+analysis\s+(\d+)\s+ms,\s+between\s+slices\s+(\d+)\s+ms/.exec(text);
  return {
    ms: Math.round(Number(m[1]) * (m[2] === 's' ? 1000 : 1)),
    cpuMs: m[3] === undefined ? undefined : Number(m[3]),
    phases: phases ? { setupMs: Number(phases[1]), readingMs: Number(phases[2]), analysisMs: Number(phases[3]), betweenSlicesMs: Number(phases[4]) } : undefined,
  };
}

async function languageServer(ws, cacheFolder, openFile) {
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');
  const child = spawn(process.execPath, [path.join(REPO, 'bin/bulkhead.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest(() => null);
  let started = 0;
  let firstDiagnostic;
  let files = 0;
  let openFileDiagnostic;
  const openUri = openFile && pathToFileURL(path.join(ws, openFile)).href;
  const finished = new Promise((resolve) => connection.onNotification('bulkhead/scanFinished', () => resolve(Math.round(performance.now() - started))));
  // The server's own line for its check, as the VS Code run reads it from the output panel.
  let serverCheck;
  connection.onNotification('window/logMessage', (p) => { serverCheck ??= serverCheckOf(p.message); });
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.diagnostics.length > 0) {
      files++;
      firstDiagnostic ??= Math.round(performance.now() - started);
      if (p.uri === openUri) openFileDiagnostic ??= Math.round(performance.now() - started);
    }
  });
  connection.listen();
  try {
    started = performance.now();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: cacheFolder ? { cacheFolder } : undefined, workspaceFolders: [{ uri: pathToFileURL(ws).href, name: path.basename(ws) }] });
    await connection.sendNotification('initialized', {});
    if (openFile) {
      const text = fs.readFileSync(path.join(ws, openFile), 'utf8');
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: openUri, languageId: 'typescript', version: 1, text } });
    }
    const scanFinishedMs = await Promise.race([finished, new Promise((r) => setTimeout(() => r(undefined), 600_000).unref())]);
    // Diagnostics are published after the scan's result: wait until they stop coming.
    for (let seen = -1; seen !== files; ) {
      seen = files;
      await new Promise((r) => setTimeout(r, 500));
    }
    return { firstDiagnosticMs: firstDiagnostic, openFileDiagnosticMs: openFileDiagnostic, scanFinishedMs, filesWithDiagnostics: files, serverCheckMs: serverCheck?.ms, serverCheckCpuMs: serverCheck?.cpuMs, serverPhases: serverCheck?.phases };
  } finally {
    connection.dispose();
    child.kill('SIGKILL');
  }
}

async function realVsCode(ws, openFile) {
  const { launch, waitFor } = require(path.join(REPO, 'test/vscode/harness/ui.js'));
  const vsc = await launch({ extension: REPO, workspace: ws, timeout: 180_000 });
  try {
    const ready = performance.now();
    // as a restored editor would be: open from the start
    if (openFile) await vsc.openFile(openFile);
    // The extension's status bar item appears when it has activated and started its server.
    await waitFor(async () => (await vsc.page.locator('.statusbar-item', { hasText: 'Bulkhead' }).count()) > 0 || (await vsc.page.locator('.statusbar-item', { hasText: 'violation' }).count()) > 0, { timeout: 600_000, interval: 100, message: 'the Bulkhead status bar item' });
    const activatedMs = Math.round(performance.now() - ready);
    // The status bar's problems item counts every published diagnostic; only Bulkhead publishes
    // any here (nothing is installed, and TypeScript's own come later for the one open file).
    const label = await waitFor(async () => {
      const text = await vsc.statusProblems();
      return /No Problems/i.test(text) || !/(Errors|Warnings|Infos?): [1-9]/.test(text) ? undefined : text;
    }, { timeout: 600_000, interval: 100, message: 'a Bulkhead problem in the status bar' });
    const firstProblemMs = Math.round(performance.now() - ready);
    // Issue 17: the module graph opened once the diagnostics are in, to its drawn overview.
    await waitFor(async () => (await vsc.page.locator('.statusbar-item', { hasText: /\d+ violations?/ }).count()) > 0, { timeout: 600_000, interval: 100, message: 'the check finished' }).catch(() => undefined);
    await vsc.runCommand('Bulkhead: Show Module Graph');
    const opening = performance.now();
    await vsc.webviewFrame().locator('body[data-renders="1"]').waitFor({ timeout: 120_000 });
    const graphOpenMs = Math.round(performance.now() - opening);
    const graph = await vsc.webviewFrame().locator('body').evaluate(() => ({ ...window.bulkheadGraph.timings }));
    if (values.screenshot) await vsc.screenshot(values.screenshot);
    // What the server says its first check took, from its output channel: the check itself
    // against the time around it (the server's start, the workbench's own start-up work).
    await vsc.runCommand('Bulkhead: Show Output');
    const serverLog = await waitFor(async () => {
      const text = await vsc.page.locator('.output-view .view-lines, .panel .view-lines').last().innerText().catch(() => '');
      return /full\s+check\s+of/.test(text) ? text : undefined;
    }, { timeout: 20_000, interval: 200, message: 'the server log' }).catch(() => '');
    // The panel wraps long lines anywhere.
    const serverCheck = serverCheckOf(serverLog);
    return { activatedMs, firstProblemMs, statusBar: label, graphOpenMs, graph, serverCheckMs: serverCheck?.ms, serverCheckCpuMs: serverCheck?.cpuMs, serverPhases: serverCheck?.phases };
  } finally {
    await vsc.close();
  }
}

const runs = { cli: [], server: [], serverOpenFile: [], serverWithCache: [], vscode: [] };
const repeat = Number(values.repeat) || 2;
// `--no-open`: VS Code opens no file (the graph panel then takes the editor area, as in the README's screenshot).
const openFile = pickOpenFile(freshCopy());
const vscodeFile = values['no-open'] ? undefined : openFile;
log(`open file: ${openFile}`);
for (let i = 0; i < repeat; i++) {
  if (values['vscode-only']) {
    runs.vscode.push(await realVsCode(freshCopy(), vscodeFile));
    log(`VS Code: the server's own first check ${runs.vscode.at(-1).serverCheckMs} ms (CPU ${runs.vscode.at(-1).serverCheckCpuMs} ms; ${JSON.stringify(runs.vscode.at(-1).serverPhases)}); first problem ${runs.vscode.at(-1).firstProblemMs} ms after the workbench was ready; the module graph drawn ${runs.vscode.at(-1).graphOpenMs} ms after its command (${JSON.stringify(runs.vscode.at(-1).graph)})`);
    continue;
  }
  runs.cli.push(await cliCheck(freshCopy()));
  log(`cli check: ${runs.cli.at(-1).ms} ms`);
  runs.server.push(await languageServer(freshCopy()));
  log(`language server: first diagnostic ${runs.server.at(-1).firstDiagnosticMs} ms, scan finished ${runs.server.at(-1).scanFinishedMs} ms; its own check ${runs.server.at(-1).serverCheckMs} ms (CPU ${runs.server.at(-1).serverCheckCpuMs} ms; ${JSON.stringify(runs.server.at(-1).serverPhases)})`);
  runs.serverOpenFile.push(await languageServer(freshCopy(), undefined, openFile));
  log(`language server, ${openFile} open: its first diagnostic ${runs.serverOpenFile.at(-1).openFileDiagnosticMs} ms, scan finished ${runs.serverOpenFile.at(-1).scanFinishedMs} ms`);
  // As VS Code starts it: with a storage folder for the fact cache, which the first check fills.
  const storage = fs.mkdtempSync(path.join(tmp, 'storage-'));
  runs.serverWithCache.push(await languageServer(freshCopy(), storage));
  log(`language server with a cache folder: first diagnostic ${runs.serverWithCache.at(-1).firstDiagnosticMs} ms, scan finished ${runs.serverWithCache.at(-1).scanFinishedMs} ms; its own check ${runs.serverWithCache.at(-1).serverCheckMs} ms (CPU ${runs.serverWithCache.at(-1).serverCheckCpuMs} ms; ${JSON.stringify(runs.serverWithCache.at(-1).serverPhases)})`);
  if (!values['no-vscode']) {
    try {
      runs.vscode.push(await realVsCode(freshCopy(), vscodeFile));
      log(`VS Code: the server's own first check ${runs.vscode.at(-1).serverCheckMs} ms (CPU ${runs.vscode.at(-1).serverCheckCpuMs} ms; ${JSON.stringify(runs.vscode.at(-1).serverPhases)}); Bulkhead's status bar item ${runs.vscode.at(-1).activatedMs} ms, its first problem ${runs.vscode.at(-1).firstProblemMs} ms after the workbench was ready; the module graph drawn ${runs.vscode.at(-1).graphOpenMs} ms after its command (${JSON.stringify(runs.vscode.at(-1).graph)})`);
    } catch (err) {
      runs.vscode.push({ error: err.message.split('\n')[0] });
      log(`VS Code: ${runs.vscode.at(-1).error}`);
    }
  }
}
fs.rmSync(tmp, { recursive: true, force: true });

const best = (xs, key) => {
  const values = xs.map((x) => x[key]).filter((v) => typeof v === 'number');
  return values.length > 0 ? Math.min(...values) : undefined;
};
const summary = {
  measuredAt: new Date().toISOString(),
  workspace: source,
  loadAverage: os.loadavg().map((l) => l.toFixed(2)).join(' '),
  cliCheckMs: best(runs.cli, 'ms'),
  serverFirstDiagnosticMs: best(runs.server, 'firstDiagnosticMs'),
  serverScanFinishedMs: best(runs.server, 'scanFinishedMs'),
  openFile,
  serverOpenFileDiagnosticMs: best(runs.serverOpenFile, 'openFileDiagnosticMs'),
  serverWithCacheFirstDiagnosticMs: best(runs.serverWithCache, 'firstDiagnosticMs'),
  vscodeActivatedMs: runs.vscode.length ? best(runs.vscode, 'activatedMs') : undefined,
  vscodeFirstProblemMs: runs.vscode.length ? best(runs.vscode, 'firstProblemMs') : undefined,
  vscodeGraphOpenMs: runs.vscode.length ? best(runs.vscode, 'graphOpenMs') : undefined,
  runs,
};
/** A measured time, or what `--no-vscode`/`--vscode-only` left out. */
const cell = (ms) => (ms === undefined ? 'not run' : `${ms} ms`);
fs.mkdirSync(path.join(REPO, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(REPO, 'bench/results/editor-start.json'), `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(
  `| workspace | CLI check | server: first diagnostic | server: scan finished | server, one file open: its first diagnostic | server with a cache folder: first diagnostic | VS Code, one file open: workbench ready → first problem | VS Code: Show Module Graph → drawn |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n` +
  `| ${path.basename(source)} | ${[summary.cliCheckMs, summary.serverFirstDiagnosticMs, summary.serverScanFinishedMs, summary.serverOpenFileDiagnosticMs, summary.serverWithCacheFirstDiagnosticMs, summary.vscodeFirstProblemMs, summary.vscodeGraphOpenMs].map(cell).join(' | ')} |\n`,
);
