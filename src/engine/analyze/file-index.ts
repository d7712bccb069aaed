import type { FileFacts } from '../extract/file-facts';
import type { Resolution } from '../resolve/module-resolver';

/** A scanned file with its facts and where each of its imports leads. */
export interface IndexedFile {
  /** Workspace-relative path. */
  file: string;
  facts: FileFacts;
  /** Parallel to `facts.imports`; a `file` resolution holds a workspace-relative path. */
  resolutions: Resolution[];
}

/** The facts of the whole workspace, keyed by workspace-relative path. */
export type FileIndex = ReadonlyMap<string, IndexedFile>;
