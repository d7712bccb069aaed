/** `bulkhead init --from <tool>`: translations of other boundary tools' configurations. */
import { fromDependencyCruiser } from './dependency-cruiser';
import { fromEslintBoundaries } from './eslint-boundaries';
import type { ForeignMap, ForeignTool, ImportOptions } from './foreign-map';
import { fromNx } from './nx';
import { fromSheriff } from './sheriff';

export { FOREIGN_TOOLS, foreignToolNamed, ForeignConfigError, type ForeignMap, type ForeignTool, type ImportOptions } from './foreign-map';

export function translateForeignConfig(root: string, tool: ForeignTool, options: ImportOptions): ForeignMap {
  switch (tool) {
    case 'dependency-cruiser':
      return fromDependencyCruiser(root, options);
    case 'eslint-plugin-boundaries':
      return fromEslintBoundaries(root);
    case 'sheriff':
      return fromSheriff(root);
    case 'nx':
      return fromNx(root);
  }
}
