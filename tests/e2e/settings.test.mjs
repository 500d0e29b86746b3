// 設定 on the real app: reminders per kind, start at login (the OS login item starts the tray
// resident), and the calendar export, read back from the file the app wrote.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';

import { byId, click, env, launch, screenshot } from './helpers.mjs';

let browser;
after(async () => {
  if (browser) await browser.deleteSession().catch(() => {});
});

test('a shop owner asks for a 90-day reminder, starts Kagiban at login, and exports the calendar', async () => {
  browser = await launch();
  await click(browser, 'nav-settings');
  const form = await byId(browser, 'settings-form');
  await form.waitForDisplayed({ timeout: 15_000 });
  assert.match(await form.getText(), /お知らせのタイミング/);
  assert.match(await form.getText(), /楽天 licenseKey/);
  await browser.execute(() => window.scrollTo(0, 0));
  await browser.pause(300);
  await screenshot(browser, 'settings');

  // 90 days before the licenseKey's expiry, and start at login.
  await click(browser, 'lead-rakuten_license_key-90');
  await click(browser, 'settings-login');
  await click(browser, 'settings-save');
  const announce = await byId(browser, 'settings-announce');
  await browser.waitUntil(async () => (await announce.getText()) === '設定を保存しました。', { timeout: 10_000 });

  // The login item is the XDG autostart entry, and it starts the tray resident, not the window.
  const desktop = path.join(env('HOME'), '.config/autostart/Kagiban.desktop');
  assert.ok(existsSync(desktop), `${desktop} was written`);
  const entry = readFileSync(desktop, 'utf8');
  assert.match(entry, /^Exec=.*kagiban-resident/m);
  assert.doesNotMatch(entry, /kagiban-app/);

  // Reopened, the screen shows what was saved (SQLite), and the OS's login item.
  await browser.refresh();
  await click(browser, 'nav-settings');
  await (await byId(browser, 'settings-form')).waitForDisplayed({ timeout: 15_000 });
  assert.equal(await (await byId(browser, 'lead-rakuten_license_key-90')).isSelected(), true);
  assert.equal(await (await byId(browser, 'settings-login')).isSelected(), true);

  // Turning it off removes the login item.
  await click(browser, 'settings-login');
  await click(browser, 'settings-save');
  await browser.waitUntil(async () => !existsSync(desktop), { timeout: 10_000, timeoutMsg: 'the login item stayed' });

  // The calendar: one event per expiry, with alarms; the announced path is the file written.
  await click(browser, 'settings-calendar');
  await browser.waitUntil(async () => (await announce.getText()).startsWith('カレンダーを書き出しました: '), { timeout: 10_000 });
  const file = (await announce.getText()).replace('カレンダーを書き出しました: ', '').trim();
  const ics = readFileSync(file, 'utf8');
  assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
  assert.match(ics, /BEGIN:VEVENT/);
  assert.match(ics, /BEGIN:VALARM/);
  // The licenseKey registered earlier expires 2027-02-28; its 90-day alarm is now there too.
  assert.match(ics, /DTSTART;VALUE=DATE:20270228/);
  assert.match(ics, /TRIGGER;RELATED=START:-P89DT15H/, '90 days before, at 09:00');
  await screenshot(browser, 'settings-saved');
  await browser.deleteSession();
  browser = undefined;
});
