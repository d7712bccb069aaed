import { ts } from 'ts-morph';

type KindOf = (options: ts.CompilerOptions) => ts.ModuleResolutionKind;
const emitKind = (ts as unknown as { getEmitModuleResolutionKind?: KindOf }).getEmitModuleResolutionKind;

/** Node10, bundler, node16 and nodenext: a relative name tries `<name>.ts` first, a bare one only paths, self-names, #imports and node_modules. */
const NODE_LIKE = new Set<ts.ModuleResolutionKind | undefined>([
  ts.ModuleResolutionKind.Node10,
  ts.ModuleResolutionKind.Bundler,
  ts.ModuleResolutionKind.Node16,
  ts.ModuleResolutionKind.NodeNext,
]);

/**
 * Whether the resolution TypeScript uses for these options is node-like: the one they name, else
 * its default for them (bundler since TypeScript 6 whatever the module kind); without TypeScript's
 * own rule at hand, only an explicit kind counts.
 */
export function resolvesNodeLike(options: ts.CompilerOptions): boolean {
  return NODE_LIKE.has(emitKind ? emitKind(options) : options.moduleResolution);
}
