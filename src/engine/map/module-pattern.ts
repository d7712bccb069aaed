import { GLOBSTAR } from 'minimatch';
import { compileGlob, escapeRegExp, posixGlob } from '../glob';

/**
 * A module `path` glob compiled to regular expressions over workspace-relative folder paths.
 * `<placeholder>` parts match within one path segment and are captured, so that
 * `src/modules/<name>` yields one module per folder.
 */
export interface ModulePattern {
  readonly source: string;
  readonly placeholders: string[];
  /** Returns the placeholder values when `dir` matches, else undefined. */
  match(dir: string): Record<string, string> | undefined;
}

const PLACEHOLDER = /<([A-Za-z_][\w-]*)>/g;

export function compileModulePattern(source: string): ModulePattern {
  const placeholders: string[] = [];
  const tokenized = posixGlob(source).replace(/\/+$/, '').replace(PLACEHOLDER, (_, name: string) => {
    placeholders.push(name);
    return `__BHPH${placeholders.length - 1}__`;
  });
  const mm = compileGlob(tokenized, { dot: true, nocomment: true, nonegate: true }, source);
  const regexes = mm.set.map((segments) => new RegExp(`^${segmentsToRegex(segments)}$`));
  return {
    source,
    placeholders,
    match(dir) {
      for (const re of regexes) {
        const m = re.exec(dir);
        if (!m) continue;
        const values: Record<string, string> = {};
        placeholders.forEach((name, i) => {
          // Own properties even for names such as `<__proto__>` (assignment would set the prototype).
          Object.defineProperty(values, name, { value: m[i + 1], enumerable: true, writable: true, configurable: true });
        });
        return values;
      }
      return undefined;
    },
  };
}

type Segment = string | RegExp | typeof GLOBSTAR;

function segmentsToRegex(segments: Segment[]): string {
  let out = '';
  let needSlash = false;
  segments.forEach((seg, i) => {
    const last = i === segments.length - 1;
    if (seg === GLOBSTAR) {
      if (last) out += i === 0 ? '(?:[^/]+(?:/[^/]+)*)?' : '(?:/[^/]+)*';
      else out += `${needSlash ? '/' : ''}(?:[^/]+/)*`;
      needSlash = false;
      return;
    }
    const fragment = typeof seg === 'string' ? escapeRegExp(seg) : (seg as RegExp & { _src?: string })._src ?? stripAnchors(seg.source);
    out += (needSlash ? '/' : '') + fragment.replace(/__BHPH(\d+)__/g, '([^/]+)');
    needSlash = true;
  });
  return out;
}

function stripAnchors(src: string): string {
  return src.replace(/^\^/, '').replace(/\$$/, '');
}

/** Replaces `<placeholder>` in a template with captured values; unknown ones stay as written. */
export function fillPlaceholders(template: string, values: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
}
