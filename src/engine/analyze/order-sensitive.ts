import type { ReExportTracer } from './reexport-tracer';

/**
 * Answers found by cutting a re-export cycle depend on the order of the questions, so an analysis
 * that reused a tracer and needed such a cut is redone from scratch, asking exactly as a first
 * analysis would. `incremental` runs only with a tracer that has not cut a cycle yet.
 */
export function unlessOrderSensitive<T>(tracer: ReExportTracer | undefined, incremental: (tracer: ReExportTracer) => T, fromScratch: () => T): T {
  if (tracer && !tracer.orderSensitive) {
    const answer = incremental(tracer);
    if (!tracer.orderSensitive) return answer;
  }
  return fromScratch();
}
