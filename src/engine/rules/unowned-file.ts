import { FILE_START } from '../model';
import type { Rule } from './rule';

export const unownedFile: Rule = {
  id: 'unowned-file',
  fileFindings({ file }, { map }) {
    if (map.moduleOf(file)) return [];
    return [{
      rule: 'unowned-file' as const,
      file,
      range: FILE_START,
      message: `${file} belongs to no module. Add its folder to a module's "path" in bulkhead.json, or to "ignore".`,
    }];
  },
};
