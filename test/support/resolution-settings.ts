import { ts } from 'ts-morph';

const R = ts.ModuleResolutionKind;

/** A project's resolution settings, with the modes its files can be resolved in. */
export interface ResolutionSetting {
  name: string;
  options: ts.CompilerOptions;
  modes: ts.ResolutionMode[];
}

/** Every resolution kind, and TypeScript's defaults when a tsconfig names none, for comparisons with ts.resolveModuleName. */
export const RESOLUTION_SETTINGS: readonly ResolutionSetting[] = [
  { name: 'node10', options: { moduleResolution: R.Node10, allowJs: true, resolveJsonModule: true }, modes: [undefined] },
  { name: 'bundler', options: { module: ts.ModuleKind.ESNext, moduleResolution: R.Bundler, allowJs: true, resolveJsonModule: true }, modes: [undefined] },
  { name: 'node16', options: { module: ts.ModuleKind.Node16, moduleResolution: R.Node16, allowJs: true }, modes: [ts.ModuleKind.CommonJS, ts.ModuleKind.ESNext] },
  { name: 'nodenext', options: { module: ts.ModuleKind.NodeNext, moduleResolution: R.NodeNext }, modes: [ts.ModuleKind.CommonJS, ts.ModuleKind.ESNext] },
  { name: 'classic', options: { moduleResolution: R.Classic }, modes: [undefined] },
  // No moduleResolution: TypeScript's default for the module kind (bundler since TypeScript 6).
  { name: 'default', options: {}, modes: [undefined] },
  { name: 'default commonjs', options: { module: ts.ModuleKind.CommonJS }, modes: [undefined] },
  { name: 'default node16', options: { module: ts.ModuleKind.Node16 }, modes: [undefined, ts.ModuleKind.ESNext] },
];
