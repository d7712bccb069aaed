import * as path from 'node:path';
import type { CheckedConfig } from './config-types';

/**
 * Paths in bulkhead.json are relative to the config's folder; the engine matches them against
 * workspace-relative paths. When the config is not at the root (`--config` elsewhere), every
 * path-like field is rewritten relative to the root; one that leads outside it then matches
 * nothing. Globs, placeholders and trailing slashes survive: they are plain path segments here.
 */
export function rebaseConfigPaths(config: CheckedConfig, root: string, configFile: string): CheckedConfig {
  const configDir = path.dirname(configFile);
  if (path.resolve(configDir) === path.resolve(root)) return config;
  const rebase = (p: string): string => {
    const rebased = path.relative(root, path.resolve(configDir, p)).split(path.sep).join('/');
    return p.endsWith('/') && !rebased.endsWith('/') ? `${rebased}/` : rebased || '.';
  };
  const all = (list: string[] | undefined): string[] | undefined => list?.map(rebase);
  const db = config.database;
  return {
    ...config,
    include: all(config.include),
    // A `!` (taking back an ignored path) stays in front of the rebased glob.
    ignore: config.ignore?.map((g) => (g.startsWith('!') ? `!${rebase(g.slice(1))}` : rebase(g))),
    modules: config.modules.map((m) => ({ ...m, path: Array.isArray(m.path) ? m.path.map(rebase) : rebase(m.path) })),
    ...(db ? {
      database: {
        ...db,
        allowedIn: all(db.allowedIn),
        sharedAccess: all(db.sharedAccess),
        prismaSchema: db.prismaSchema === undefined ? undefined : Array.isArray(db.prismaSchema) ? db.prismaSchema.map(rebase) : rebase(db.prismaSchema),
      },
    } : {}),
  };
}
