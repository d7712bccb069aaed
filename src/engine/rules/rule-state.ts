import { FileMemo } from '../analyze';
import type { ModuleInfo } from '../map';
import type { RuleId } from '../model';
import type { DatabaseConfig, DatabaseState } from './database-coupling-state';
import type { Finding } from './rule';

/**
 * What rules remember between analyses, for one module map, policy and database setup. Per-file
 * findings are reused while a file's entry is unchanged; the rest is each rule's workspace part's,
 * which checks for itself whether its inputs changed.
 */
export class RuleState {
  private readonly perFile = new Map<RuleId, FileMemo<Finding[]>>();
  /** internal-import: the shortest public file of each module, and the files it was found among (none: given for the index by whoever made this state). */
  publicEntries?: { files?: ReadonlySet<string>; byModule: ReadonlyMap<ModuleInfo, string> };
  /** database-coupling: compiled `allowedIn` globs and cached module owners. */
  databaseConfig?: DatabaseConfig;
  /** database-coupling: the table catalog and per-file table and entity findings. */
  database?: DatabaseState;

  fileFindings(rule: RuleId): FileMemo<Finding[]> {
    let memo = this.perFile.get(rule);
    if (!memo) this.perFile.set(rule, (memo = new FileMemo()));
    return memo;
  }
}
