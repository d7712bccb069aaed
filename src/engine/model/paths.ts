/** `\` to `/`: workspace-relative paths are what users see and what configs match, on every OS. */
export function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

/** The name of a `.d.ts`, `.d.mts` or `.d.cts` file (TypeScript also counts `x.d.css.ts`: see isDeclarationFileName). */
export const DECLARATION_FILE = /\.d\.[cm]?ts$/;
