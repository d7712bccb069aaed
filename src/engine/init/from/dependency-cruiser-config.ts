import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
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
  const { file, config } = readOwnConfig(root, options);
  return { file, config: withExtends(root, root, config, options, 0) };
}

function readOwnConfig(root: string, options: ImportOptions): CruiserConfigFile {
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
  return { file: script, config: runScriptConfig(root, path.join(root, script)) };
}

/**
 * The config with the configs it `extends` merged in as dependency-cruiser merges them: a named
 * rule of the extending config is laid over the base rule of that name, other rules are added,
 * options are overlaid. A JavaScript base config (the shipped `recommended` ones are) is read
 * only with --trust; an `extends` that cannot be read stays in the config, listed as untranslated.
 */
function withExtends(root: string, dir: string, config: Record<string, unknown>, options: ImportOptions, depth: number): Record<string, unknown> {
  if (config.extends === undefined || depth > 4) return config;
  const names = (Array.isArray(config.extends) ? config.extends : [config.extends]).filter((e): e is string => typeof e === 'string');
  const unread: string[] = [];
  let merged: Record<string, unknown> = { ...config };
  delete merged.extends;
  for (const name of names) {
    const file = resolveExtends(root, dir, name);
    if (!file || (!/\.json$/.test(file) && !options.trust)) {
      unread.push(name);
      continue;
    }
    let base = /\.json$/.test(file) ? readConfigJson(root, file) : runScriptConfig(root, file);
    base = withExtends(root, path.dirname(file), base, options, depth + 1);
    merged = mergeConfigs(merged, base);
  }
  if (unread.length > 0) merged.extends = unread.length === 1 ? unread[0] : unread;
  return merged;
}

function resolveExtends(root: string, dir: string, name: string): string | undefined {
  try {
    if (path.isAbsolute(name)) return fs.existsSync(name) ? name : undefined;
    if (name.startsWith('.')) return require.resolve(path.resolve(dir, name));
    return createRequire(path.join(root, 'package.json')).resolve(name);
  } catch {
    return undefined;
  }
}

function mergeConfigs(own: Record<string, unknown>, base: Record<string, unknown>): Record<string, unknown> {
  const rules = (c: Record<string, unknown>, key: string): Record<string, unknown>[] => (Array.isArray(c[key]) ? (c[key] as Record<string, unknown>[]) : []);
  const ownForbidden = rules(own, 'forbidden');
  const forbidden = [
    ...ownForbidden.map((r) => ({ ...(rules(base, 'forbidden').find((b) => b.name !== undefined && b.name === r.name) ?? {}), ...r })),
    ...rules(base, 'forbidden').filter((b) => b.name === undefined || !ownForbidden.some((r) => r.name === b.name)),
  ];
  const object = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  return { ...base, ...own, forbidden, allowed: [...rules(base, 'allowed'), ...rules(own, 'allowed')], options: { ...object(base.options), ...object(own.options) } };
}

/** Loads the module in a child process so that its side effects and failures stay there. */
function runScriptConfig(root: string, file: string): Record<string, unknown> {
  const script = path.relative(root, file) || file;
  const url = pathToFileURL(file).href;
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
