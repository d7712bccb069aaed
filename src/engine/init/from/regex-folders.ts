import { escapeRegExp } from '../../glob';

/**
 * dependency-cruiser names files with regular expressions over their workspace paths; Bulkhead
 * names module folders with globs. This translates the regexes people write for folders
 * (`^src/features/([^/]+)/`, `^src/(shared|core)`, `^src/main\.ts$`) into folder globs with one
 * `<placeholder>` per folder-name wildcard, and gives up (undefined) on anything else, so that a
 * rule is either translated exactly or listed as untranslated, never guessed.
 */
export interface FolderGlob {
  /** Folder (or file) glob with placeholders, e.g. `src/features/<feature>`. */
  glob: string;
  /** The regex uses `(?!$1)` ("another folder than the importer's"). */
  excludesSame: boolean;
  /** The regex refers to the importer's capture (`$1`) outside a negative lookahead. */
  sameAsImporter: boolean;
}

const WILDCARD = /^\(?\[\^\/\]\+\)?/;
const SAFE_ESCAPE = /^\\[./\-_@$()[\]{}+?*|^]/;
const LITERAL = /^[A-Za-z0-9_@~\-]+/;

/** Every folder glob a path regex means: literal alternatives `(a|b)` give one glob each. */
export function folderGlobsOf(regex: string): FolderGlob[] | undefined {
  // `(^src/cli/)`: the whole prefix captured, usually for a `$1` elsewhere; `[.]` is a dot.
  regex = regex.replace(/^\(\^([^()]*)\)/, '^$1').replace(/\[\.\]/g, '\\.');
  if (!regex.startsWith('^')) return undefined;
  let variants: string[] = [''];
  let excludesSame = false;
  let sameAsImporter = false;
  let rest = regex.slice(1);
  let ended = false;
  while (rest.length > 0) {
    let m: RegExpExecArray | null;
    if (ended) return undefined;
    if ((m = /^\(\?!\$\d\/?\)/.exec(rest))) {
      excludesSame = true;
    } else if ((m = /^\$\d/.exec(rest))) {
      sameAsImporter = true;
      variants = variants.map((v) => `${v}<$>`);
    } else if ((m = WILDCARD.exec(rest))) {
      variants = variants.map((v) => `${v}<*>`);
    } else if ((m = /^\((?:\?:)?((?:[A-Za-z0-9_@~\-]|\\\.)+(?:\|(?:[A-Za-z0-9_@~\-]|\\\.)+)*)\)/.exec(rest))) {
      const options = m[1].split('|').map((o) => o.replace(/\\\./g, '.'));
      variants = variants.flatMap((v) => options.map((o) => v + o));
    } else if ((m = /^(\(\/\|\$\)|\/?\.[*+]|\/)$/.exec(rest))) {
      // `(/|$)`, `/.*`, `.+`, a trailing `/`: the folder and everything below it.
      ended = true;
    } else if ((m = /^\$$/.exec(rest))) {
      ended = true;
    } else if ((m = SAFE_ESCAPE.exec(rest))) {
      variants = variants.map((v) => v + m![0].slice(1));
    } else if ((m = LITERAL.exec(rest)) || (m = /^\//.exec(rest))) {
      variants = variants.map((v) => v + m![0]);
    } else {
      return undefined;
    }
    rest = rest.slice(m[0].length);
  }
  const globs = variants.map((v) => v.replace(/\/+$/, ''));
  if (globs.some((g) => g === '' || g.split('/').some((s) => s === '' || s === '.' || s === '..'))) return undefined;
  return globs.map((g) => ({ glob: namePlaceholders(g), excludesSame, sameAsImporter }));
}

/**
 * `<*>` becomes a placeholder named after the folder above it (`features/<*>` → `features/<feature>`),
 * so that the same folder pattern written in two rules gives the same module.
 */
function namePlaceholders(glob: string): string {
  const segments = glob.split('/');
  const used = new Set<string>();
  return segments
    .map((segment, i) => {
      if (!segment.includes('<*>') && !segment.includes('<$>')) return segment;
      const above = i > 0 ? segments[i - 1].replace(/<[^>]*>/g, '').replace(/[^A-Za-z0-9]+/g, '') : '';
      let name = above.length > 1 && above.endsWith('s') ? above.slice(0, -1) : above || 'name';
      while (used.has(name)) name += '2';
      used.add(name);
      return segment.replace(/<[*$]>/g, `<${name}>`);
    })
    .join('/');
}

/**
 * The `ignore` glob for a file-name regex such as `\.(spec|test)\.ts$` (the usual `pathNot` of
 * test files), or undefined when it says more than a file-name ending.
 */
export function fileSuffixGlob(regex: string): string | undefined {
  regex = regex.replace(/\[\.\]/g, '\\.');
  if (regex.startsWith('^') || !regex.endsWith('$')) return undefined;
  let out = '';
  let rest = regex.slice(0, -1);
  while (rest.length > 0) {
    let m: RegExpExecArray | null;
    if ((m = /^\\\./.exec(rest))) out += '.';
    else if ((m = /^\((?:\?:)?([A-Za-z0-9_\-]+(?:\|[A-Za-z0-9_\-]+)+)\)/.exec(rest))) out += `{${m[1].split('|').join(',')}}`;
    else if ((m = /^[A-Za-z0-9_\-]+/.exec(rest))) out += m[0];
    else return undefined;
    rest = rest.slice(m[0].length);
  }
  return out.startsWith('.') ? `**/*${out}` : undefined;
}

/** A selector for a module glob: its name with each placeholder a `*` (all the modules it makes). */
export function selectorOf(glob: string): string {
  return glob.replace(/<[^>]+>/g, '*');
}

/**
 * Whether every path under glob `inner` is under glob `outer` (segment by segment; a
 * placeholder of `outer` matches any name, a literal only itself).
 */
export function covers(outer: string, inner: string): boolean {
  const o = outer.split('/');
  const n = inner.split('/');
  if (o.length > n.length) return false;
  return o.every((seg, i) => seg === n[i] || (/<[^>]+>/.test(seg) && new RegExp(`^${seg.split(/<[^>]+>/).map(escapeRegExp).join('[^/]+')}$`).test(n[i]) && !/<[^>]+>/.test(n[i])) || (isPlaceholderOnly(seg) && isPlaceholderOnly(n[i])));
}

function isPlaceholderOnly(segment: string): boolean {
  return /^<[^>]+>$/.test(segment);
}
