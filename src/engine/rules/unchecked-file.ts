import { FILE_START } from '../model';
import type { Rule } from './rule';

/**
 * Files the scan had to skip. Each could hide a violation (a pull request that pads a file past
 * the size limit, or names its folder with bytes that are not UTF-8, would otherwise pass
 * unseen), so each is a finding CI fails on and `--max-warnings` counts, not only a notice.
 */
export const uncheckedFile: Rule = {
  id: 'unchecked-file',
  workspaceFindings({ unchecked }) {
    return unchecked.map(({ file, message }) => ({
      rule: 'unchecked-file' as const,
      file,
      range: FILE_START,
      message: `${file}: ${message.replace(/^skipped: /, '')}. Imports there can break the module map unseen: fix the file, or add it to "ignore" in bulkhead.json if it is not source.`,
    }));
  },
};
