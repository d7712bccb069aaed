import type { RuleId, Range } from '../model';

/** One replacement in one file; `file` is workspace-relative, `range` 1-based like violations. */
export interface FileEdit {
  file: string;
  range: Range;
  newText: string;
  /** The file does not exist yet: create it holding `newText` (`range` is 1:1–1:1). */
  createFile?: boolean;
  /**
   * Why the user should see this edit before it is applied (it changes another module's file);
   * editors show a preview. Absent for edits of the file the fix was asked for.
   */
  confirm?: string;
}

export type FixKind = 'public-api' | 'export-from-public-api' | 'add-dependency' | 'ignore-comment';

/**
 * A fix as data: the CLI could apply it, the editor turns it into a code action. Fixes never
 * touch the disk themselves.
 */
export interface Fix {
  kind: FixKind;
  rule: RuleId;
  title: string;
  edits: FileEdit[];
  /** The fix an editor should offer first (e.g. on "fix all"). */
  isPreferred?: boolean;
  /** Text inside `edits[0].newText` the user must replace (the ignore comment's reason). */
  placeholder?: string;
}
