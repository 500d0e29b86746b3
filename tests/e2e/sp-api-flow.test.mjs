// The Amazon SP-API authorization, on the real app against the fake Amazon, as a shop owner
// would do it: LWA credentials and the refresh token from Seller Central, a check with SP-API,
// and the restricted-data token check.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, test } from 'node:test';

import {
  addShop, assertNoSecretInSqlite, byId, click, count, env, eventually, fakeAmazonApp, fakeAmazonAuthorizes,
  fakeAmazonRequests, launch, residentPids, screenshot, secretServiceHolds, setClipboard, stepPane,
  stopResident, watchNotifications,
} from './helpers.mjs';

// Test values in the documented formats (api-facts §2.3), not real credentials.
const CLIENT_ID = `amzn1.application-oa2-client.${'0123456789abcdef'.repeat(2)}`;
const CLIENT_SECRET = `amzn1.oa2-cs.v1.${'00112233445566778899aabbccddeeff'.repeat(2)}`;
const REFRESH_TOKEN = 'Atzr|IwEBIE2eRefreshTokenForKagibanTests0123456789abcdefghijklmnopqrstuvwxyz';
const SELLER_ID = 'A3FHEXAMPLEYWS';
const JAPAN = 'A1VC38T7YXB528';
const SHOP = 'Amazon 本店';

