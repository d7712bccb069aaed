import { ts } from 'ts-morph';
import { ModuleResolver } from './module-resolver';
import type { ResolutionHost } from './resolution-host';
import { TsconfigRegistry } from './tsconfig-registry';

/**
 * The TypeScript-backed half of resolution. The session requires this file only when it has to
 * resolve or parse, so a run answered from the cache never loads TypeScript.
 */
export function createResolutionStack(root: string, host: ResolutionHost, outsideRoots: readonly string[] = []): { projects: TsconfigRegistry; resolver: ModuleResolver } {
  const projects = new TsconfigRegistry(root, host);
  return { projects, resolver: new ModuleResolver(root, host, projects, outsideRoots) };
}

export function readDirectoryWithTypeScript(...args: Parameters<typeof ts.sys.readDirectory>): string[] {
  return ts.sys.readDirectory(...args);
}
