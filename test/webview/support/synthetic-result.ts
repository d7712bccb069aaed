/** Check results built by hand, for graph tests and the graph benchmark (bench/graph). */
import type { CheckResult, ModuleDependency, ModuleSummary, Violation } from '../../../src/engine';

export function resultOf(modules: Partial<ModuleSummary>[], dependencies: Partial<ModuleDependency>[], violations: Partial<Violation>[] = []): CheckResult {
  return {
    version: 1,
    tool: { name: 'bulkhead', version: '0.0.0' },
    root: '/work/acme',
    config: 'bulkhead.json',
    summary: { files: 0, modules: modules.length, imports: 0, errors: violations.length, warnings: 0, suppressed: 0, durationMs: 0 },
    violations: violations.map((v) => ({
      file: 'src/x.ts', range: { start: { line: 1, column: 1 }, end: { line: 1, column: 2 } }, rule: 'undeclared-dependency',
      severity: 'error', message: 'm', fingerprint: 'f', ...v,
    })),
    diagnostics: [],
    modules: modules.map((m) => ({ name: 'm', roots: [], fileCount: 1, tags: [], dependsOn: [], public: ['index.ts'], ...m })),
    dependencies: dependencies.map((d) => ({ from: 'a', to: 'b', imports: 1, declared: true, violations: 0, inCycle: false, ...d })),
    unresolved: [],
  };
}

/**
 * A layered monolith: `modules` modules in 10 layers, each importing ~`perModule` modules of lower
 * layers, with `imports` import sites spread over the dependencies; every 50th dependency is
 * undeclared (a violation) and a few pairs form cycles. Deterministic (seeded).
 */
export function syntheticResult(modules: number, perModule: number, imports: number): CheckResult {
  let seed = 42;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const layers = 10;
  const size = Math.ceil(modules / layers);
  const names = Array.from({ length: modules }, (_, i) => `layer${Math.floor(i / size)}/module-${i}`);
  const pairs = new Map<string, [number, number]>();
  for (let i = size; i < modules; i++) {
    const layer = Math.floor(i / size);
    for (let k = 0; k < perModule; k++) {
      const target = Math.floor(random() * layer) * size + Math.floor(random() * size);
      if (target < modules && target !== i) pairs.set(`${i}>${target}`, [i, target]);
    }
  }
  const list = [...pairs.values()];
  for (let c = 0; c < 5 && c < list.length; c++) list.push([list[c][1], list[c][0]]);
  const share = Math.max(1, Math.floor(imports / list.length));
  const deps: Partial<ModuleDependency>[] = list.map(([a, b], i) => {
    const violating = i % 50 === 0;
    const cyclic = i < 5 || i >= list.length - 5;
    return { from: names[a], to: names[b], imports: share, declared: !violating, violations: violating ? share : 0, inCycle: cyclic };
  });
  const violations: Partial<Violation>[] = deps.filter((d) => d.violations).map((d) => ({ sourceModule: d.from, targetModule: d.to }));
  return resultOf(
    names.map((name, i) => ({ name, roots: [`src/${name}`], fileCount: 5 + (i % 40), tags: [`layer:layer${Math.floor(i / size)}`], dependsOn: [] })),
    deps,
    violations,
  );
}