/** A JST calendar day as YYYY-MM-DD, `offset` days from today. */
function jstDay(offset = 0) {
  return new Date(Date.now() + 9 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
}
/** YYYY/MM/DD of the day `days` after `isoDay`. */
function plusDays(isoDay, days) {
  const d = new Date(`${isoDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10).replaceAll('-', '/');
}

let browser;
after(async () => {
  if (browser) await browser.deleteSession().catch(() => {});
});

const atStep = (id) => stepPane(browser, id);

/** Sets a date field the way the date picker does (WebDriver cannot type into it portably). */
async function setDate(id, value) {
  const field = await byId(browser, id);
  await field.waitForDisplayed({ timeout: 10_000 });
  await browser.execute(
    (el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    field,
    value,
  );
}

async function pasteAndKeep(text) {
  await (await byId(browser, 'paste-input')).setValue(text);
  await click(browser, 'paste-submit');
  await (await byId(browser, 'candidate-masked')).waitForDisplayed({ timeout: 10_000 });
}

const AUTHORIZED_ON = jstDay(-10);

test('a shop owner authorizes SP-API, checks it, and checks restricted data', async () => {
  // Seller Central issues the app's credentials; the seller authorizes the app, which has the
  // 購入者への直送 (direct-to-consumer shipping) role but not 税金請求 (tax invoicing).
  await fakeAmazonApp(CLIENT_ID, CLIENT_SECRET);
  await fakeAmazonAuthorizes(REFRESH_TOKEN, CLIENT_ID, ['Direct-to-Consumer Shipping']);

  browser = await launch();
  await click(browser, 'start-flow-amazon_sp_api');
  await atStep('shop');
  await addShop(browser, SHOP);
  await screenshot(browser, 'amazon-step-shop');
  await click(browser, 'next');

  const lwa = await atStep('lwa_credentials');
  assert.match(await lwa.getText(), /LWA認証情報/);
  assert.ok(await (await byId(browser, 'open-link')).isDisplayed());
  await screenshot(browser, 'amazon-step-lwa_credentials');
  await click(browser, 'next');

  // The client ID, copied in Seller Central, is noticed on the clipboard.
  await atStep('client_id');
  setClipboard(CLIENT_ID);
  await (await byId(browser, 'candidate-masked')).waitForDisplayed({ timeout: 10_000 });
  await screenshot(browser, 'amazon-step-client_id-captured');
  await click(browser, 'candidate-accept');
  await click(browser, 'next');

  // The client secret, pasted, with the day it was issued (today by default).
  await atStep('client_secret');
  await pasteAndKeep(CLIENT_SECRET);
  assert.equal(await (await byId(browser, 'capture-date')).getValue(), jstDay(0), 'today by default');
  assert.ok(!(await browser.$('body').getText()).includes(CLIENT_SECRET), 'never shown in full');
  await screenshot(browser, 'amazon-step-client_secret');
  await click(browser, 'candidate-accept');
  await click(browser, 'next');

  await atStep('authorize');
  await screenshot(browser, 'amazon-step-authorize');
  await click(browser, 'next');

  // The refresh token, from the clipboard, authorized ten days ago.
  await atStep('refresh_token');
  setClipboard(REFRESH_TOKEN);
  await (await byId(browser, 'candidate-masked')).waitForDisplayed({ timeout: 10_000 });
  await setDate('capture-date', AUTHORIZED_ON);
  await screenshot(browser, 'amazon-step-refresh_token-captured');
  await click(browser, 'candidate-accept');
  await click(browser, 'next');

  await atStep('seller_id');
  await pasteAndKeep(SELLER_ID);
  await screenshot(browser, 'amazon-step-seller_id');
  await click(browser, 'candidate-accept');
  await click(browser, 'next');

  // Japan is preselected.
  await atStep('marketplace');
  assert.equal(await (await byId(browser, 'marketplace-select')).getValue(), JAPAN);
  await screenshot(browser, 'amazon-step-marketplace');
  await click(browser, 'marketplace-save');
  await click(browser, 'next');

  // Verify: an access token from LWA, then the seller's marketplaces from SP-API.
  await atStep('verify');
  await click(browser, 'verify-button');
  const result = await byId(browser, 'verify-result');
  await result.waitForDisplayed({ timeout: 20_000 });
  await browser.waitUntil(async () => (await result.getAttribute('data-code')) === 'ok', {
    timeout: 20_000,
    timeoutMsg: 'the SP-API check did not report ok',
  });
  assert.match(await result.getText(), /SP-API の認可は有効です/);
  await screenshot(browser, 'amazon-step-verify-ok');
  await click(browser, 'next');

  // Restricted data: shipping addresses are granted; buyers' tax information needs a role.
  const rdt = await atStep('rdt');
  await click(browser, 'rdt-need-1');
  await click(browser, 'rdt-check');
  const rdtResult = await byId(browser, 'rdt-result');
  await rdtResult.waitForDisplayed({ timeout: 20_000 });
  await browser.waitUntil(async () => (await rdtResult.getAttribute('data-code')) === 'ok', {
    timeout: 20_000,
    timeoutMsg: 'the RDT for shipping addresses was not granted',
  });
  assert.match(await rdtResult.getText(), /\d{2}:\d{2} まで有効/);
  await screenshot(browser, 'amazon-step-rdt-ok');
  await click(browser, 'rdt-need-3');
  await click(browser, 'rdt-check');
  await browser.waitUntil(async () => (await (await byId(browser, 'rdt-result')).getAttribute('data-code')) === 'missing_role', {
    timeout: 20_000,
    timeoutMsg: 'the missing role was not reported',
  });
  assert.match(await rdt.getText(), /税金請求/);
  await screenshot(browser, 'amazon-step-rdt-missing-role');
  await click(browser, 'next');
  await atStep('done');
  await screenshot(browser, 'amazon-step-done');
  await click(browser, 'go-dashboard');

  // The dashboard: the authorization ends 365 days after the grant day (counting it), the
  // client secret must be rotated 180 days after today (counting it).
  const row = (kind) => browser.$(`[data-testid^="dashboard-row-"][data-kind="${kind}"]`);
  const token = await row('lwa_refresh_token');
  await token.waitForDisplayed({ timeout: 10_000 });
  assert.equal(await (await token.$('[data-testid="expires-on"]')).getText(), plusDays(AUTHORIZED_ON, 364));
  const secret = await row('lwa_client_secret');
  assert.equal(await (await secret.$('[data-testid="expires-on"]')).getText(), plusDays(jstDay(0), 179));
  await browser.execute((el) => el.scrollIntoView({ block: 'start' }), await browser.$('[data-testid^="dashboard-row-"][data-kind="lwa_client_secret"]'));
  await screenshot(browser, 'amazon-dashboard');

  // What Amazon received: the refresh grant with the stored values, the access token on the
  // SP-API calls, and the RDT request built from the seed's rules.
  const requests = await fakeAmazonRequests();
  const grant = requests.find((r) => r.path === '/auth/o2/token');
  const form = Object.fromEntries(grant.form);
  assert.deepEqual(form, {
    grant_type: 'refresh_token',
    refresh_token: REFRESH_TOKEN,
    client_id: CLIENT_ID,
    client_secret: CLIENT_SECRET,
  });
  const participations = requests.filter((r) => r.path === '/sellers/v1/marketplaceParticipations');
  assert.equal(participations.length, 1);
  assert.match(participations[0].accessToken, /^Atza\|/);
  const rdtBodies = requests.filter((r) => r.path === '/tokens/2021-03-01/restrictedDataToken').map((r) => JSON.parse(r.body));
  assert.deepEqual(
    rdtBodies[0].restrictedResources.map((r) => [r.method, r.path, r.dataElements]),
    [
      ['GET', '/orders/v0/orders', ['shippingAddress']],
      ['GET', '/orders/v0/orders/{orderId}', ['shippingAddress']],
    ],
  );
  await browser.deleteSession();
  browser = undefined;
});

test('a shop owner whose tool still asks for MWS is told it ended, then records the developer access', async () => {
  const notifications = watchNotifications();
  browser = await launch();
  await click(browser, 'start-flow-amazon_mws');
  const notice = await atStep('mws_end');
  assert.match(await notice.getText(), /2024年3月31日/);
  assert.ok(await (await byId(browser, 'notice-next-flow')).isDisplayed(), 'the SP-API flow is offered');
  await screenshot(browser, 'mws-step-notice');
  await click(browser, 'next');
  await atStep('shop');
  const option = await browser.$('[data-testid^="shop-option-"]');
  await option.waitForDisplayed({ timeout: 10_000 });
  await option.click();
  await click(browser, 'next');
  await atStep('sign_in');
  await click(browser, 'next');
  const grant = await atStep('grant');
  assert.match(await grant.getText(), /“開発者にアクセス権を付与”をクリック。/);
  await click(browser, 'next');

  // The developer of the manual's example, granted 11 months and 3 weeks ago.
  await atStep('developer');
  await pasteAndKeep('5259-6479-4073');
  await (await byId(browser, 'capture-name')).setValue('shippinno');
  await setDate('capture-date', jstDay(-344));
  await screenshot(browser, 'mws-step-developer');
  await click(browser, 'candidate-accept');
  // Saved once 次へ opens; then leave for the dashboard.
  await (await byId(browser, 'next')).waitForEnabled({ timeout: 10_000 });
  await click(browser, 'pause');

  // The dashboard tracks the access: 「アクセス権を承認」 before it ends, with the day to record.
  const row = await browser.$('[data-testid^="dashboard-row-"][data-kind="amazon_developer_id"]');
  await row.waitForExist({ timeout: 10_000 });
  await browser.execute((el) => el.scrollIntoView({ block: 'center' }), row);
  assert.match(await row.getText(), /shippinno/);
  const id = await row.$('[data-testid="credential-value"]');
  assert.equal(await id.getProperty('textContent'), '5259-6479-4073', 'the developer ID, not a secret, shown whole');
  const renewal = await browser.$('[data-testid^="renewal-record-"]');
  assert.match(await renewal.getText(), /アクセス権を承認/);
  await screenshot(browser, 'mws-dashboard');

  // 21 days left: the 30-day reminder is due at once, as a desktop notification, once.
  const reminder = 'MWS 開発者アクセス権（開発者ID）の有効期限があと21日です';
  await browser.waitUntil(async () => notifications.text().includes(reminder), {
    timeout: 60_000,
    interval: 500,
    timeoutMsg: `no notification seen on the bus:\n${notifications.text()}`,
  });
  assert.match(notifications.text(), /アクセス権を承認/);
  assert.equal(count(notifications.text(), reminder), 1);

  // A restart of both processes does not repeat it (what was given is in SQLite).
  await browser.deleteSession();
  await stopResident();
  browser = await launch();
  await eventually(() => residentPids().length === 1, 'the window did not start the tray resident');
  await new Promise((r) => setTimeout(r, 8000));
  assert.equal(count(notifications.text(), reminder), 1, 'the reminder came again after a restart');
  notifications.stop();
  await browser.deleteSession();
  browser = undefined;
});

test('the SP-API secrets are in the Secret Service and nowhere in the SQLite file', () => {
  assert.ok(secretServiceHolds(CLIENT_SECRET), 'client secret stored in the Secret Service');
  assert.ok(secretServiceHolds(REFRESH_TOKEN), 'refresh token stored in the Secret Service');
  assertNoSecretInSqlite([CLIENT_SECRET, REFRESH_TOKEN]);
});

test('kagiban verify checks the same authorization from the command line', () => {
  const out = execFileSync(env('KAGIBAN_CLI'), ['status', '--json'], { encoding: 'utf8' });
  const rows = JSON.parse(out);
  const token = rows.find((r) => r.kind === 'lwa_refresh_token' && r.state === 'active');
  assert.ok(token, 'the authorization is listed as active');
  assert.equal(token.shop, SHOP);
  assert.equal(token.last_verification.code, 'ok');
  assert.ok(!out.includes(CLIENT_SECRET) && !out.includes(REFRESH_TOKEN), 'no secret in the CLI output');
});
