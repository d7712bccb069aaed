const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A workspace-relative path (`/`-separated) as a relative URI reference (SARIF
 * `artifactLocation.uri`): each segment percent-encoded, so `#`, `?`, `%`, spaces, backslashes and
 * a first segment such as `c:` (which would read as a URI scheme) stay part of the path. Lone
 * surrogates cannot be encoded in UTF-8 and become U+FFFD.
 */
export function relativeUri(relPath: string): string {
  return relPath
    .split('/')
    .map((segment) => encodeURIComponent(segment.replace(LONE_SURROGATE, '\ufffd')))
    .join('/');
}
