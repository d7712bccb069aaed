import all from '../../../rules/presets/all.json';
import document from '../../../rules/presets/document.json';
import orm from '../../../rules/presets/orm.json';
import sql from '../../../rules/presets/sql.json';

interface Preset {
  description: string;
  drivers: string[];
  presets?: string[];
}

/** The lists in rules/presets/, by file name; `"preset:<name>"` in `database.drivers` expands to one. */
const PRESETS: Readonly<Record<string, Preset>> = { all, document, orm, sql };

export const PRESET_NAMES = Object.keys(PRESETS).sort();
const PRESET_PREFIX = 'preset:';

/** Replaces `preset:<name>` entries by their packages; unknown presets are returned separately. */
export function expandDrivers(entries: readonly string[]): { drivers: string[]; unknown: { entry: string; index: number }[] } {
  const drivers = new Set<string>();
  const unknown: { entry: string; index: number }[] = [];
  const addPreset = (name: string, seen: Set<string>): boolean => {
    const preset = PRESETS[name];
    if (!preset) return false;
    if (seen.has(name)) return true;
    seen.add(name);
    for (const d of preset.drivers) drivers.add(d);
    for (const p of preset.presets ?? []) addPreset(p, seen);
    return true;
  };
  entries.forEach((entry, index) => {
    if (!entry.startsWith(PRESET_PREFIX)) drivers.add(entry);
    else if (!addPreset(entry.slice(PRESET_PREFIX.length), new Set())) unknown.push({ entry, index });
  });
  return { drivers: [...drivers], unknown };
}
