/**
 * One name per module: the preferred name, or when two modules would share one, enough of the
 * folder path to tell them apart (`Mooc/Courses`, `Backoffice/Courses`).
 */
export function uniqueNames(modules: readonly { folder: string; name?: string }[]): string[] {
  const names = modules.map((m) => m.name ?? m.folder.split('/').pop() ?? m.folder);
  for (let depth = 2; depth <= 64; depth++) {
    const counts = new Map<string, number>();
    for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
    const clashing = names.map((n) => (counts.get(n) ?? 0) > 1);
    if (!clashing.includes(true)) return names;
    modules.forEach((m, i) => {
      if (clashing[i]) names[i] = m.folder.split('/').slice(-depth).join('/');
    });
  }
  return modules.map((m) => m.folder);
}
