// Living in the tray: the window is a process that ends when it closes; the tray resident
// (no webview) stays, keeps its menu on the session bus, gives reminders, and opens the window
// again. A second launch hands its request to the window already open.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { after, test } from 'node:test';

import {
  byId, count, env, eventually, launch, residentPids, screenshot, stopResident, watchNotifications, windowPids,
} from './helpers.mjs';

let browser;
after(async () => {
  if (browser) await browser.deleteSession().catch(() => {});
  for (const pid of windowPids()) process.kill(pid, 'SIGTERM');
});

const gdbus = (...args) => execFileSync('gdbus', ['call', '--session', ...args], { encoding: 'utf8', timeout: 10_000 });

/** The tray resident's StatusNotifierItem: its menu lines (id, label, enabled) and tooltip. */
function trayItem(pid) {
  const dest = `org.kde.StatusNotifierItem-${pid}-1`;
  const layout = gdbus('--dest', dest, '--object-path', '/MenuBar', '--method', 'com.canonical.dbusmenu.GetLayout', '--', '0', '-1', '[]');
  const lines = [...layout.matchAll(/<\((\d+), \{([^}]*)\}/g)].map(([, id, props]) => ({
    id: Number(id),
    label: props.match(/'label': <'([^']*)'>/)?.[1] ?? null,
    enabled: !/'enabled': <false>/.test(props),
  }));
  const tooltip = gdbus('--dest', dest, '--object-path', '/StatusNotifierItem', '--method', 'org.freedesktop.DBus.Properties.Get', 'org.kde.StatusNotifierItem', 'ToolTip');
  return { dest, lines, tooltip };
}

/** Chooses a menu line, as a click in the desktop's tray would. */
function clickMenu(item, label) {
  const line = item.lines.find((l) => l.label === label);
  assert.ok(line, `no menu line ${label} in ${JSON.stringify(item.lines)}`);
  gdbus('--dest', item.dest, '--object-path', '/MenuBar', '--method', 'com.canonical.dbusmenu.Event', '--', String(line.id), 'clicked', '<0>', '0');
}

test('closing the window leaves Kagiban in the tray, whose menu lists the expiries and opens it again', async () => {
  browser = await launch();
  const [resident] = await eventually(() => residentPids().length === 1 && residentPids(), 'no tray resident');
  await screenshot(browser, 'tray-window-open');

  // The menu, as the desktop's tray reads it over D-Bus: expiries first, then every action.
  const item = await eventually(() => {
    const i = trayItem(resident);
    return i.lines.some((l) => l.label === '開く') && i;
  }, 'the tray menu is not on the bus');
  const labels = item.lines.map((l) => l.label).filter(Boolean);
  assert.deepEqual(labels.slice(-4), ['開く', '今すぐ確認', '設定', '終了']);
  assert.ok(labels.length > 4, `the next expiries are listed: ${labels}`);
  assert.match(labels[0], /日|期限/);
  assert.match(item.tooltip, /鍵番 Kagiban/);
  assert.match(item.tooltip, /次の期限/);

  // Closing the window ends its process (and its webview); the resident stays.
  const windows = windowPids();
  assert.equal(windows.length, 1, `one window process: ${windows}`);
  await browser.closeWindow().catch(() => {});
  await browser.deleteSession().catch(() => {});
  browser = undefined;
  await eventually(() => windowPids().length === 0, 'the window process did not end with its window');
  assert.deepEqual(residentPids(), [resident], 'the tray resident went on');

  // 開く in the tray menu starts a window again.
  clickMenu(trayItem(resident), '開く');
  await eventually(() => windowPids().length === 1, '開く did not open a window');
  await eventually(
    () => execFileSync('xwininfo', ['-root', '-tree'], { encoding: 'utf8' }).includes('鍵番 Kagiban'),
    'no window titled 鍵番 Kagiban on the display',
  );
  for (const pid of windowPids()) process.kill(pid, 'SIGTERM');
  await eventually(() => windowPids().length === 0, 'the window did not end');
});

test('a second launch hands its request to the window already open instead of starting again', async () => {
  browser = await launch();
  await byId(browser, 'nav-dashboard').then((el) => el.waitForDisplayed({ timeout: 15_000 }));
  assert.equal(windowPids().length, 1);
  // As the tray's expiry item or a notification's 「更新する」 would start it.
  const second = spawnSync(env('KAGIBAN_APP'), ['--flow', 'amazon_sp_api'], { timeout: 30_000, stdio: 'ignore' });
  assert.equal(second.status, 0, 'the second launch ended by itself');
  assert.equal(windowPids().length, 1, 'still one window process');
  const pane = await byId(browser, 'step-shop');
  await pane.waitForDisplayed({ timeout: 15_000 });
  const nav = await byId(browser, 'nav-flow');
  await browser.waitUntil(async () => /SP-API/.test(await nav.getProperty('textContent')), {
    timeout: 10_000,
    timeoutMsg: 'the nav does not name the SP-API flow',
  });
  await screenshot(browser, 'tray-second-launch-opened-flow');
  await browser.deleteSession();
  browser = undefined;
});

