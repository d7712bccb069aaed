// Plumbing of the VS Code test harness (adapted from the team's verified vscode-e2e harness): locate the installed code-server and
// playwright-core, start/stop code-server in its own process group, launch Debian chromium.
'use strict';
const fs = require('fs');
const os = require('os');
const net = require('net');
const path = require('path');
const http = require('http');
const { spawn } = require('child_process');

const CODE_SERVER_VERSION = process.env.CODE_SERVER_VERSION || '4.100.3';
const PLAYWRIGHT_CORE_VERSION = process.env.PLAYWRIGHT_CORE_VERSION || '1.65.1';
const E2E_HOME = process.env.VSCODE_E2E_HOME || path.join(os.homedir(), '.cache', 'vscode-e2e');
const CHROMIUM = process.env.VSCODE_E2E_CHROMIUM || '/usr/bin/chromium';
const SETUP_HINT = `run: bash ${path.join(__dirname, '..', '..', '..', 'scripts', 'e2e', 'setup.sh')}`;

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Settings written to the fresh user-data-dir; callers can add/override keys. */
const DEFAULT_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.openRepositoryInParentFolders': 'never',
};

function codeServerEntry() {
  const entry = path.join(E2E_HOME, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!fs.existsSync(entry)) throw new Error(`code-server ${CODE_SERVER_VERSION} not found at ${entry}; ${SETUP_HINT}`);
  return entry;
}

