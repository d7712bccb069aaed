/** `\` to `/`: workspace-relative paths are what users see and what configs match, on every OS. */
export function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}
