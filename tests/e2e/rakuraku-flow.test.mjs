// The 楽楽コネクタ setup, on the real app against the fake 楽楽明細, as a shop owner would do it:
// the agent's steps, Step 1–4 filled in through the screens with two bill-data settings, the
// connection test (refused token, maintenance, works), the IP allow-list, the folder check on
// generated Shift_JIS and UTF-8 files, and the settings sheet with every value.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';

import {
  addShop, assertNoSecretInSqlite, byId, click, env, eventually, launch, readClipboard, screenshot,
  secretServiceHolds, setClipboard, stepPane,
} from './helpers.mjs';

// Test values in the documented shapes (a 64-character token; the AgentKey is opaque), not real ones.
const ACCOUNT = 'kgb0042';
const TOKEN = 'Kb7Qm2Xw9Rt4Zp8Ld3Vn6Hc1Jy5Fs0Ga7Ue2Wo9Ri4Tk8Mb3Nd6Px1Cz5Ev0Hq7Y';
const WRONG_TOKEN = `${TOKEN.slice(0, -1)}X`;
const AGENT_ID = 'QU-AGENT-0042';
const AGENT_KEY = 'qak_8f3b2c9d7e6a5b4c3d2e1f0a';
const SHOP = '楽楽明細（本社）';
const IPS = ['54.249.9.251', '54.65.148.180', '52.68.168.58'];
const AGENT_STEPS = ['connector_login', 'connector_settings', 'agent_download', 'agent_extract', 'agent_install', 'agent_start'];

let browser;
/** The generated 「ファイルの配置場所」, removed at the end. */
let base;
after(async () => {
  if (browser) await browser.deleteSession().catch(() => {});
  if (base) rmSync(base, { recursive: true, force: true });
});

const atStep = (id) => stepPane(browser, id);

/** Waits for 次へ to be enabled (the form's last change saved and checked), then clicks it. */
async function next(id) {
  const button = await byId(browser, 'next');
  await button.waitForEnabled({ timeout: 15_000 });
  await button.click();
  return atStep(id);
}

/** Types into a form field. */
async function type(path, value) {
  const field = await byId(browser, `input-${path}`);
  await field.waitForDisplayed({ timeout: 10_000 });
  await field.setValue(value);
}

