// Runs a command as a child process and measures its wall time and peak resident memory.
// Peak RSS comes from GNU time (`/usr/bin/time -v`, the kernel's ru_maxrss for the child) when it
// is installed, else from polling VmHWM in /proc/<pid>/status (Linux), else it is left unknown.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = fs.existsSync(GNU_TIME);

/**
 * @returns {Promise<{ wallMs: number, cpuMs: number | undefined, peakRssMiB: number | undefined, exitCode: number | null, timedOut: boolean, stdout: string, stderr: string }>}
 * `stdout` is only kept when `keepStdout` (large outputs go to `stdoutFile` instead).
 */
export function runMeasured(command, args, { cwd, timeoutMs = 0, stdoutFile, keepStdout = false, env } = {}) {
  const timeFile = path.join(os.tmpdir(), `bench-time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const [cmd, argv] = hasGnuTime ? [GNU_TIME, ['-v', '-o', timeFile, command, ...args]] : [command, args];
  const out = stdoutFile ? fs.openSync(stdoutFile, 'w') : 'pipe';
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // Own process group, so a timeout ends the command and everything it started.
    const child = spawn(cmd, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', out, 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => {
      if (keepStdout) stdout += d;
    });
    child.stderr.on('data', (d) => {
      if (stderr.length < 20000) stderr += d;
    });
    let polledKiB = 0;
    const poll = hasGnuTime ? undefined : setInterval(() => {
      polledKiB = Math.max(polledKiB, vmHwmKiB(child.pid) ?? 0);
    }, 25);
    let timedOut = false;
    const timer = timeoutMs > 0 ? setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = performance.now() - started;
      clearTimeout(timer);
      clearInterval(poll);
      if (typeof out === 'number') fs.closeSync(out);
      let peakKiB = polledKiB || undefined;
      let cpuMs;
      let exitCode = code;
      if (hasGnuTime) {
        const report = readAndRemove(timeFile);
        const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
        peakKiB = rss ? Number(rss[1]) : undefined;
        const user = /User time \(seconds\): ([\d.]+)/.exec(report);
        const system = /System time \(seconds\): ([\d.]+)/.exec(report);
        if (user && system) cpuMs = (Number(user[1]) + Number(system[1])) * 1000;
        const status = /Exit status: (\d+)/.exec(report);
        if (status) exitCode = Number(status[1]);
        // GNU time prints "Command exited with non-zero status N" on the child's stderr stream.
        stderr = stderr.replace(/^Command exited with non-zero status \d+\n/m, '');
      }
      resolve({ wallMs, cpuMs, peakRssMiB: peakKiB === undefined ? undefined : peakKiB / 1024, exitCode: timedOut ? null : exitCode, timedOut, stdout, stderr });
    });
  });
}

export function peakRssMethod() {
  return hasGnuTime ? '/usr/bin/time -v (ru_maxrss)' : process.platform === 'linux' ? 'polling /proc/<pid>/status VmHWM every 25 ms' : 'unknown';
}

function vmHwmKiB(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function readAndRemove(file) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    fs.rmSync(file, { force: true });
    return text;
  } catch {
    return '';
  }
}

export function percentile(values, p) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