/** The notifications the session's notification server has shown, oldest first. */
function shown() {
  const file = env('FAKE_NOTIFICATIONS_LOG');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** Starts the resident alone with the test clock at `at` (debug builds only). */
function residentAt(at) {
  return spawn(env('KAGIBAN_APP').replace(/kagiban-app$/, 'kagiban-resident'), [], {
    env: { ...process.env, KAGIBAN_FAKE_NOW: at },
    stdio: 'ignore',
  });
}

/** Ends a resident started by `residentAt`. */
async function stop(resident) {
  resident.kill('SIGTERM');
  await eventually(() => residentPids().length === 0, 'the resident did not end');
}

test('with the window closed, the resident reminds 6 days ahead once, then gives the expired notice, whose 「更新する」 opens the flow', async () => {
  // The earliest expiry on record (the CLI reads the same SQLite).
  const status = JSON.parse(execFileSync(env('KAGIBAN_CLI'), ['status', '--json'], { encoding: 'utf8' }));
  const rows = status.filter((c) => c.expires_at && c.state === 'active' && !c.reminders_dismissed);
  assert.ok(rows.length > 0, 'earlier tests left credentials with expiry dates');
  rows.sort((a, b) => a.expires_at.localeCompare(b.expires_at));
  const first = rows[0];
  const sixDaysBefore = new Date(Date.parse(first.expires_at) - 6 * 86_400_000).toISOString();
  const dayAfter = new Date(Date.parse(first.expires_at) + 26 * 3600_000).toISOString();
  await stopResident();

  // Six days before the expiry (by the test clock), with no window open: one reminder.
  const soon = `有効期限まであと6日(${first.shop})`;
  let resident = residentAt(sixDaysBefore);
  await eventually(() => shown().some((n) => n.summary.endsWith(soon)), `no 6-day reminder:\n${JSON.stringify(shown(), null, 1)}`, 30_000);
  const reminder = shown().find((n) => n.summary.endsWith(soon));
  assert.match(reminder.body, new RegExp(`${first.shop}の.*有効期限があと6日です\\(\\d{4}/\\d{2}/\\d{2}\\)。`));
  // A restart at the same moment does not repeat it.
  await stop(resident);
  resident = residentAt(sixDaysBefore);
  await new Promise((r) => setTimeout(r, 8000));
  assert.equal(shown().filter((n) => n.summary.endsWith(soon)).length, 1, 'the reminder came again after a restart');
  await stop(resident);

  // The clock moves past the expiry: the expired notice.
  const before = shown().length;
  const notifications = watchNotifications();
  resident = residentAt(dayAfter);
  try {
    const expired = await eventually(
      () => shown().slice(before).find((n) => n.summary.includes('有効期限が切れています') && n.summary.includes(first.shop)),
      `no expired notice shown:\n${JSON.stringify(shown().slice(before), null, 1)}`,
      30_000,
    );
    assert.equal(expired.app_name, 'Kagiban');
    assert.match(expired.body, new RegExp(first.shop));
    assert.match(expired.body, /日前/);
    // 「更新する」 is offered as the notification's action.
    assert.deepEqual(expired.actions, ['renew', '更新する']);
    // Once per credential and day, not at every poll.
    await new Promise((r) => setTimeout(r, 6000));
    // On the bus too: the Notify call went out once (its title and text each say it once).
    assert.equal(count(notifications.text(), '有効期限が切れています('), 2);
    assert.equal(shown().slice(before).filter((n) => n.summary === expired.summary).length, 1);

    // The owner clicks 「更新する」: a window opens on the flow that renews that key.
    assert.equal(windowPids().length, 0);
    gdbus('--dest', 'org.freedesktop.Notifications', '--object-path', '/org/freedesktop/Notifications', '--method', 'jp.kagiban.FakeNotifications.Invoke', String(expired.id), 'renew');
    const [win] = await eventually(() => windowPids().length === 1 && windowPids(), '「更新する」 opened no window');
    const cmdline = readFileSync(`/proc/${win}/cmdline`, 'utf8').split('\0');
    const renewedBy = { rakuten_license_key: 'rakuten_license_key', lwa_refresh_token: 'amazon_sp_api', lwa_client_secret: 'amazon_sp_api', amazon_developer_id: 'amazon_mws' };
    assert.deepEqual(cmdline.slice(1, 3), ['--flow', renewedBy[first.kind]]);
    await eventually(
      () => execFileSync('xwininfo', ['-root', '-tree'], { encoding: 'utf8' }).includes('鍵番 Kagiban'),
      'no window titled 鍵番 Kagiban on the display',
    );
  } finally {
    notifications.stop();
    for (const pid of windowPids()) process.kill(pid, 'SIGTERM');
    await stop(resident);
    await eventually(() => windowPids().length === 0, 'the window did not end');
  }
});
