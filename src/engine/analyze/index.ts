/** The analyze stage's public surface: other stages and the engine's index import only this file. */
export { LookupIndex, type FileIndex, type IndexedFile } from './file-index';
export { DirectImports, type PairChange } from './direct-imports';
export { feedbackEdges, type WeightedEdge } from './feedback-edges';
export { FileMemo } from './file-memo';
export { exportSurface, importsAny, incrementalCrossings, reachedBack, reExportersOf, reExportTargets, type CrossingsMemo } from './incremental-crossings';
export { fileCrossings, type ModuleCrossing } from './module-crossings';
export { cyclesOf, findModuleCycles, type ModuleCycle, type ModuleCycles } from './module-cycles';
export { OnDemandIndex } from './on-demand-index';
export { unlessOrderSensitive } from './order-sensitive';
export { ReExportTracer } from './reexport-tracer';
export { stronglyConnected } from './strongly-connected';
export { UnscannedTargets, type ReachesUnscanned } from './unscanned-targets';
