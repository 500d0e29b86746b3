// Shared helpers for the end-to-end tests of the real app (tauri-driver on 127.0.0.1:4444).
import { execFileSync, spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { remote } from 'webdriverio';

export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through "cargo xtask test"`);
  return value;
};

/** Starts the real app through tauri-driver and waits for its first screen. */
export async function launch() {
  const browser = await remote({
    hostname: '127.0.0.1',
    port: 4444,
    logLevel: 'warn',
    connectionRetryTimeout: 120_000,
    capabilities: {
      browserName: 'wry',
      'wdio:enforceWebDriverClassic': true,
      'tauri:options': { application: env('KAGIBAN_APP') },
    },
  });
  await browser.waitUntil(
    async () => (await browser.execute(() => document.body.dataset.ready)) === '1',
    { timeout: 30_000, timeoutMsg: 'the first screen did not become ready' },
  );
  return browser;
}

/** Element by data-testid. */
export const byId = (browser, id) => browser.$(`[data-testid="${id}"]`);

/** Clicks an element once it is clickable. */
export async function click(browser, id) {
  const el = await byId(browser, id);
  await el.waitForClickable({ timeout: 15_000 });
  await el.click();
}

/** A flow's step pane, once it is shown. */
export async function stepPane(browser, id) {
  const pane = await byId(browser, `step-${id}`);
  await pane.waitForDisplayed({ timeout: 15_000 });
  return pane;
}

/** On a flow's shop step: adds a new shop by its name and chooses it. */
export async function addShop(browser, name) {
  await (await byId(browser, 'new-shop-name')).setValue(name);
  await click(browser, 'add-shop');
  const option = await browser.$('[data-testid^="shop-option-"]');
  await option.waitForDisplayed({ timeout: 10_000 });
  await option.click();
}

let shot = 0;
/** Saves a numbered screenshot into $E2E_OUT. */
export async function screenshot(browser, name) {
  const dir = env('E2E_OUT');
  mkdirSync(dir, { recursive: true });
  shot += 1;
  const file = path.join(dir, `${String(shot).padStart(2, '0')}-${name}.png`);
  await browser.saveScreenshot(file);
  return file;
}

/** Puts text on the X clipboard, as a user copying from RMS in the browser would. */
export function setClipboard(text) {
  // xclip stays in the background to serve the selection: it must not hold our pipes.
  execFileSync('xclip', ['-selection', 'clipboard', '-i'], { input: text, stdio: ['pipe', 'ignore', 'ignore'] });
}

/** Reads the X clipboard ('' when empty). */
export function readClipboard() {
  try {
    return execFileSync('xclip', ['-selection', 'clipboard', '-o'], { encoding: 'utf8', timeout: 5000 });
  } catch {
    return '';
  }
}

/** Registers a key pair with the fake RMS, as RMS does when it issues a key. */
export async function fakeRmsIssues(serviceSecret, licenseKey, expiryDate, activeAfterSecs) {
  const res = await fetch(`${env('FAKE_RMS_URL')}/__fake/keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceSecret, licenseKey, expiryDate, activeAfterSecs }),
  });
  if (!res.ok) throw new Error(`fake RMS refused the key: ${res.status}`);
}

/** The requests the fake RMS received. */
export async function fakeRmsRequests() {
  const res = await fetch(`${env('FAKE_RMS_URL')}/__fake/requests`);
  return res.json();
}

async function fakeAmazonControl(path, body) {
  const res = await fetch(`${env('FAKE_AMAZON_URL')}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`fake Amazon refused ${path}: ${res.status}`);
}

/** Registers an app's LWA credentials with the fake Amazon, as Seller Central issues them. */
export const fakeAmazonApp = (clientId, clientSecret) => fakeAmazonControl('/__fake/apps', { clientId, clientSecret });

/** Registers a seller's authorization (refresh token) with the fake Amazon. */
export const fakeAmazonAuthorizes = (refreshToken, clientId, roles = []) =>
  fakeAmazonControl('/__fake/refresh-tokens', { refreshToken, clientId, roles });

/** The requests the fake Amazon received. */
export async function fakeAmazonRequests() {
  const res = await fetch(`${env('FAKE_AMAZON_URL')}/__fake/requests`);
  return res.json();
}

/** The secrets the app stored in the Secret Service (debug builds use service jp.kagiban.desktop.dev). */
export function secretServiceHolds(secret) {
  const found = execFileSync('secret-tool', ['search', '--all', '--unlock', 'service', 'jp.kagiban.desktop.dev'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return found.includes(`secret = ${secret}`);
}

/** Asserts that no secret, nor its last 12 characters, is anywhere in the SQLite files. */
export function assertNoSecretInSqlite(secrets) {
  const dir = env('KAGIBAN_DATA_DIR');
  const files = ['kagiban.sqlite3', 'kagiban.sqlite3-wal', 'kagiban.sqlite3-shm'].map((f) => path.join(dir, f)).filter(existsSync);
  assert.ok(files.length >= 1, 'the SQLite file exists');
  for (const file of files) {
    const bytes = readFileSync(file);
    for (const secret of secrets.flatMap((s) => [s, s.slice(-12)])) {
      assert.equal(bytes.indexOf(Buffer.from(secret)), -1, `${path.basename(file)} must not contain a secret`);
    }
  }
}

/** The pids of running processes whose command line matches `pattern` (pgrep -f). */
export function pids(pattern) {
  try {
    return execFileSync('pgrep', ['-f', pattern], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The tray resident's pids (the process without a webview that gives reminders). */
export const residentPids = () => pids('target/debug/kagiban-resident');
/** The window processes' pids. */
export const windowPids = () => pids('target/debug/kagiban-app');

/** Polls `check` until it returns a truthy value, or fails with `what`. */
export async function eventually(check, what, timeout = 20_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Ends the tray resident (as a logout would), and waits until it is gone. */
export async function stopResident() {
  for (const pid of residentPids()) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  await eventually(() => residentPids().length === 0, 'the tray resident did not end');
}

/** Watches the session bus for desktop notifications (org.freedesktop.Notifications.Notify). */
export function watchNotifications() {
  const monitor = spawn('dbus-monitor', ['--session', "interface='org.freedesktop.Notifications',member='Notify'"], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let seen = '';
  monitor.stdout.setEncoding('utf8');
  monitor.stdout.on('data', (chunk) => (seen += chunk));
  return { text: () => seen, stop: () => monitor.kill() };
}

/** Occurrences of `needle` in `text`. */
export const count = (text, needle) => text.split(needle).length - 1;
