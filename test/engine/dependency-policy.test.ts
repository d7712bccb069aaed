import * as assert from 'node:assert/strict';
import { DependencyPolicy } from '../../src/engine/map/dependency-policy';
import type { ModuleInfo } from '../../src/engine/map/module-map';

const mod = (name: string, dependsOn?: string[], tags: string[] = []): ModuleInfo => ({
  name, roots: [`src/${name}`], public: ['index.ts'], dependsOn, tags, declarationIndex: 0,
});

describe('dependency policy', () => {
  it('allows what dependsOn lists: names, globs, tags and *', () => {
    const policy = new DependencyPolicy([]);
    const core = mod('platform/core', undefined, ['kind:lib']);
    assert.equal(policy.verdict(mod('a', ['platform/*']), core).allowed, true);
    assert.equal(policy.verdict(mod('b', ['tag:kind:lib']), core).allowed, true);
    assert.equal(policy.verdict(mod('c', ['*']), mod('zzz')).allowed, true);
    assert.equal(policy.verdict(mod('d', ['platform']), core).allowed, false);
  });

  it('forbids everything to a module without dependsOn or constraints, except itself', () => {
    const policy = new DependencyPolicy([]);
    const a = mod('a');
    assert.equal(policy.verdict(a, a).allowed, true);
    const verdict = policy.verdict(a, mod('b'));
    assert.equal(verdict.allowed, false);
    assert.match(verdict.reason, /declares no dependsOn/);
  });

  it('requires every applicable constraint to hold (layers crossed with environments)', () => {
    const policy = new DependencyPolicy([
      { index: 0, from: 'tag:layer:base', allow: ['tag:layer:base'] },
      { index: 1, from: 'tag:layer:platform', allow: ['tag:layer:base', 'tag:layer:platform'] },
      { index: 2, from: 'tag:env:common', allow: ['tag:env:common'] },
      { index: 3, from: 'tag:env:browser', allow: ['tag:env:common', 'tag:env:browser'] },
    ]);
    const m = (layer: string, env: string) => mod(`${layer}/${env}`, undefined, [`layer:${layer}`, `env:${env}`]);
    assert.equal(policy.verdict(m('platform', 'browser'), m('base', 'common')).allowed, true);
    assert.equal(policy.verdict(m('platform', 'browser'), m('base', 'browser')).allowed, true);
    assert.equal(policy.verdict(m('platform', 'common'), m('base', 'browser')).allowed, false);
    const upward = policy.verdict(m('base', 'browser'), m('platform', 'browser'));
    assert.equal(upward.allowed, false);
    assert.match(upward.reason, /constraints\[0\]/);
  });

  it('applies deny lists on top of dependsOn', () => {
    const policy = new DependencyPolicy([{ index: 0, from: '*', deny: ['legacy'] }]);
    const a = mod('a', ['*']);
    assert.equal(policy.verdict(a, mod('legacy')).allowed, false);
    assert.equal(policy.verdict(a, mod('b')).allowed, true);
  });
});
