// Plans a synthetic workspace: which modules exist, which files each holds and what they export.
// Content (imports, bodies) is written later from this plan, so imports can only name things that
// really exist, as in a codebase that compiles.
import { createRandom } from './random.mjs';

const DOMAIN_WORDS = [
  'orders', 'billing', 'catalog', 'users', 'shipping', 'inventory', 'payments', 'search', 'reviews', 'pricing',
  'accounts', 'auth', 'notifications', 'reporting', 'analytics', 'checkout', 'cart', 'loyalty', 'returns', 'tax',
  'warehouse', 'suppliers', 'invoices', 'ledger', 'audit', 'media', 'content', 'support', 'tickets', 'chat',
];
const ENTITY_WORDS = [
  'order', 'line', 'item', 'customer', 'address', 'invoice', 'payment', 'refund', 'product', 'variant', 'price',
  'discount', 'coupon', 'shipment', 'parcel', 'carrier', 'stock', 'batch', 'review', 'rating', 'account', 'session',
  'token', 'report', 'metric', 'event', 'message', 'ticket', 'comment', 'attachment', 'supplier', 'contract',
];
/** Share of a module's files per layer; the rest of the module is its barrels. */
export const LAYERS = [
  { name: 'domain', share: 0.35, suffix: '' },
  { name: 'application', share: 0.3, suffix: 'Service' },
  { name: 'infrastructure', share: 0.2, suffix: 'Repository' },
  { name: 'api', share: 0.15, suffix: 'Controller' },
];
/** Above this many files a layer is split into group folders, as people do. */
const FILES_PER_FOLDER = 24;

export function planWorkspace(totalFiles, seed = 42) {
  const random = createRandom(seed);
  const moduleCount = Math.max(6, Math.round(0.7 * Math.sqrt(totalFiles)));
  const sharedFiles = Math.max(12, Math.round(totalFiles * 0.02));
  // Every module has a root barrel and one barrel per layer.
  const perModule = Math.max(LAYERS.length + 1, Math.floor((totalFiles - sharedFiles - 1) / moduleCount) - LAYERS.length - 1);
  const modules = [];
  for (let i = 0; i < moduleCount; i++) {
    const word = DOMAIN_WORDS[i % DOMAIN_WORDS.length];
    const name = i < DOMAIN_WORDS.length ? word : `${word}-${Math.floor(i / DOMAIN_WORDS.length) + 1}`;
    // Modules only depend on earlier ones, so the declared graph is acyclic; violations add cycles.
    const window = [];
    for (let j = Math.max(0, i - 12); j < i; j++) window.push(j);
    const deps = random.sample(window, random.int(0, 3)).sort((a, b) => a - b);
    modules.push({ name, index: i, deps, files: [], publicNames: [] });
  }
  for (const mod of modules) planModule(mod, perModule, random);
  const shared = planShared(sharedFiles, random);
  const barrels = 1 + shared.areas.length + modules.length * (LAYERS.length + 1);
  const filler = totalFiles - barrels - shared.files.length - modules.reduce((n, m) => n + m.files.length, 0);
  // Rounding leaves a few files over: the first modules absorb them as extra domain files.
  for (let k = 0; k < filler; k++) addFile(modules[k % modules.length], 'domain', random, true);
  for (const mod of modules) finishBarrels(mod);
  return { seed, totalFiles, modules, shared };
}

function planModule(mod, count, random) {
  mod.counters = new Map();
  for (const layer of LAYERS) {
    const n = Math.max(1, Math.round(count * layer.share));
    for (let k = 0; k < n; k++) addFile(mod, layer.name, random, n > FILES_PER_FOLDER);
  }
}

function addFile(mod, layerName, random, grouped) {
  const layer = LAYERS.find((l) => l.name === layerName);
  const entity = random.pick(ENTITY_WORDS);
  const seq = (mod.counters.get(layerName) ?? 0) + 1;
  mod.counters.set(layerName, seq);
  const base = `${entity}-${seq}`;
  const pascal = `${cap(entity)}${seq}`;
  const group = Math.floor((seq - 1) / FILES_PER_FOLDER);
  const folder = grouped ? `g${String(group + 1).padStart(2, '0')}/` : '';
  const rel = `src/modules/${mod.name}/${layerName}/${folder}${base}.ts`;
  const exports = layerName === 'domain'
    ? [{ name: pascal, typeOnly: false }, { name: `${pascal}Props`, typeOnly: true }]
    : layerName === 'api'
      ? [{ name: `${pascal}${layer.suffix}`, typeOnly: false }, { name: `${pascal}Dto`, typeOnly: true }]
      : [{ name: `${pascal}${layer.suffix}`, typeOnly: false }];
  mod.files.push({ rel, layer: layerName, exports, seq });
}

/** The root barrel exports all of domain (via `export *`) and a few services and DTOs by name. */
function finishBarrels(mod) {
  for (const f of mod.files) {
    if (f.layer === 'domain') mod.publicNames.push(...f.exports.map((e) => ({ ...e, file: f.rel })));
  }
  const services = mod.files.filter((f) => f.layer === 'application').slice(0, 6);
  const dtos = mod.files.filter((f) => f.layer === 'api').slice(0, 3);
  mod.barrelNamed = [...services, ...dtos];
  for (const f of mod.barrelNamed) mod.publicNames.push(...f.exports.map((e) => ({ ...e, file: f.rel })));
  delete mod.counters;
}

function planShared(count, random) {
  const areas = ['kernel', 'util', 'db'];
  const files = [];
  for (let k = 0; k < count; k++) {
    const area = areas[k % areas.length];
    const entity = random.pick(ENTITY_WORDS);
    const seq = Math.floor(k / areas.length) + 1;
    const pascal = `${cap(area)}${cap(entity)}${seq}`;
    files.push({ rel: `src/shared/${area}/${entity}-${seq}.ts`, area, exports: [{ name: pascal, typeOnly: false }] });
  }
  return { areas, files };
}

export function cap(s) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
