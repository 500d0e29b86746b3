// npm run screens, 楽楽コネクタ part: every step of the setup against the fake backend, with a
// refused token, two bill-data settings, the approval note, the folder check and the sheet.

const TOKEN = 'a1B2c3D4e5F6g7H8j9K0m1N2p3Q4r5S6t7U8v9W0x1Y2z3A4b5C6d7E8f9G0h1J2';

/** Fills one text field of the form and leaves it. */
async function fill(page, byId, path, value) {
  await byId(page, `input-${path}`).fill(value);
  await byId(page, `input-${path}`).blur();
}

/** Scrolls the step pane so `testid` is in view. */
async function reveal(page, byId, testid) {
  await byId(page, testid).scrollIntoViewIfNeeded();
}

export async function walkRakuraku(page, { shot, byId, atStep, next, fake }) {
  await byId(page, 'start-flow-rakuraku_connector').click();
  await atStep(page, 'shop');
  await byId(page, 'new-shop-name').fill('楽楽明細（本社）');
  await byId(page, 'add-shop').click();
  await page.locator('[data-testid="next"]:not([disabled])').waitFor();
  await shot(page, 'rakuraku-shop');

  await next(page, 'options');
  await byId(page, 'input-ipRestriction').check();
  await byId(page, 'input-approvalFlowOption').check();
  await shot(page, 'rakuraku-options');

  for (const id of ['connector_login', 'connector_settings', 'agent_download', 'agent_extract', 'agent_install', 'agent_start']) {
    await next(page, id);
    if (id === 'connector_login' || id === 'agent_start') await shot(page, `rakuraku-${id}`);
  }

  await next(page, 'step1');
  await fill(page, byId, 'meisaiUrl', 'https://rbsample.eco-serv.jp/abc123/backadmin/top');
  await byId(page, 'normalized-meisaiUrl').waitFor();
  await fake(page, (t) => window.__kagibanFake?.simulateClipboard(t), `${TOKEN.slice(0, -1)}X`);
  await byId(page, 'candidate-accept').click();
  await page.locator('[data-testid="next"]:not([disabled])').waitFor();
  await shot(page, 'rakuraku-step1');

  await next(page, 'connection_test');
  await fake(page, (t) => window.__kagibanFake?.rakuraku.accounts.set('abc123', t), TOKEN);
  await byId(page, 'test-connection').click();
  await byId(page, 'connection-result').waitFor();
  await shot(page, 'rakuraku-connection-token-refused');
  await byId(page, 'back').click();
  await atStep(page, 'step1');
  await byId(page, 'paste-input').fill(TOKEN);
  await byId(page, 'paste-submit').click();
  await byId(page, 'candidate-accept').click();
  await next(page, 'connection_test');
  await byId(page, 'test-connection').click();
  await page.locator('[data-testid="connection-result"][data-code="ok"]').waitFor();
  await shot(page, 'rakuraku-connection-ok');

  await next(page, 'step2');
  await fill(page, byId, 'agentId', 'QU-AGENT-0042');
  await byId(page, 'paste-input').fill('agentkey-7f3b9c2d');
  await byId(page, 'paste-submit').click();
  await byId(page, 'candidate-accept').click();
  await page.locator('[data-testid="next"]:not([disabled])').waitFor();
  await shot(page, 'rakuraku-step2');

  await next(page, 'ip_restriction');
  await byId(page, 'copy-all-ips').click();
  await byId(page, 'copy-all-ips-state').locator('text=コピーしました').waitFor();
  await shot(page, 'rakuraku-ip_restriction');

  await next(page, 'step3');
  await fill(page, byId, 'customer.folder', 'clientmaster');
  await fill(page, byId, 'customer.fileName', '顧客');
  await byId(page, 'input-customer.overwriteInUse-false').check();
  await byId(page, 'input-customer.overwriteWithBlank-false').check();
  await shot(page, 'rakuraku-step3');
  await byId(page, 'input-customer.readFirstRow-false').check();
  await page.locator('[data-testid="next"]:not([disabled])').waitFor();

  await next(page, 'step4');
  await byId(page, 'input-reports[0].timing-scheduled').check();
  await byId(page, 'input-reports[0].timing-every').selectOption('weekly');
  await byId(page, 'input-reports[0].timing-hour').selectOption('9');
  await shot(page, 'rakuraku-step4-timing');
  await fill(page, byId, 'reports[0].reportName', '請求書');
  await fill(page, byId, 'reports[0].reportTypeId', '1');
  await fill(page, byId, 'reports[0].folder', 'billdata');
  await fill(page, byId, 'reports[0].fileName', '請求');
  await byId(page, 'input-reports[0].readFirstRow-false').check();
  await byId(page, 'input-reports[0].approve-true').check();
  await fill(page, byId, 'reports[0].approvalFlowId', '3');
  await byId(page, 'issue-reports[0].approvalFlowId').waitFor();
  await reveal(page, byId, 'field-reports[0].approve');
  await shot(page, 'rakuraku-step4-approval-note');
  await byId(page, 'add-report').click();
  await byId(page, 'input-reports[1].timing-scheduled').check();
  await byId(page, 'input-reports[1].timing-every').selectOption('monthly');
  await byId(page, 'input-reports[1].timing-day').selectOption('25');
  await fill(page, byId, 'reports[1].reportName', '納品書');
  await fill(page, byId, 'reports[1].reportTypeId', '2');
  await fill(page, byId, 'reports[1].folder', 'deliverydata');
  await fill(page, byId, 'reports[1].fileName', '納品');
  await byId(page, 'input-reports[1].readFirstRow-true').check();
  await byId(page, 'input-reports[1].approve-false').check();
  await page.locator('[data-testid="next"]:not([disabled])').waitFor();
  await reveal(page, byId, 'report-1');
  await shot(page, 'rakuraku-step4-second');

  await next(page, 'folder_check');
  await byId(page, 'folder-base').fill('C:\\_qanatuniverse\\_qua\\userdata');
  await byId(page, 'check-folders').click();
  await byId(page, 'folder-0').waitFor();
  await shot(page, 'rakuraku-folder_check');
  await reveal(page, byId, 'folder-1-file-1');
  await shot(page, 'rakuraku-folder_check-files');

  await next(page, 'sheet');
  await byId(page, 'sheet').waitFor();
  await shot(page, 'rakuraku-sheet');
  await byId(page, 'copy-apiToken').click();
  await byId(page, 'copy-apiToken-state').locator('text=秒後').waitFor();
  await reveal(page, byId, 'sheet-row-reports[0].approvalFlowId');
  await shot(page, 'rakuraku-sheet-bills');
  await page.emulateMedia({ media: 'print' });
  await shot(page, 'rakuraku-sheet-print');
  await page.emulateMedia({ media: 'screen' });
  await byId(page, 'lang-en').click();
  await page.locator('text=Settings sheet').first().waitFor();
  await page.evaluate(() => document.querySelector('[data-testid="step-sheet"]')?.scrollIntoView());
  await shot(page, 'rakuraku-sheet-english');
}
