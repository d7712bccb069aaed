import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAME } from '../engine';
import { UsageError } from './args';

/** The workspace root and config file for a path given on the command line. */
export function locateWorkspace(target: string, config: string | undefined, cwd: string): { root: string; configFile: string } {
  const start = path.resolve(cwd, target);
  if (!fs.existsSync(start)) throw new UsageError(`No such file or folder: ${target}`);
  if (config) {
    const configFile = path.resolve(cwd, config);
    if (!fs.existsSync(configFile)) throw new UsageError(`Config file not found: ${config}`);
    const root = target === '.' && !fs.statSync(start).isDirectory() ? path.dirname(configFile) : target === '.' ? path.dirname(configFile) : start;
    return { root, configFile };
  }
  let dir = fs.statSync(start).isDirectory() ? start : path.dirname(start);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return { root: dir, configFile: candidate };
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new UsageError(`No ${CONFIG_FILE_NAME} found in ${target} or any folder above it. Create one (see docs/config.md) or pass --config <file>.`);
}
