import { describe, expect, it } from 'vitest';
import type { CredentialKind, FlowView, ShopView, StepView } from './bindings/index';
import { flowView } from './fakeTexts';
import {
  canAdvance,
  completedOnAdvance,
  isSkipped,
  nextStepId,
  prevStepId,
  railStates,
  resumeStepId,
  type FlowContext,
} from './flowNav';

const flow = flowView('rakuten_license_key', 'ja') ?? expect.unreachable('texts.json has no rakuten_license_key flow');
const stepIn = (f: FlowView, id: string): StepView => {
  const s = f.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id} in ${f.id}`);
  return s;
};
const step = (id: string) => stepIn(flow, id);
const shop = (hasServiceSecret: boolean): ShopView => ({
  id: 'shop-1',
  name: '楽天市場1号店',
  marketplace: 'rakuten',
  kinds: hasServiceSecret ? ['rakuten_service_secret', 'rakuten_license_key'] : [],
});
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
    // After saving, the shop lists the serviceSecret among its kinds; going back must still show the step.
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

describe('Amazon flows', () => {
  const sp = flowView('amazon_sp_api', 'ja') ?? expect.unreachable('texts.json has no amazon_sp_api flow');
  const mws = flowView('amazon_mws', 'ja') ?? expect.unreachable('texts.json has no amazon_mws flow');
  const amazonShop = (kinds: CredentialKind[] = []): ShopView => ({ id: 'shop-a', name: 'Amazon 本店', marketplace: 'amazon', kinds });
  const actx = (over: Partial<FlowContext> = {}): FlowContext => ({ shop: amazonShop(), captured: [], verifyCode: null, ...over });

  it('name their marketplace and the credential they are about', () => {
    expect([sp.marketplace, sp.subject]).toEqual(['amazon', 'lwa_refresh_token']);
    expect([mws.marketplace, mws.subject]).toEqual(['amazon', 'amazon_developer_id']);
  });

  it('ask for the seller ID only when the shop has none', () => {
    expect(nextStepId(sp, 'refresh_token', actx())).toBe('seller_id');
    expect(nextStepId(sp, 'refresh_token', actx({ shop: amazonShop(['amazon_seller_id']) }))).toBe('marketplace');
    expect(prevStepId(sp, 'marketplace', actx({ shop: amazonShop(['amazon_seller_id']) }))).toBe('refresh_token');
  });

  it('enable 次へ on the marketplace step once one is saved now or was before', () => {
    const m = stepIn(sp, 'marketplace');
    expect(canAdvance(m, actx())).toBe(false);
    expect(canAdvance(m, actx({ captured: ['amazon_marketplace_id'] }))).toBe(true);
    expect(canAdvance(m, actx({ shop: amazonShop(['amazon_marketplace_id']) }))).toBe(true);
  });

  it('never wait on the optional restricted-data check or on the MWS notice', () => {
    expect(canAdvance(stepIn(sp, 'rdt'), actx())).toBe(true);
    expect(canAdvance(stepIn(mws, 'mws_end'), actx({ shop: null }))).toBe(true);
  });

  it('go on after the SP-API check only when the authorization works', () => {
    const v = stepIn(sp, 'verify');
    expect(canAdvance(v, actx({ verifyCode: 'ok' }))).toBe(true);
    for (const code of ['invalid_grant', 'invalid_client', 'missing_role', 'marketplace_missing'] as const) {
      expect(canAdvance(v, actx({ verifyCode: code })), code).toBe(false);
      expect(railStates(sp, 'verify', [], actx({ verifyCode: code })).verify, code).toBe('failed');
    }
  });

  it('resume the MWS flow at its notice, which comes before the shop is chosen', () => {
    expect(resumeStepId(mws, null, actx({ shop: null }))).toBe('mws_end');
    expect(resumeStepId(mws, 'mws_end', actx({ shop: null }))).toBe('mws_end');
    expect(resumeStepId(mws, 'developer', actx({ shop: null }))).toBe('shop');
  });
});
