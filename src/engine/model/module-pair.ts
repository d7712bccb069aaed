/**
 * The key of a dependency between two modules (or files), `from` then `to`: map keys and the graph's
 * edge ids. NUL cannot occur in a module name or a path.
 */
export const modulePairKey = (from: string, to: string): string => `${from}\u0000${to}`;
