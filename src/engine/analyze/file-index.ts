import type { FileFacts } from '../extract';
import type { Resolution } from '../resolve';
import type { IgnoreComment } from '../suppress';

/** A scanned file with its facts and where each of its imports leads. */
export interface IndexedFile {
  /** Workspace-relative path. */
  file: string;
  facts: FileFacts;
  /** Parallel to `facts.imports`; a `file` resolution holds a workspace-relative path. */
  resolutions: Resolution[];
  /** `bulkhead-ignore` comments of the file. */
  ignores: IgnoreComment[];
}

/** The facts of the whole workspace, keyed by workspace-relative path. */
export type FileIndex = ReadonlyMap<string, IndexedFile>;