function loadPlaywright() {
  const installed = path.join(E2E_HOME, `playwright-core-${PLAYWRIGHT_CORE_VERSION}`, 'node_modules', 'playwright-core');
  for (const candidate of [installed, 'playwright-core']) {
    try { return require(candidate); } catch (e) { /* try next */ }
  }
  throw new Error(`playwright-core not found (looked in ${installed} and the normal module path); ${SETUP_HINT}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

function httpOk(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => { res.resume(); resolve(res.statusCode >= 200 && res.statusCode < 400); });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => { req.destroy(); resolve(false); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function groupAlive(pgid) {
  try { process.kill(-pgid, 0); return true; } catch (e) { return e.code === 'EPERM'; }
}

// Process groups we started; killed synchronously if this process exits without stop().
const liveGroups = new Set();
const liveRunDirs = new Set();
process.on('exit', () => { for (const g of liveGroups) { try { process.kill(-g, 'SIGKILL'); } catch (e) { /* gone */ } } });
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    for (const g of liveGroups) { try { process.kill(-g, 'SIGKILL'); } catch (e) { /* gone */ } }
    liveGroups.clear();
    if (!process.env.VSCODE_E2E_KEEP) for (const d of liveRunDirs) fs.rmSync(d, { recursive: true, force: true });
    process.exit(128 + (os.constants.signals[sig] || 1));
  });
}

/**
 * Start code-server for `workspace` in a new session/process group (setsid via detached:true).
 * Returns { port, origin, runDir, userDataDir, logFile, child, stop() }.
 */
async function startCodeServer({ workspace, settings = {}, extensionsDir, runDir, startTimeout = 60000, verbose = false } = {}) {
  if (Number(process.versions.node.split('.')[0]) !== 20) {
    throw new Error(`code-server ${CODE_SERVER_VERSION} runs on Node 20; this is Node ${process.version}`);
  }
  const entry = codeServerEntry();
  runDir = runDir || fs.mkdtempSync(path.join(os.tmpdir(), 'vscode-e2e-'));
  liveRunDirs.add(runDir);
  const userDataDir = path.join(runDir, 'user-data');
  extensionsDir = extensionsDir || path.join(runDir, 'extensions');
  const xdg = path.join(runDir, 'xdg');
  for (const d of [userDataDir, path.join(userDataDir, 'User'), extensionsDir, xdg]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...settings }, null, 2));
  const configFile = path.join(runDir, 'code-server.yaml');
  fs.writeFileSync(configFile, 'auth: none\n');
  const port = await freePort();
  const args = [
    entry, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    ...(settings['security.workspace.trust.enabled'] === true ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override', '--ignore-last-opened',
    '--bind-addr', `127.0.0.1:${port}`, '--config', configFile,
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
  ];
  if (workspace) args.push(path.resolve(workspace));
  const logFile = path.join(runDir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'a');
  const env = {
    ...process.env,
    // keep code-server's own state (coder.json, logs, heartbeat) out of $HOME
    XDG_DATA_HOME: path.join(xdg, 'data'), XDG_CONFIG_HOME: path.join(xdg, 'config'),
    XDG_RUNTIME_DIR: path.join(xdg, 'runtime'), XDG_CACHE_HOME: path.join(xdg, 'cache'),
    TMPDIR: path.join(runDir, 'tmp'),
    // no marketplace (offline): stops the workbench from querying open-vsx.org
    EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY || '{"serviceUrl":""}',
  };
  fs.mkdirSync(env.XDG_RUNTIME_DIR, { recursive: true, mode: 0o700 });
  fs.mkdirSync(env.TMPDIR, { recursive: true });
  delete env.PASSWORD; delete env.HASHED_PASSWORD; delete env.PORT; delete env.ELECTRON_RUN_AS_NODE;
  // inherited from a VS Code/code-server terminal these make code-server hand the folder to that
  // instance and exit (VSCODE_IPC_HOOK_CLI) or confuse its bootstrap
  for (const k of Object.keys(env)) if (/^VSCODE_/.test(k) && !/^VSCODE_E2E_/.test(k)) delete env[k];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', logFd, logFd], env });
  fs.closeSync(logFd);
  const pgid = child.pid;
  liveGroups.add(pgid);
  let exited = null;
  child.on('exit', (code, signal) => { exited = { code, signal }; });

  async function stop() {
    if (!liveGroups.has(pgid)) return;
    try { process.kill(-pgid, 'SIGTERM'); } catch (e) { /* gone */ }
    for (let i = 0; i < 50 && groupAlive(pgid); i++) await sleep(100);
    if (groupAlive(pgid)) { try { process.kill(-pgid, 'SIGKILL'); } catch (e) { /* gone */ } }
    for (let i = 0; i < 20 && groupAlive(pgid); i++) await sleep(100);
    liveGroups.delete(pgid);
  }

  const origin = `http://127.0.0.1:${port}`;
  const t0 = Date.now();
  while (!(await httpOk(`${origin}/healthz`))) {
    if (exited) {
      await stop();
      throw new Error(`code-server exited early (${JSON.stringify(exited)}); log:\n${tail(logFile, 30)}`);
    }
    if (Date.now() - t0 > startTimeout) {
      await stop();
      throw new Error(`code-server did not answer on ${origin} within ${startTimeout} ms; log:\n${tail(logFile, 30)}`);
    }
    await sleep(200);
  }
  if (verbose) process.stderr.write(`[vscode-e2e] code-server up on ${origin} in ${Date.now() - t0} ms (pid ${pgid}, runDir ${runDir})\n`);
  return { port, origin, runDir, userDataDir, logFile, child, pid: pgid, stop };
}

/**
 * Installs a VSIX into `extensionsDir` the way a user does (`code-server --install-extension`),
 * with code-server's state kept in `stateDir`. Returns the installed extension's folder.
 */
function installVsix(vsix, { extensionsDir, stateDir }) {
  const { execFileSync } = require('child_process');
  const xdg = path.join(stateDir, 'xdg');
  const env = { ...process.env, XDG_DATA_HOME: path.join(xdg, 'data'), XDG_CONFIG_HOME: path.join(xdg, 'config'), XDG_CACHE_HOME: path.join(xdg, 'cache') };
  for (const k of Object.keys(env)) if (/^VSCODE_/.test(k) && !/^VSCODE_E2E_/.test(k)) delete env[k];
  fs.mkdirSync(extensionsDir, { recursive: true });
  const out = execFileSync(process.execPath, [codeServerEntry(), '--install-extension', path.resolve(vsix), '--extensions-dir', extensionsDir,
    '--user-data-dir', path.join(stateDir, 'user-data')], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const installed = fs.readdirSync(extensionsDir).filter((d) => fs.existsSync(path.join(extensionsDir, d, 'package.json')));
  if (installed.length !== 1) throw new Error(`expected one extension in ${extensionsDir} after installing ${vsix}, found [${installed.join(', ')}]; code-server said:\n${out}`);
  return path.join(extensionsDir, installed[0]);
}

function tail(file, n) {
  try { return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n'); } catch (e) { return '(no log)'; }
}

const VSCODE_VERSION = '1.100.3'; // VS Code inside code-server 4.100.3

/** Warn when package.json engines.vscode asks for a newer VS Code: such an extension is silently not loaded. */
function checkEngine(extDir) {
  let range;
  try { range = JSON.parse(fs.readFileSync(path.join(extDir, 'package.json'), 'utf8')).engines.vscode; } catch (e) { return; }
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(range || '');
  if (!m || CODE_SERVER_VERSION !== '4.100.3') return;
  const want = [Number(m[1]), Number(m[2]), Number(m[3])];
  const have = VSCODE_VERSION.split('.').map(Number);
  const cmp = want[0] - have[0] || want[1] - have[1] || want[2] - have[2];
  if (cmp > 0) {
    process.stderr.write(`[vscode-e2e] WARNING: ${extDir} has engines.vscode "${range}" but this VS Code is ${VSCODE_VERSION}: `
      + 'the extension will NOT be loaded (set engines.vscode to ^1.100.0 or lower)\n');
  }
}

/** vscode-remote URI of an absolute server-side path, as the web workbench expects in its payload. */
function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${encodeURI(path.resolve(absPath))}`;
}

/** Workbench URL: ?folder=<abs>&payload=<[[key,value],...]> (no workspace: empty window) */
function workbenchUrl(port, { workspace, payload = [] }) {
  const q = [!workspace ? 'ew=true'
    : `${/\.code-workspace$/.test(workspace) ? 'workspace' : 'folder'}=${encodeURIComponent(path.resolve(workspace))}`];
  if (payload.length) q.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `http://127.0.0.1:${port}/?${q.join('&')}`;
}

/** Launch Debian chromium through playwright-core; stateDir keeps its crash/cache dirs out of $HOME. */
async function launchBrowser({ stateDir, headless = true, args = [] } = {}) {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`chromium not found at ${CHROMIUM}; ${SETUP_HINT}`);
  const { chromium } = loadPlaywright();
  const env = { ...process.env };
  if (stateDir) {
    fs.mkdirSync(path.join(stateDir, 'tmp'), { recursive: true });
    Object.assign(env, {
      XDG_CONFIG_HOME: path.join(stateDir, 'config'), XDG_CACHE_HOME: path.join(stateDir, 'cache'),
      TMPDIR: path.join(stateDir, 'tmp'), // chromium's singleton socket dir, left behind if it is killed
    });
  }
  return chromium.launch({ executablePath: CHROMIUM, headless, env, args: [...CHROMIUM_ARGS, ...args], timeout: 60000 });
}

module.exports = {
  E2E_HOME, CODE_SERVER_VERSION, CHROMIUM, CHROMIUM_ARGS, DEFAULT_SETTINGS,
  VSCODE_VERSION, checkEngine, codeServerEntry, installVsix, loadPlaywright, freePort, startCodeServer, remoteUri, workbenchUrl, launchBrowser, sleep, tail,
};
