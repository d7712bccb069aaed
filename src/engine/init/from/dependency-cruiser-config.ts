import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ForeignConfigError, type ImportOptions } from './foreign-map';
import { readConfigJson } from './read-config-json';

const JSON_CONFIG = '.dependency-cruiser.json';
const JS_CONFIGS = ['.dependency-cruiser.js', '.dependency-cruiser.cjs', '.dependency-cruiser.mjs'];

export interface CruiserConfigFile {
  file: string;
  config: Record<string, unknown>;
}

/**
 * The workspace's dependency-cruiser config. The JSON one is parsed. A JavaScript one is code:
 * it runs (in a separate Node process, which prints its export as JSON) only when the user said
 * the workspace is trusted; otherwise the error says how to export it as JSON instead.
 */
export function readCruiserConfig(root: string, options: ImportOptions): CruiserConfigFile {
  const json = path.join(root, JSON_CONFIG);
  if (fs.existsSync(json)) return { file: JSON_CONFIG, config: readConfigJson(root, json) };
  const script = JS_CONFIGS.find((name) => fs.existsSync(path.join(root, name)));
  if (!script) throw new ForeignConfigError(`No dependency-cruiser config found: expected ${JSON_CONFIG} (or ${JS_CONFIGS.join(', ')}) in ${root}.`);
  if (!options.trust) {
    throw new ForeignConfigError(
      `${script} is JavaScript, and bulkhead does not execute a repository's code unless told to trust it. ` +
        `Either pass --trust, or export it as JSON and run again:\n` +
        `  node -e 'import(require("url").pathToFileURL("./${script}")).then((m) => console.log(JSON.stringify(m.default ?? m, null, 2)))' > ${JSON_CONFIG}`,
    );
  }
  return { file: script, config: runScriptConfig(root, script) };
}

/** Loads the module in a child process so that its side effects and failures stay there. */
function runScriptConfig(root: string, script: string): Record<string, unknown> {
  const url = pathToFileURL(path.join(root, script)).href;
  const program = `import(${JSON.stringify(url)}).then((m) => process.stdout.write(JSON.stringify(m.default ?? m)), (e) => { process.stderr.write(String(e && e.message || e)); process.exit(1); });`;
  const run = spawnSync(process.execPath, ['-e', program], { cwd: root, encoding: 'utf8', timeout: 30_000, maxBuffer: 16 * 1024 * 1024 });
  if (run.status !== 0) throw new ForeignConfigError(`${script}: loading it failed: ${(run.stderr || run.error?.message || 'no output').trim().split('\n')[0]}`);
  try {
    const value: unknown = JSON.parse(run.stdout);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ForeignConfigError(`${script}: its export is not a configuration object.`);
}
