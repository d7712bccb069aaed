import type { OverviewItem } from './overview';

/**
 * What a box in the graph says: the second line under its name ("153 files · 4 ✕", "10 modules ·
 * 153 files") and its accessible label. Shared by the layout, which sizes boxes to fit both lines,
 * and the drawing.
 */
export interface BoxText {
  files: string;
  violations: number;
  inCycle: boolean;
  label: string;
}

export function boxText(i: OverviewItem): BoxText {
  return i.kind === 'group' ? groupText(i) : moduleText(i);
}

function moduleText(i: OverviewItem): BoxText {
  const n = i.module!;
  const fileText = `${n.fileCount} file${n.fileCount === 1 ? '' : 's'}`;
  const violations = n.violations > 0 ? `, ${n.violations} violation${n.violations === 1 ? '' : 's'}` : '';
  return {
    files: `${fileText}${n.violations > 0 ? ` · ${n.violations} ✕` : ''}`,
    violations: n.violations,
    inCycle: n.inCycle,
    label: `Module ${n.id}, ${fileText}${violations}${n.inCycle ? ', in a cycle' : ''}`,
  };
}

function groupText(i: OverviewItem): BoxText {
  const g = i.group!;
  const what = `${g.modules} module${g.modules === 1 ? '' : 's'} · ${g.files} file${g.files === 1 ? '' : 's'}`;
  return {
    files: `${what}${g.violations > 0 ? ` · ${g.violations} ✕` : ''}`,
    violations: g.violations,
    inCycle: g.inCycle,
    label: `Group ${i.id}, collapsed: ${g.modules} modules, ${g.files} files${g.violations > 0 ? `, ${g.violations} violations` : ''}. Press Enter to expand`,
  };
}
