// Kagiban opened for the very first time (this file runs first, in an empty data folder): what
// it does, and a way into every flow.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';

import { byId, launch, screenshot } from './helpers.mjs';

const FLOWS = ['start-rakuten-flow', 'start-flow-amazon_sp_api', 'start-flow-amazon_mws', 'start-flow-rakuraku_connector'];

let browser;
after(async () => {
  if (browser) await browser.deleteSession().catch(() => {});
});

test('a shop owner opening Kagiban for the first time is told what it does and offered every flow', async () => {
  browser = await launch();
  const welcome = await browser.$('#empty-title');
  await welcome.waitForDisplayed({ timeout: 15_000 });
  assert.equal(await welcome.getText(), '鍵番へようこそ');
  const empty = await browser.$('section.empty');
  assert.match(await empty.getText(), /OS のキーチェーンに安全に保管/);
  for (const id of FLOWS) {
    assert.ok(await (await byId(browser, id)).isDisplayed(), `${id} is offered`);
  }
  assert.match(await (await byId(browser, 'start-rakuten-flow')).getText(), /楽天 licenseKey の更新/);
  // No shop and no key yet: nothing to list, nothing to warn about.
  assert.equal((await browser.$$('[data-testid^="dashboard-row-"]')).length, 0);
  await screenshot(browser, 'dashboard-empty');
});
