// The whole 楽天 licenseKey renewal, on the real app, as a shop owner would do it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, test } from 'node:test';

import {
  addShop, assertNoSecretInSqlite, byId, click, env, fakeRmsIssues, fakeRmsRequests, launch, readClipboard,
  screenshot, secretServiceHolds, setClipboard, stepPane,
} from './helpers.mjs';

const SP = env('TEST_SERVICE_SECRET');
const SL = env('TEST_LICENSE_KEY');
const EXPIRY = env('TEST_EXPIRY');
const SHOP = '楽天市場1号店';
const RMS_STEPS = ['rms_login', 'web_api_service', 'usage_settings', 'license_info', 'captcha', 'issue'];

let browser;
after(async () => {
  if (browser) await browser.deleteSession().catch(() => {});
});

const atStep = (id) => stepPane(browser, id);

test('a shop owner renews the Rakuten licenseKey from RMS to the hand-over', async () => {
  browser = await launch();
  await screenshot(browser, 'dashboard-before');

  // 店舗を選ぶ
  await click(browser, 'start-rakuten-flow');
  await atStep('shop');
  await addShop(browser, SHOP);
  await screenshot(browser, 'step-shop');
  await click(browser, 'next');

  // RMS steps 1–6: each its own screen with the manual's words and a way to open RMS.
  for (const id of RMS_STEPS) {
    const pane = await atStep(id);
    assert.ok((await pane.getText()).length > 20, `step ${id} shows the manual's words`);
    if (id === 'rms_login') assert.ok(await (await byId(browser, 'open-link')).isDisplayed());
    if (id === 'captcha') assert.match(await pane.getText(), /ロボットによる操作ではありません/);
    await screenshot(browser, `step-${id}`);
    await click(browser, 'next');
  }

  // serviceSecret, typed by hand (first time for this shop).
  await atStep('service_secret');
  await (await byId(browser, 'paste-input')).setValue(`  ${SP}\u200b `);
  await click(browser, 'paste-submit');
  const spMasked = await byId(browser, 'candidate-masked');
  await spMasked.waitForDisplayed({ timeout: 10_000 });
  assert.equal(await spMasked.getText(), `••••${SP.slice(-4)}`);
  await screenshot(browser, 'step-service_secret');
  await click(browser, 'candidate-accept');
  await click(browser, 'next');

  // Leave mid-flow: closing and reopening resumes at the same step.
  await atStep('license_key');
  await browser.deleteSession();
  browser = await launch();
  await click(browser, 'start-rakuten-flow');
  await atStep('license_key');

  // RMS issues the key; the owner copies it; Kagiban notices it on the clipboard.
  await fakeRmsIssues(SP, SL, EXPIRY, 20);
  setClipboard(SL);
  const slMasked = await byId(browser, 'candidate-masked');
  await slMasked.waitForDisplayed({ timeout: 10_000 });
  assert.equal(await slMasked.getText(), `••••${SL.slice(-4)}`);
  const page = await browser.$('body').getText();
  assert.ok(!page.includes(SL), 'the full key is never shown without the reveal button');
  await screenshot(browser, 'step-license_key-captured');
  await click(browser, 'candidate-accept');
  await click(browser, 'next');

  // Verify: a brand-new key is not active yet; Kagiban keeps checking and says when it works.
  await atStep('verify');
  await click(browser, 'verify-button');
  const result = await byId(browser, 'verify-result');
  await result.waitForDisplayed({ timeout: 20_000 });
  assert.equal(await result.getAttribute('data-code'), 'not_yet_active');
  await screenshot(browser, 'step-verify-not-yet-active');
  await browser.waitUntil(
    async () => (await (await byId(browser, 'verify-result')).getAttribute('data-code')) === 'ok',
    { timeout: 150_000, interval: 1000, timeoutMsg: 'the background re-check never reported the key active' },
  );
  assert.match(await (await byId(browser, 'verify-result')).getText(), /2027\/02\/28/);
  await screenshot(browser, 'step-verify-ok');

  // The exact request RMS received.
  const requests = (await fakeRmsRequests()).filter((r) => r.path.endsWith('/expiry-date'));
  assert.ok(requests.length >= 2, 'checked once by hand, then again in the background');
  const expectedAuth = `ESA ${Buffer.from(`${SP}:${SL}`).toString('base64')}`;
  for (const r of requests) {
    assert.equal(r.method, 'GET');
    assert.equal(r.path, '/es/1.0/license-management/license-key/expiry-date');
    assert.equal(r.query, `licenseKey=${SL}`);
    assert.equal(r.authorization, expectedAuth);
  }
  await click(browser, 'next');

  // Hand-over: copy to the clipboard for GoQSystem's モール詳細設定.
  await atStep('handover');
  await click(browser, 'copy-key');
  await (await byId(browser, 'copy-countdown')).waitForDisplayed({ timeout: 5000 });
  assert.equal(readClipboard(), SL);
  await screenshot(browser, 'step-handover');
  await click(browser, 'next');
  await atStep('done');
  await screenshot(browser, 'step-done');

  // The dashboard shows the real expiry date, from the API.
  await click(browser, 'go-dashboard');
  const row = await browser.$('[data-testid^="dashboard-row-"][data-kind="rakuten_license_key"]');
  await row.waitForDisplayed({ timeout: 10_000 });
  assert.equal(await (await row.$('[data-testid="expires-on"]')).getText(), '2027/02/28');
  assert.match(await (await row.$('[data-testid="expiry-source"]')).getText(), /API/);
  await screenshot(browser, 'dashboard-after');

  // The copied key does not linger: 60 s after the copy, the clipboard no longer holds it.
  await browser.waitUntil(async () => readClipboard() !== SL, {
    timeout: 90_000,
    interval: 1000,
    timeoutMsg: 'the licenseKey was still on the clipboard 90 s after the copy',
  });
  await browser.deleteSession();
  browser = undefined;
});

test('the keys are in the Secret Service and nowhere in the SQLite file', () => {
  assert.ok(secretServiceHolds(SL), 'licenseKey stored in the Secret Service');
  assert.ok(secretServiceHolds(SP), 'serviceSecret stored in the Secret Service');
  assertNoSecretInSqlite([SL, SP]);
});

test('the command line sees the same credentials and expiry', () => {
  const out = execFileSync(env('KAGIBAN_CLI'), ['status', '--json'], { encoding: 'utf8' });
  const rows = JSON.parse(out);
  const key = rows.find((r) => r.kind === 'rakuten_license_key' && r.state === 'active');
  assert.ok(key, 'the new licenseKey is listed as active');
  assert.equal(key.shop, SHOP);
  assert.equal(key.expires_at, '2027-02-28T23:59:59+09:00');
  assert.equal(key.expiry_source, 'api');
  assert.equal(key.last_verification.code, 'ok');
  assert.ok(!out.includes(SL) && !out.includes(SP), 'no secret in the CLI output');
});