/** Picks a value in a <select> the way a user's choice does (change event). */
async function choose(id, value) {
  const field = await byId(browser, id);
  await field.waitForDisplayed({ timeout: 10_000 });
  await browser.execute(
    (el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    field,
    value,
  );
}

/** Scrolls the element into the middle of the view (for screenshots further down a screen). */
async function reveal(id) {
  const el = await byId(browser, id);
  await el.waitForDisplayed({ timeout: 10_000 });
  await browser.execute((e) => e.scrollIntoView({ block: 'center' }), el);
}

async function text(id) {
  const el = await byId(browser, id);
  await el.waitForDisplayed({ timeout: 10_000 });
  return el.getText();
}

async function keepCandidate() {
  await (await byId(browser, 'candidate-masked')).waitForDisplayed({ timeout: 10_000 });
  await click(browser, 'candidate-accept');
  await eventually(async () => /保存しました/.test(await text('capture-status')), 'the value is kept in the keychain');
}

async function fakeRakuraku(control, body) {
  const res = await fetch(`${env('FAKE_RAKURAKU_URL')}/__fake/${control}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`fake 楽楽明細 refused ${control}: ${res.status}`);
}

async function connectionTest(expected) {
  await click(browser, 'test-connection');
  await eventually(async () => (await (await byId(browser, 'connection-result')).getAttribute('data-code')) === expected, `connection test: ${expected}`);
}

/** The agent's 「ファイルの配置場所」 with what the settings point at: a Shift_JIS customer file with a
 *  header row, a UTF-8 bill file without one and an empty one, and a file of mixed encodings. */
function agentFolder() {
  const base = mkdtempSync(path.join(tmpdir(), 'kagiban-userdata-'));
  const cp932 = (s) => execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: s });
  mkdirSync(path.join(base, 'clientmaster'));
  writeFileSync(path.join(base, 'clientmaster', '顧客一覧_202605.csv'), cp932('顧客コード,会社名,メールアドレス\r\nC001,株式会社サンプル,info@example.jp\r\n'));
  mkdirSync(path.join(base, 'billdata'));
  writeFileSync(path.join(base, 'billdata', '請求_202605.csv'), new TextEncoder().encode('C001,2026/05/31,請求書,10000\r\nC002,2026/05/31,請求書,25000\r\n'));
  writeFileSync(path.join(base, 'billdata', '請求_空.csv'), '');
  mkdirSync(path.join(base, 'deliverydata'));
  writeFileSync(
    path.join(base, 'deliverydata', '納品_202605.csv'),
    Buffer.concat([new TextEncoder().encode('顧客コード,納品日\r\n'), cp932('C001,2026/05/20,納品書\r\n')]),
  );
  return base;
}

test('a shop owner sets up 楽楽コネクタ: Step 1–4 with two bill settings, checks, and the sheet', async () => {
  await fakeRakuraku('accounts', { account: ACCOUNT, token: TOKEN });
  browser = await launch();

  // ショップを選ぶ
  await click(browser, 'start-flow-rakuraku_connector');
  await atStep('shop');
  await addShop(browser, SHOP);
  await screenshot(browser, 'rakuraku-shop');

  // ご利用のオプション: both, so the IP step and 承認フローID are shown.
  await next('options');
  await click(browser, 'input-ipRestriction');
  await click(browser, 'input-approvalFlowOption');
  await screenshot(browser, 'rakuraku-options');

  // QanatUniverse エージェント: each step of the manual its own screen with a link.
  for (const id of AGENT_STEPS) {
    const pane = await next(id);
    assert.ok((await pane.getText()).length > 20, `step ${id} shows the manual's words`);
    assert.ok(await (await byId(browser, 'open-link')).isDisplayed(), `step ${id} has a link`);
    if (id === 'agent_install') assert.match(await pane.getText(), /QanatUniverseAgent_導入マニュアル\.pdf/);
    if (id === 'agent_start') assert.match(await pane.getText(), /「起動」/);
    await screenshot(browser, `rakuraku-${id}`);
  }

  // Step 1: the admin screen's URL as pasted; a token copied on 楽楽明細's screen (a wrong one first).
  await next('step1');
  await type('meisaiUrl', `https://rbsample.eco-serv.jp/${ACCOUNT}/backadmin/top`);
  await eventually(async () => (await text('normalized-meisaiUrl')).includes(`https://rbsample.eco-serv.jp/${ACCOUNT}/`), 'the URL to enter is shown');
  await (await byId(browser, 'capture-status')).waitForDisplayed({ timeout: 10_000 });
  await eventually(async () => (await (await byId(browser, 'capture-status')).getAttribute('data-watching')) === 'true', 'watching the clipboard');
  setClipboard(WRONG_TOKEN);
  await keepCandidate();
  await screenshot(browser, 'rakuraku-step1');

  // 接続テスト: refused, then maintenance, then it works.
  await next('connection_test');
  assert.equal(await text('connection-url'), `https://rbsample.eco-serv.jp/${ACCOUNT}/`);
  await connectionTest('token_refused');
  assert.match(await text('connection-message'), /APIトークンが受け付けられませんでした/);
  await screenshot(browser, 'rakuraku-connection-token-refused');
  await click(browser, 'back');
  await atStep('step1');
  await (await byId(browser, 'paste-input')).setValue(TOKEN);
  await click(browser, 'paste-submit');
  await keepCandidate();
  await next('connection_test');
  await fakeRakuraku('script', { kind: 'maintenance' });
  await connectionTest('maintenance');
  assert.match(await text('connection-message'), /メンテナンス中/);
  await screenshot(browser, 'rakuraku-connection-maintenance');
  await connectionTest('ok');
  assert.match(await text('connection-message'), /接続できました/);
  await screenshot(browser, 'rakuraku-connection-ok');

  // Step 2: AgentID typed, AgentKey pasted into the keychain.
  await next('step2');
  await type('agentId', `  ${AGENT_ID} `);
  await (await byId(browser, 'paste-input')).setValue(AGENT_KEY);
  await click(browser, 'paste-submit');
  await keepCandidate();
  await screenshot(browser, 'rakuraku-step2');

  // IP アドレス制限: the three addresses, all copied at once.
  await next('ip_restriction');
  for (const [i, ip] of IPS.entries()) assert.equal(await text(`ip-${i}`), ip);
  assert.match(await text('ip-all-needed'), /3つとも/);
  await click(browser, 'copy-all-ips');
  await eventually(() => readClipboard() === IPS.join('\n'), 'the three addresses are on the clipboard');
  await screenshot(browser, 'rakuraku-ip_restriction');

  // Step 3: 顧客データ連携設定 (取込設定ID left empty: the smallest one is used).
  await next('step3');
  await type('customer.folder', 'clientmaster');
  await type('customer.fileName', '顧客一覧');
  await click(browser, 'input-customer.overwriteInUse-false');
  await click(browser, 'input-customer.overwriteWithBlank-false');
  await click(browser, 'input-customer.readFirstRow-true');
  await screenshot(browser, 'rakuraku-step3');

  // Step 4: two bill-data settings.
  await next('step4');
  await click(browser, 'input-reports[0].timing-scheduled');
  await choose('input-reports[0].timing-every', 'weekly');
  await choose('input-reports[0].timing-weekday', 'mon');
  await choose('input-reports[0].timing-hour', '9');
  await screenshot(browser, 'rakuraku-step4-timing');
  await type('reports[0].reportName', '請求書');
  await type('reports[0].reportTypeId', '１');
  await type('reports[0].folder', 'billdata');
  await type('reports[0].fileName', '請求');
  await click(browser, 'input-reports[0].readFirstRow-false');
  await click(browser, 'input-reports[0].approve-true');
  await type('reports[0].approvalFlowId', '3');
  await eventually(async () => (await text('issue-reports[0].approvalFlowId')).includes('「承認をスキップする」'), 'the 承認する note');
  await reveal('field-reports[0].approvalFlowId');
  await screenshot(browser, 'rakuraku-step4-approval-note');
  await click(browser, 'add-report');
  await click(browser, 'input-reports[1].timing-scheduled');
  await choose('input-reports[1].timing-every', 'monthly');
  await choose('input-reports[1].timing-day', '25');
  await choose('input-reports[1].timing-hour', '0');
  await type('reports[1].reportName', '納品書');
  await type('reports[1].reportTypeId', '2');
  await type('reports[1].folder', 'deliverydata');
  await type('reports[1].fileName', '納品');
  await click(browser, 'input-reports[1].readFirstRow-true');
  await click(browser, 'input-reports[1].approve-false');
  await reveal('report-1');
  await screenshot(browser, 'rakuraku-step4-second');

  // フォルダとファイルの確認 on generated files.
  await next('folder_check');
  base = agentFolder();
  await (await byId(browser, 'folder-base')).setValue(base);
  await click(browser, 'check-folders');
  await (await byId(browser, 'folder-0')).waitForDisplayed({ timeout: 15_000 });
  assert.equal(await (await byId(browser, 'folder-0-file-0')).getAttribute('data-encoding'), 'shift_jis');
  assert.match(await text('folder-0'), /顧客コード/);
  assert.match(await text('folder-0-file-0-message'), /「読み込まない」をおすすめします/);
  assert.match(await text('folder-0-file-0-message'), /設定とは違います/);
  assert.equal(await (await byId(browser, 'folder-1-file-0')).getAttribute('data-encoding'), 'utf8');
  assert.equal(await (await byId(browser, 'folder-1-file-1')).getAttribute('data-problem'), 'empty');
  assert.equal(await (await byId(browser, 'folder-2-file-0')).getAttribute('data-problem'), 'mixed');
  await screenshot(browser, 'rakuraku-folder_check');
  await reveal('folder-1');
  await screenshot(browser, 'rakuraku-folder_check-bills');
  await reveal('folder-2');
  await screenshot(browser, 'rakuraku-folder_check-mixed');

  // 設定シート: every value, in the order of the 楽楽コネクタ screens.
  await next('sheet');
  const value = (key) => text(`sheet-value-${key}`);
  const expected = {
    meisaiUrl: `https://rbsample.eco-serv.jp/${ACCOUNT}/`,
    apiToken: `••••${TOKEN.slice(-4)}`,
    agentId: AGENT_ID,
    agentKey: `••••${AGENT_KEY.slice(-4)}`,
    'ipAddresses[0]': IPS[0],
    'ipAddresses[1]': IPS[1],
    'ipAddresses[2]': IPS[2],
    'customer.importSettingId': '（未入力）',
    'customer.folder': 'clientmaster',
    'customer.fileName': '顧客一覧',
    'customer.overwriteInUse': '上書きしない',
    'customer.overwriteWithBlank': 'もとの値を残す',
    'customer.readFirstRow': '読み込む',
    'reports[0].timing': 'スケジュール実行',
    'reports[0].timing.every': '毎週',
    'reports[0].timing.every.weekday': '月曜日',
    'reports[0].timing.hour': '9時',
    'reports[0].reportName': '請求書',
    'reports[0].reportTypeId': '1',
    'reports[0].folder': 'billdata',
    'reports[0].fileName': '請求',
    'reports[0].readFirstRow': '読み込まない',
    'reports[0].approve': '承認する',
    'reports[0].approvalFlowId': '3',
    'reports[1].timing': 'スケジュール実行',
    'reports[1].timing.every': '毎月',
    'reports[1].timing.every.day': '25日',
    'reports[1].timing.hour': '0時',
    'reports[1].reportName': '納品書',
    'reports[1].reportTypeId': '2',
    'reports[1].folder': 'deliverydata',
    'reports[1].fileName': '納品',
    'reports[1].readFirstRow': '読み込む',
    'reports[1].approve': '承認しない',
    'reports[1].approvalFlowId': '（未入力）',
  };
  const rows = await browser.$$('[data-testid^="sheet-row-"]');
  const keys = [];
  for (const row of rows) keys.push((await row.getAttribute('data-testid')).slice('sheet-row-'.length));
  assert.deepEqual(keys, Object.keys(expected), 'every value, in the order of the screens');
  for (const [key, want] of Object.entries(expected)) assert.equal(await value(key), want, key);
  assert.match(await text('sheet-row-reports[0].approvalFlowId'), /「承認をスキップする」/);
  assert.doesNotMatch(await text('sheet'), new RegExp(TOKEN));
  await screenshot(browser, 'rakuraku-sheet');

  // A secret is copied from the keychain, a plain value as it is.
  await click(browser, 'copy-apiToken');
  await eventually(() => readClipboard() === TOKEN, 'the API token is on the clipboard');
  await (await byId(browser, 'copy-apiToken-state')).waitForDisplayed({ timeout: 5000 });
  await click(browser, 'copy-customer.folder');
  await eventually(() => readClipboard() === 'clientmaster', 'the folder name is on the clipboard');
  await reveal('sheet-row-reports[0].timing');
  await screenshot(browser, 'rakuraku-sheet-bills');

  // JSON without secrets.
  await click(browser, 'export-sheet');
  const exported = await eventually(async () => (await (await byId(browser, 'sheet-exported')).getText()).split(': ').slice(1).join(': ').trim(), 'the export is written');
  const json = readFileSync(exported, 'utf8');
  const doc = JSON.parse(json);
  assert.equal(doc.meisaiUrl, expected.meisaiUrl);
  assert.equal(doc.apiTokenStored, true);
  assert.equal(doc.reports.length, 2);
  assert.ok(!json.includes(TOKEN) && !json.includes(AGENT_KEY), 'no secret in the export');

  await next('done');
  await screenshot(browser, 'rakuraku-done');
  await click(browser, 'go-dashboard');
  const row = await browser.$('[data-testid^="dashboard-row-"][data-kind="rakuraku_api_token"]');
  await row.waitForDisplayed({ timeout: 15_000 });
  await browser.execute((e) => e.scrollIntoView({ block: 'center' }), row);
  await screenshot(browser, 'rakuraku-dashboard');

  // The configuration is saved: opened again, the sheet shows the same values.
  await click(browser, `start-flow-rakuraku_connector`);
  await atStep('shop');
  const reopened = await browser.$('[data-testid^="shop-option-"]');
  await reopened.click();
  await click(browser, 'next');
  await atStep('options');
  assert.equal(await (await byId(browser, 'input-ipRestriction')).isSelected(), true, 'the options were kept');

  await browser.deleteSession();
  browser = undefined;

  // The fake 楽楽明細 saw the account's customers search with the token in its header.
  const requests = await (await fetch(`${env('FAKE_RAKURAKU_URL')}/__fake/requests`)).json();
  assert.ok(requests.some((r) => r.path === `/${ACCOUNT}/api/v1/customers/` && r.apiToken === TOKEN), 'the connection test reached 楽楽明細');
  assert.ok(secretServiceHolds(TOKEN), 'API token stored in the Secret Service');
  assert.ok(secretServiceHolds(AGENT_KEY), 'AgentKey stored in the Secret Service');
  assertNoSecretInSqlite([TOKEN, WRONG_TOKEN, AGENT_KEY]);
});
