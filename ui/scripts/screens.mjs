// npm run screens: builds the UI against the fake backend, serves it on 127.0.0.1 under the
// app's CSP, walks the dashboard, every step of the Rakuten flow, the Amazon flows and the
// 楽楽コネクタ setup in Japanese with Debian's Chromium, and saves 1100×760 PNGs to $SCREENS_DIR
// (default ../target/screens).
// Fails on any console error, page error or CSP violation.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { walkRakuraku } from './screens-rakuraku.mjs';

const UI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT_DIR = path.join(UI, 'dist-fake');
const SHOTS = path.resolve(UI, process.env.SCREENS_DIR ?? '../target/screens');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1100, height: 760 };
const CSP = "default-src 'self'";

function build() {
  const vite = path.join(UI, 'node_modules', '.bin', 'vite');
  const r = spawnSync(vite, ['build', '--outDir', 'dist-fake', '--logLevel', 'warn'], {
    cwd: UI,
    env: { ...process.env, VITE_FAKE_BACKEND: '1' },
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('vite build failed');
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };

/** A tiny static server for dist-fake, sending the CSP the app runs under in Tauri. */
function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let file = path.normalize(path.join(OUT_DIR, decodeURIComponent(url.pathname)));
    if (!file.startsWith(OUT_DIR)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': CSP });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const problems = [];
let count = 0;

async function newPage(browser, base, { colorScheme = 'light', query = '' } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', colorScheme });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.goto(`${base}/${query}`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 15_000 });
  return page;
}

async function shot(page, name) {
  count += 1;
  const file = path.join(SHOTS, `${String(count).padStart(2, '0')}-${name}.png`);
  // Let fonts and the last render settle; the caret would make images differ run to run.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: file, caret: 'hide', animations: 'disabled' });
  console.log(`  ${path.relative(process.cwd(), file)}`);
}

const byId = (page, id) => page.locator(`[data-testid="${id}"]`);
const atStep = (page, id) => byId(page, `step-${id}`).waitFor({ timeout: 10_000 });
const fake = (page, fn, arg) => page.evaluate(fn, arg);

async function next(page, id) {
  await byId(page, 'next').click();
  await atStep(page, id);
}

async function walkFlow(page) {
  await byId(page, 'start-rakuten-flow').click();
  await atStep(page, 'shop');
  await shot(page, 'flow-shop');

  await byId(page, 'add-shop').click();
  await page.locator('[role="alert"]').first().waitFor();
  await shot(page, 'flow-shop-name-error');
  await byId(page, 'new-shop-name').fill('楽天市場3号店');
  await byId(page, 'add-shop').click();
  await byId(page, 'shop-option-shop-3').waitFor();
  await shot(page, 'flow-shop-added');

  for (const id of ['rms_login', 'web_api_service', 'usage_settings', 'license_info', 'captcha', 'issue']) {
    await next(page, id);
    await shot(page, `flow-${id}`);
  }

  // serviceSecret (the new shop has none): watching, then a key copied in RMS.
  await next(page, 'service_secret');
  await byId(page, 'capture-status').locator('text=見張っています').waitFor();
  await shot(page, 'flow-service_secret-watching');
  await fake(page, () => window.__kagibanFake?.simulateClipboard('SP777777_Qm3xR8tWw2Zp6Kv9'));
  await byId(page, 'candidate-masked').waitFor();
  await shot(page, 'flow-service_secret-captured');
  await byId(page, 'candidate-accept').click();
  await page.locator('[data-testid="next"]:not([disabled])').waitFor();
  await shot(page, 'flow-service_secret-saved');

  // licenseKey: a wrong kind pasted by hand, then one with warnings, revealed.
  await next(page, 'license_key');
  await byId(page, 'paste-input').fill('SP777777_Qm3xR8tWw2Zp6Kv9');
  await byId(page, 'paste-submit').click();
  await byId(page, 'paste-error').waitFor();
  await shot(page, 'flow-license_key-wrong-kind');
  await byId(page, 'paste-input').fill('');
  await fake(page, () => window.__kagibanFake?.simulateClipboard(' SL777777_Hn2k Iw8Rt5Yb3Jc1\n'));
  await byId(page, 'candidate-masked').waitFor();
  await page.getByRole('button', { name: /楽天 licenseKeyを表示/ }).click();
  await page.locator('[data-testid="candidate-masked"]:has-text("SL777777")').waitFor();
  await shot(page, 'flow-license_key-captured-revealed');
  await byId(page, 'candidate-accept').click();

  // Pause and resume: the dashboard offers 続きから再開 and the flow comes back here.
  await page.locator('[data-testid="next"]:not([disabled])').waitFor();
  await byId(page, 'pause').click();
  await byId(page, 'start-rakuten-flow').waitFor();
  await shot(page, 'dashboard-resume');
  await byId(page, 'start-rakuten-flow').click();
  await atStep(page, 'license_key');
  await shot(page, 'flow-license_key-resumed');

  // Verify: checking…, not active yet, refused, then the background check makes it active.
  await next(page, 'verify');
  await shot(page, 'flow-verify');
  await fake(page, () => window.__kagibanFake && (window.__kagibanFake.verifyLatencyMs = 4000));
  await byId(page, 'verify-button').click();
  await page.locator('text=楽天に問い合わせています').waitFor();
  await shot(page, 'flow-verify-checking');
  await page.locator('[data-testid="verify-result"][data-code="not_yet_active"]').waitFor({ timeout: 10_000 });
  await fake(page, () => window.__kagibanFake && (window.__kagibanFake.verifyLatencyMs = 0));
  await shot(page, 'flow-verify-not-yet-active');
  await fake(page, () => window.__kagibanFake && (window.__kagibanFake.nextVerifyCode = 'unauthorized'));
  await byId(page, 'verify-button').click();
  await page.locator('[data-testid="verify-result"][data-code="unauthorized"]').waitFor();
  await page.locator('details.help summary').click();
  await shot(page, 'flow-verify-unauthorized');
  await fake(page, () => {
    const f = window.__kagibanFake;
    const pending = f?.creds.find((c) => c.state === 'pending');
    if (!f || !pending) throw new Error('no pending key to activate');
    pending.nextCheckAt = Date.now();
    f.runBackgroundCheck();
  });
  await page.locator('[data-testid="verify-result"][data-code="ok"]').waitFor();
  await shot(page, 'flow-verify-ok-notice');

  await next(page, 'handover');
  await byId(page, 'copy-key').click();
  await byId(page, 'copy-countdown').waitFor();
  await shot(page, 'flow-handover-copied');

  await next(page, 'done');
  await shot(page, 'flow-done');
  await byId(page, 'go-dashboard').click();
  await page.locator('[data-testid="dashboard-row-cred-s1-key"]').waitFor();
  await page.locator('[data-testid^="dashboard-row-"][data-kind="rakuten_license_key"][data-state="active"]').last().scrollIntoViewIfNeeded();
  await shot(page, 'dashboard-after');
}

/** The Amazon SP-API authorization for a new shop, from the LWA credentials to the RDT check. */
async function walkSpApi(page) {
  await byId(page, 'start-flow-amazon_sp_api').click();
  await atStep(page, 'shop');
  await byId(page, 'new-shop-name').fill('Amazon 2号店');
  await byId(page, 'add-shop').click();
  await byId(page, 'shop-option-shop-3').check();
  await shot(page, 'amazon-sp-shop');
  await next(page, 'lwa_credentials');
  await shot(page, 'amazon-sp-lwa_credentials');

  const keep = async (text) => {
    await byId(page, 'capture-status').locator('text=見張っています').waitFor();
    await fake(page, (t) => window.__kagibanFake?.simulateClipboard(t), text);
    await byId(page, 'candidate-masked').waitFor();
  };
  const accept = async () => {
    await byId(page, 'candidate-accept').click();
    await page.locator('[data-testid="next"]:not([disabled])').waitFor();
  };

  await next(page, 'client_id');
  await keep('amzn1.application-oa2-client.0d4c6a3e9b8f47c1a2e5f6b7c8d9e0f1');
  await accept();
  await next(page, 'client_secret');
  await keep(`amzn1.oa2-cs.v1.${'3f9a0c6e1b7d2a48'.repeat(4)}`);
  await byId(page, 'capture-date').fill('2026-11-02');
  await shot(page, 'amazon-sp-client_secret-date');
  await accept();
  await shot(page, 'amazon-sp-client_secret-saved');
  await next(page, 'authorize');
  await next(page, 'refresh_token');
  await keep('Atzr|IwEBIDemoRefreshTokenForScreenshotsOnly0123456789');
  await accept();
  await next(page, 'seller_id');
  await keep('A2DEMOSELLER77');
  await accept();

  await next(page, 'marketplace');
  await shot(page, 'amazon-sp-marketplace');
  await byId(page, 'marketplace-save').click();
  await byId(page, 'marketplace-current').waitFor();
  await shot(page, 'amazon-sp-marketplace-saved');

  await next(page, 'verify');
  await byId(page, 'verify-button').click();
  await page.locator('[data-testid="verify-result"][data-code="ok"]').waitFor();
  await shot(page, 'amazon-sp-verify-ok');

  await next(page, 'rdt');
  await shot(page, 'amazon-sp-rdt');
  await byId(page, 'rdt-need-1').check();
  await byId(page, 'rdt-need-3').check();
  await byId(page, 'rdt-check').click();
  await page.locator('[data-testid="rdt-result"][data-code="missing_role"]').waitFor();
  await shot(page, 'amazon-sp-rdt-missing-role');

  await next(page, 'done');
  await shot(page, 'amazon-sp-done');
  await byId(page, 'go-dashboard').click();
  await byId(page, 'shop-shop-3').waitFor();
  await byId(page, 'shop-shop-3').scrollIntoViewIfNeeded();
  await shot(page, 'dashboard-amazon-new-shop');
}

/** The legacy MWS flow: the end-of-service notice, the developer step, and the way to SP-API. */
async function walkMws(page) {
  await byId(page, 'start-flow-amazon_mws').click();
  await atStep(page, 'mws_end');
  await shot(page, 'amazon-mws-notice');
  await next(page, 'shop');
  await byId(page, 'shop-option-shop-amazon').check();
  await next(page, 'sign_in');
  await next(page, 'grant');
  await next(page, 'developer');
  await byId(page, 'paste-input').fill('5259-6479-4073');
  await byId(page, 'paste-submit').click();
  await byId(page, 'candidate-masked').waitFor();
  await byId(page, 'capture-name').fill('shippinno');
  await shot(page, 'amazon-mws-developer-name-date');
  await byId(page, 'capture-date').fill('2099-01-01');
  await byId(page, 'candidate-accept').click();
  await byId(page, 'capture-date-error').waitFor();
  await shot(page, 'amazon-mws-developer-invalid-date');

  // Back to the notice, and on to the SP-API flow it points to.
  for (const id of ['grant', 'sign_in', 'shop', 'mws_end']) {
    await byId(page, 'back').click();
    await atStep(page, id);
  }
  await byId(page, 'notice-next-flow').click();
  await atStep(page, 'shop');
  await page.locator('[data-testid="rail-lwa_credentials"]').waitFor();
  await shot(page, 'amazon-mws-switched-to-sp-api');
}

/** The dashboard's Amazon shop: IDs shown whole, the MWS renewal to record. */
async function amazonDashboard(page) {
  const row = byId(page, 'dashboard-row-cred-amz-token');
  await row.scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector('[data-testid="shop-shop-amazon"]')?.scrollIntoView({ block: 'start' }));
  await shot(page, 'dashboard-amazon');
  await byId(page, 'renewal-record-cred-amz-developer').click();
  await byId(page, 'renewal-date-cred-amz-developer').fill('2026-11-20');
  await byId(page, 'renewal-date-cred-amz-developer').scrollIntoViewIfNeeded();
  await shot(page, 'dashboard-amazon-renewal-date');
  await byId(page, 'renewal-save-cred-amz-developer').click();
  await byId(page, 'dashboard-announce').locator('text=2027/11/20').waitFor();
  await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
  await shot(page, 'dashboard-amazon-renewal-recorded');
}

async function main() {
  build();
  mkdirSync(SHOTS, { recursive: true });
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  try {
    console.log(`screens → ${SHOTS}`);
    let page = await newPage(browser, base);
    await shot(page, 'dashboard');
    await page.locator('details.history summary').click();
    await page.locator('details.history').scrollIntoViewIfNeeded();
    await shot(page, 'dashboard-history');
    await page.locator('details.history summary').click();
    await page.evaluate(() => document.getElementById('main')?.scrollTo(0, 0));
    await byId(page, 'dashboard-row-cred-s2-key').getByRole('button', { name: /確認する/ }).click();
    await byId(page, 'dashboard-announce').locator('text=楽天市場2号店').waitFor();
    await shot(page, 'dashboard-verified');
    await walkFlow(page);
    await page.context().close();

    page = await newPage(browser, base);
    await amazonDashboard(page);
    await walkSpApi(page);
    await page.context().close();

    page = await newPage(browser, base);
    await walkMws(page);
    await page.context().close();

    page = await newPage(browser, base);
    await walkRakuraku(page, { shot, byId, atStep, next, fake });
    await page.context().close();

    page = await newPage(browser, base, { query: '?fake=empty' });
    await shot(page, 'first-launch-empty');
    await page.context().close();

    page = await newPage(browser, base, { query: '?fake=keychain' });
    await byId(page, 'keychain-error').waitFor();
    await shot(page, 'keychain-unavailable');
    await page.context().close();

    page = await newPage(browser, base, { colorScheme: 'dark' });
    await shot(page, 'dark-dashboard');
    await byId(page, 'start-rakuten-flow').click();
    await byId(page, 'shop-option-shop-1').check();
    await byId(page, 'next').click();
    await atStep(page, 'rms_login');
    await shot(page, 'dark-flow-rms_login');
    await page.context().close();

    // Keyboard only: Tab to the primary action; the focus ring must be plain to see.
    page = await newPage(browser, base);
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'start-rakuten-flow')) break;
    }
    await shot(page, 'keyboard-focus');
    await page.context().close();

    page = await newPage(browser, base);
    await byId(page, 'lang-en').click();
    await page.locator('text=Rakuten licenseKey').first().waitFor();
    await shot(page, 'english-dashboard');
    await page.context().close();
  } finally {
    await browser.close();
    server.close();
  }
  if (problems.length > 0) {
    console.error(`\n${problems.length} problem(s) in the page:\n${problems.join('\n')}`);
    process.exit(1);
  }
  console.log(`${count} screenshots, no console errors`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
