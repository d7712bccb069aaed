// Entry of dist/typescript.js (see scripts/build.mjs): the only place the bundles take ts-morph from.
export { ts } from 'ts-morph';
