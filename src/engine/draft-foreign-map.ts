import * as fs from 'node:fs';
import * as path from 'node:path';
import { firstCheckOf, INSTALLED_SCHEMA, renderModuleMap, type DraftModuleMap } from './draft-module-map';
import { translateForeignConfig, type ForeignTool } from './init';

export interface DraftForeignMap extends DraftModuleMap {
  /** The other tool's config file that was read, relative to the root. */
  source: string;
  /** What the other tool checks that the map does not; also a comment block in `text`. */
  untranslated: string[];
}

/**
 * `bulkhead init --from <tool>`: the other tool's configuration translated into a bulkhead.json,
 * with what could not be translated listed at the top of the file, then loaded and checked like
 * any drafted map (it is never written when it does not load). Throws ForeignConfigError when
 * the other tool's configuration cannot be read.
 */
export function draftForeignMap(root: string, tool: ForeignTool, options: { trust: boolean }): DraftForeignMap {
  const { config, notes, untranslated, source } = translateForeignConfig(root, tool, options);
  if (fs.existsSync(path.join(root, INSTALLED_SCHEMA))) config.$schema = INSTALLED_SCHEMA;
  const comment = [
    ...notes,
    untranslated.length === 0 ? `Not translated: nothing; every rule of ${source} has an equivalent here.` : `Not translated (${untranslated.length}; ${tool} checks these, this map does not):`,
    ...untranslated.map((u) => `  - ${u}`),
  ];
  // Rule names and patterns come from the repository: one line each, whatever they contain.
  const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  const text = renderModuleMap(config, `Translated from ${oneLine(source)} by \`bulkhead init --from ${tool}\`:`, comment.map(oneLine));
  return { text, modules: config.modules.length, notes, source, untranslated, ...firstCheckOf(root, text) };
}
