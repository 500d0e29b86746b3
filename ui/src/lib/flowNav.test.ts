import { describe, expect, it } from 'vitest';
import type { ShopView, StepView } from './bindings/index';
import { flowView } from './fakeTexts';
import {
  canAdvance,
  completedOnAdvance,
  flowCredentialKind,
  isSkipped,
  nextStepId,
  prevStepId,
  railStates,
  resumeStepId,
  type FlowContext,
} from './flowNav';

const flow = flowView('rakuten_license_key', 'ja') ?? expect.unreachable('texts.json has no rakuten_license_key flow');
const step = (id: string): StepView => {
  const s = flow.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
};
const shop = (has_service_secret: boolean): ShopView => ({ id: 'shop-1', name: '楽天市場1号店', marketplace: 'rakuten', has_service_secret });
const ctx = (over: Partial<FlowContext> = {}): FlowContext => ({ shop: shop(true), captured: [], verifyCode: null, ...over });

describe('next and previous step', () => {
  it('walks the steps in order', () => {
    expect(nextStepId(flow, 'shop', ctx())).toBe('rms_login');
    expect(prevStepId(flow, 'rms_login', ctx())).toBe('shop');
    expect(prevStepId(flow, 'shop', ctx())).toBeNull();
    expect(nextStepId(flow, 'done', ctx())).toBeNull();
    expect(nextStepId(flow, 'no_such_step', ctx())).toBeNull();
  });

  it('skips the first-time serviceSecret step when the shop already has one', () => {
    expect(isSkipped(step('service_secret'), ctx())).toBe(true);
    expect(nextStepId(flow, 'issue', ctx())).toBe('license_key');
    expect(prevStepId(flow, 'license_key', ctx())).toBe('issue');
  });

  it('asks for the serviceSecret when the shop has none', () => {
    const c = ctx({ shop: shop(false) });
    expect(isSkipped(step('service_secret'), c)).toBe(false);
    expect(nextStepId(flow, 'issue', c)).toBe('service_secret');
    expect(prevStepId(flow, 'license_key', c)).toBe('service_secret');
  });

  it('keeps the serviceSecret step reachable once it was saved in this run', () => {
    // After saving, the shop reports has_service_secret; going back must still show the step.
    const c = ctx({ shop: shop(true), captured: ['rakuten_service_secret'] });
    expect(isSkipped(step('service_secret'), c)).toBe(false);
    expect(prevStepId(flow, 'license_key', c)).toBe('service_secret');
  });

  it('marks skipped steps as completed when passing them', () => {
    expect(completedOnAdvance(flow, ['shop'], 'issue', ctx())).toEqual(['shop', 'issue', 'service_secret']);
    expect(completedOnAdvance(flow, [], 'issue', ctx({ shop: shop(false) }))).toEqual(['issue']);
    expect(completedOnAdvance(flow, ['issue'], 'issue', ctx({ shop: shop(false) }))).toEqual(['issue']);
  });
});

describe('次へ is enabled when the step is satisfied', () => {
  it('chooseShop needs a shop', () => {
    expect(canAdvance(step('shop'), ctx({ shop: null }))).toBe(false);
    expect(canAdvance(step('shop'), ctx())).toBe(true);
  });

  it('instruction and hand-over steps need nothing', () => {
    expect(canAdvance(step('rms_login'), ctx())).toBe(true);
    expect(canAdvance(step('captcha'), ctx())).toBe(true);
    expect(canAdvance(step('handover'), ctx())).toBe(true);
  });

  it('capture needs the key accepted', () => {
    expect(canAdvance(step('license_key'), ctx())).toBe(false);
    expect(canAdvance(step('license_key'), ctx({ captured: ['rakuten_service_secret'] }))).toBe(false);
    expect(canAdvance(step('license_key'), ctx({ captured: ['rakuten_license_key'] }))).toBe(true);
    expect(canAdvance(step('service_secret'), ctx({ shop: shop(false) }))).toBe(false);
  });

  it('verify needs ok or not_yet_active', () => {
    expect(canAdvance(step('verify'), ctx())).toBe(false);
    expect(canAdvance(step('verify'), ctx({ verifyCode: 'ok' }))).toBe(true);
    expect(canAdvance(step('verify'), ctx({ verifyCode: 'not_yet_active' }))).toBe(true);
    for (const code of ['unauthorized', 'network', 'timeout', 'rate_limited'] as const) {
      expect(canAdvance(step('verify'), ctx({ verifyCode: code })), code).toBe(false);
    }
  });

  it('done has no next', () => {
    expect(canAdvance(step('done'), ctx())).toBe(false);
  });
});

describe('resume', () => {
  it('continues at the saved step', () => {
    expect(resumeStepId(flow, 'license_key', ctx())).toBe('license_key');
  });

  it('starts at the beginning without progress or with an unknown step', () => {
    expect(resumeStepId(flow, null, ctx())).toBe('shop');
    expect(resumeStepId(flow, 'removed_in_an_update', ctx())).toBe('shop');
  });

  it('moves past a saved step that is now skipped', () => {
    expect(resumeStepId(flow, 'service_secret', ctx())).toBe('license_key');
  });

  it('goes back to choosing a shop when the shop is gone', () => {
    expect(resumeStepId(flow, 'verify', ctx({ shop: null }))).toBe('shop');
  });
});

describe('rail', () => {
  it('shows done, current, waiting and skipped-as-done', () => {
    const states = railStates(flow, 'license_key', ['shop', 'rms_login'], ctx());
    expect(states.shop).toBe('done');
    expect(states.service_secret).toBe('done');
    expect(states.license_key).toBe('current');
    expect(states.verify).toBe('waiting');
  });

  it('marks a failed verification', () => {
    expect(railStates(flow, 'verify', [], ctx({ verifyCode: 'unauthorized' })).verify).toBe('failed');
    expect(railStates(flow, 'verify', [], ctx({ verifyCode: 'not_yet_active' })).verify).toBe('current');
  });
});

it("the flow's own credential is the one of its last capture step", () => {
  expect(flowCredentialKind(flow)).toBe('rakuten_license_key');
  expect(flowCredentialKind({ ...flow, steps: flow.steps.filter((s) => s.kind.type !== 'capture') })).toBeNull();
});
