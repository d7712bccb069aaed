/**
 * Which modules a `dependsOn` selector names, for drawing declared-but-unused dependencies. Mirrors
 * the engine's selectors (name, name glob, `tag:`) without minimatch, so the webview side of the
 * protocol stays dependency-free; brace and negation globs are rare in maps and not expanded.
 */
export interface SelectableModule {
  name: string;
  tags: readonly string[];
}

const escapeRegExp = (s: string): string => s.replace(/[.+^${}()|[\]\\]/g, '\\$&');

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`);
}

/**
 * The modules `selector` names. `*` (any module) returns none: drawing every pair as a faint edge
 * would bury the picture, and "may depend on anything" is not a boundary worth seeing.
 */
export function selectedModules(selector: string, modules: readonly SelectableModule[]): string[] {
  if (selector === '*') return [];
  if (selector.startsWith('tag:')) {
    const tag = selector.slice(4);
    return modules.filter((m) => m.tags.includes(tag)).map((m) => m.name);
  }
  if (/[*?]/.test(selector)) {
    const re = globToRegExp(selector);
    return modules.filter((m) => re.test(m.name)).map((m) => m.name);
  }
  return modules.some((m) => m.name === selector) ? [selector] : [];
}
