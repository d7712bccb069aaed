/** Colour and progress decisions for the terminal, made once from the environment and flags. */
export interface Terminal {
  color: boolean;
  /** Whether to draw progress on stderr (a TTY, not CI). */
  progress: boolean;
}

export function detectTerminal(flags: { noColor?: boolean }, env: NodeJS.ProcessEnv, stdoutTty: boolean, stderrTty: boolean): Terminal {
  const ci = !!env.CI && env.CI !== 'false' && env.CI !== '0';
  const color = !flags.noColor && !('NO_COLOR' in env) && (env.FORCE_COLOR !== undefined ? env.FORCE_COLOR !== '0' : stdoutTty);
  return { color, progress: stderrTty && !ci };
}

export interface Paint {
  red(s: string): string;
  yellow(s: string): string;
  green(s: string): string;
  dim(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
}

export function paint(enabled: boolean): Paint {
  const wrap = (open: number, close: number) => (s: string): string => (enabled ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), bold: wrap(1, 22), underline: wrap(4, 24) };
}
