import { ts } from 'ts-morph';
import { BuildOutputSources } from './build-output-sources';
import { ModuleResolver } from './module-resolver';
import type { ResolutionHost } from './resolution-host';
import { TsconfigRegistry } from './tsconfig-registry';

/**
 * The TypeScript-backed half of resolution. The session requires this file only when it has to
 * resolve or parse, so a run answered from the cache never loads TypeScript.
 */
export function createResolutionStack(root: string, host: ResolutionHost, outsideRoots: readonly string[] = []): { projects: TsconfigRegistry; resolver: ModuleResolver } {
  const projects = new TsconfigRegistry(root, host);
  host.buildOutputs = new BuildOutputSources(host.workspacePackageFolders, projects, host.isFileOnDisk, host.isDirectoryOnDisk, host.fileNamesIn);
  return { projects, resolver: new ModuleResolver(root, host, projects, outsideRoots) };
}

type Entries = (dir: string) => { files: string[]; directories: string[] };
type MatchFiles = (
  path: string, extensions: readonly string[] | undefined, excludes: readonly string[] | undefined, includes: readonly string[] | undefined,
  useCaseSensitiveFileNames: boolean, currentDirectory: string, depth: number | undefined, getFileSystemEntries: Entries, realpath: (p: string) => string,
) => string[];

/**
 * `ts.sys.readDirectory` over the host's cached folder listings. `matchFiles` is the function
 * `ts.sys.readDirectory` calls with its disk walker; it is internal, so without it the disk is read.
 */
export function readDirectoryWithTypeScript(host: Pick<ResolutionHost, 'fileSystemEntries' | 'listedRealpath' | 'useCaseSensitiveFileNames' | 'getCurrentDirectory'>): ts.ParseConfigHost['readDirectory'] {
  const matchFiles = (ts as unknown as { matchFiles?: MatchFiles }).matchFiles;
  if (typeof matchFiles !== 'function') return (...args) => ts.sys.readDirectory(...args);
  return (rootDir, extensions, excludes, includes, depth) =>
    matchFiles(rootDir, extensions, excludes, includes, host.useCaseSensitiveFileNames, host.getCurrentDirectory(), depth, host.fileSystemEntries, host.listedRealpath);
}
