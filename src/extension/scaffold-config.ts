/**
 * Drafts a bulkhead.json from a folder's structure (pure: the caller lists folders). Looks for the
 * usual homes of modules and declares one module per sub-folder, with no dependencies yet: every
 * cross-module import then shows up, and the "add to dependsOn" quick fix declares the accepted ones.
 */
export interface FolderLister {
  /** Sub-folder names of a folder relative to the workspace root ('' = the root). */
  subfolders(rel: string): string[];
}

const MODULE_HOMES = ['src/modules', 'src/features', 'src/domains', 'modules', 'packages', 'libs', 'apps', 'src'];
const SKIPPED = new Set(['node_modules', 'dist', 'out', 'build', 'coverage', 'test', 'tests', '__tests__']);

export interface Scaffold {
  text: string;
  modules: string[];
}

export function scaffoldConfig(folders: FolderLister): Scaffold {
  const parentsWithChildren = MODULE_HOMES.map((home) => ({ home, children: childFolders(folders, home) }));
  const found = parentsWithChildren.find((p) => p.children.length >= 2) ?? parentsWithChildren.find((p) => p.children.length > 0);
  const lines = [
    '{',
    '  // Bulkhead module map: one module per folder. Imports between modules are reported until they',
    '  // are declared in "dependsOn" (the quick fix on a violation adds them). Reference: docs/config.md',
  ];
  const modules = found ? found.children : [];
  if (found) {
    lines.push(`  "include": ["${found.home.split('/')[0]}/**"],`, '  "modules": [');
    modules.forEach((name, i) => {
      lines.push(`    { "name": ${JSON.stringify(name)}, "path": ${JSON.stringify(`${found.home}/${name}`)}, "dependsOn": [] }${i < modules.length - 1 ? ',' : ''}`);
    });
    lines.push('  ],');
  } else {
    lines.push('  "modules": [', '    // { "name": "billing", "path": "src/billing", "dependsOn": ["shared"] }', '  ],');
  }
  lines.push('  "rules": { "unowned-file": "off" }', '}', '');
  return { text: lines.join('\n'), modules };
}

function childFolders(folders: FolderLister, rel: string): string[] {
  const parts = rel.split('/');
  let current = '';
  for (const part of parts) {
    if (!folders.subfolders(current).includes(part)) return [];
    current = current ? `${current}/${part}` : part;
  }
  return folders.subfolders(rel).filter((n) => !n.startsWith('.') && !SKIPPED.has(n)).sort();
}
