import type { FolderEngine } from '../../src/server/folder-engine';
import type { WorkspaceEngines } from '../../src/server/workspace-engines';

/** The server's engines for one folder, as the request handlers read them (get, forFile, all). */
export function oneFolderEngines(root: string, engine: FolderEngine): WorkspaceEngines {
  return { get: (f: string) => (f === root ? engine : undefined), forFile: () => engine, all: () => [engine] } as unknown as WorkspaceEngines;
}
