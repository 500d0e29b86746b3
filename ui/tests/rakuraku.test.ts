// The 楽楽コネクタ setup as a shop owner goes through it, against the fake backend. Texts the
// backend owns are read from the generated fixture, never written here.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import FlowView from '../src/views/FlowView.svelte';
import Dashboard from '../src/views/Dashboard.svelte';
import texts from '../src/lib/generated/texts.json';
import type { ConnectorConfig, FlowView as Flow } from '../src/lib/bindings/index';
import { emptyConnector } from '../src/lib/fakeRakuraku';
import { flowView } from '../src/lib/fakeTexts';
import type { FakeBackend } from '../src/lib/fakeBackend';
import { byTestId, useFake } from './helpers';

const FLOW = 'rakuraku_connector';
const TOKEN = 'a1B2c3D4e5F6g7H8j9K0m1N2p3Q4r5S6t7U8v9W0x1Y2z3A4b5C6d7E8f9G0h1J2';
const rules = texts.rakurakuRuleMessages;
const outcomes = texts.connectionMessages;

afterEach(() => {
  cleanup();
  delete document.body.dataset.ready;
});

const flow = (): Flow => flowView(FLOW, 'ja') ?? expect.unreachable('texts.json has no 楽楽コネクタ flow');
const next = (c: HTMLElement) => byTestId(c, 'next') as HTMLButtonElement;
const at = (c: HTMLElement, id: string) => waitFor(() => byTestId(c, `step-${id}`));
const input = (c: HTMLElement, path: string) => byTestId(c, `input-${path}`) as HTMLInputElement;

/** A 楽楽明細 shop with the flow opened at `step`. */
async function openAt(fake: FakeBackend, step: string, config?: Partial<ConnectorConfig>) {
  const shop = await fake.addShop('楽楽明細（本社）', 'rakuraku');
  if (config) await fake.saveRakurakuConnector(shop.id, { ...emptyConnector(), ...config });
  await fake.saveProgress({ flow_id: FLOW, shop_id: shop.id, step_id: step, completed: [], credential_id: null });
  const view = render(FlowView, { flowId: FLOW, onexit: () => {} });
  await at(view.container, step);
  return { shop, container: view.container };
}

/** Stores a secret of the shop as the capture step does (paste, then keep). */
async function storeSecret(fake: FakeBackend, shopId: string, kind: 'rakuraku_api_token' | 'rakuraku_agent_key', text: string) {
  const candidate = await fake.candidateFromText(kind, shopId, text);
  return fake.acceptCandidate(candidate.token, shopId, { date: null, name: null });
}

async function type(c: HTMLElement, path: string, value: string) {
  await fireEvent.input(input(c, path), { target: { value } });
  await fireEvent.blur(input(c, path));
}

const complete: Partial<ConnectorConfig> = {
  meisaiUrl: 'https://rbsample.eco-serv.jp/abc123/',
  agentId: 'AGENT-77',
  customer: { importSettingId: '', folder: 'clientmaster', fileName: '顧客', overwriteInUse: true, overwriteWithBlank: false, readFirstRow: false },
  reports: [
    { timing: { type: 'scheduled', every: { type: 'weekly', weekday: 'fri' }, hour: 18 }, reportName: '請求書', reportTypeId: '1', folder: 'billdata', fileName: '請求', readFirstRow: false, approve: false, approvalFlowId: '' },
  ],
};

describe('楽楽コネクタ on the dashboard', () => {
  it('offers the flow as a tile with its title from the backend', async () => {
    useFake();
    const { container } = render(Dashboard, { onstartflow: () => {} });
    await waitFor(() => expect(byTestId(container, `start-flow-${FLOW}`).textContent).toContain(flow().title));
  });
});

describe('Step 1: 「楽楽明細」URL', () => {
  it('shows the URL to enter in 楽楽コネクタ as the admin screen URL is typed, /backadmin dropped', async () => {
    const fake = useFake();
    const { container } = await openAt(fake, 'step1');
    const step = flow().steps.find((s) => s.id === 'step1')!;
    const url = step.kind.type === 'form' ? step.kind.fields.find((f) => f.id === 'meisaiUrl')! : expect.unreachable();
    expect(container.querySelector(`label[for="${input(container, 'meisaiUrl').id}"]`)?.textContent).toContain(url.label);
    for (const help of url.help) expect(container.textContent).toContain(help);

    await type(container, 'meisaiUrl', 'https://RBSAMPLE.eco-serv.jp/abc123/backadmin/top');
    await waitFor(() => expect(byTestId(container, 'normalized-meisaiUrl').textContent).toContain('https://rbsample.eco-serv.jp/abc123/'));
    expect(input(container, 'meisaiUrl').value).toBe('https://RBSAMPLE.eco-serv.jp/abc123/backadmin/top');
    expect(input(container, 'meisaiUrl').getAttribute('aria-describedby')).toContain('help');
  });

  it('warns when the host is not under eco-serv.jp, and refuses http://', async () => {
    const fake = useFake();
    const { container } = await openAt(fake, 'step1');
    await type(container, 'meisaiUrl', 'https://meisai.example.com/abc123/');
    await waitFor(() => expect(byTestId(container, 'field-meisaiUrl').textContent).toContain(rules.url_not_eco_serv.ja));
    expect(byTestId(container, 'issue-meisaiUrl').dataset.code).toBe('url_not_eco_serv');

    await type(container, 'meisaiUrl', 'http://rbsample.eco-serv.jp/abc123/');
    await waitFor(() => expect(byTestId(container, 'field-meisaiUrl').textContent).toContain(rules.url_not_https.ja));
    expect(input(container, 'meisaiUrl').getAttribute('aria-invalid')).toBe('true');
    expect(next(container).disabled).toBe(true);
  });

  it('keeps the pasted API token in the keychain and enables 次へ once both values are there', async () => {
    const fake = useFake();
    const { container, shop } = await openAt(fake, 'step1');
    await type(container, 'meisaiUrl', 'rbsample.eco-serv.jp/abc123/backadmin');
    await fireEvent.input(byTestId(container, 'paste-input'), { target: { value: ` ${TOKEN} ` } });
    await fireEvent.click(byTestId(container, 'paste-submit'));
    await waitFor(() => byTestId(container, 'candidate-accept'));
    await fireEvent.click(byTestId(container, 'candidate-accept'));
    await waitFor(() => expect(next(container).disabled).toBe(false));
    const saved = await fake.rakurakuConnector(shop.id);
    expect(saved.config.meisaiUrl).toBe('https://rbsample.eco-serv.jp/abc123/');
    expect(saved.config.apiToken?.masked).toBe(`••••${TOKEN.slice(-4)}`);
    expect(fake.rakuraku.configs.get(shop.id)?.apiToken ?? null).toBeNull();
  });
});

describe('Connection test', () => {
  it('says the token was refused, in the backend’s words, and that a right one works', async () => {
    const fake = useFake();
    const shop = await fake.addShop('楽楽明細（本社）', 'rakuraku');
    await fake.saveRakurakuConnector(shop.id, { ...emptyConnector(), meisaiUrl: 'https://rbsample.eco-serv.jp/abc123/' });
    await storeSecret(fake, shop.id, 'rakuraku_api_token', `${TOKEN.slice(0, -1)}X`);
    fake.rakuraku.accounts.set('abc123', TOKEN);
    await fake.saveProgress({ flow_id: FLOW, shop_id: shop.id, step_id: 'connection_test', completed: [], credential_id: null });
    const { container } = render(FlowView, { flowId: FLOW, onexit: () => {} });
    await at(container, 'connection_test');
    expect(byTestId(container, 'connection-url').textContent).toBe('https://rbsample.eco-serv.jp/abc123/');

    await fireEvent.click(byTestId(container, 'test-connection'));
    await waitFor(() => expect(byTestId(container, 'connection-result').dataset.code).toBe('token_refused'));
    expect(byTestId(container, 'connection-message').textContent).toBe(outcomes.token_refused.ja);

    await storeSecret(fake, shop.id, 'rakuraku_api_token', TOKEN);
    await fireEvent.click(byTestId(container, 'test-connection'));
    await waitFor(() => expect(byTestId(container, 'connection-result').dataset.code).toBe('ok'));
    expect(byTestId(container, 'connection-message').textContent).toBe(outcomes.ok.ja);
  });

  it('tells maintenance apart', async () => {
    const fake = useFake();
    const shop = await fake.addShop('楽楽明細（本社）', 'rakuraku');
    await fake.saveRakurakuConnector(shop.id, { ...emptyConnector(), meisaiUrl: 'https://rbsample.eco-serv.jp/abc123/' });
    await storeSecret(fake, shop.id, 'rakuraku_api_token', TOKEN);
    fake.rakuraku.nextOutcome = 'maintenance';
    await fake.saveProgress({ flow_id: FLOW, shop_id: shop.id, step_id: 'connection_test', completed: [], credential_id: null });
    const { container } = render(FlowView, { flowId: FLOW, onexit: () => {} });
    await at(container, 'connection_test');
    await fireEvent.click(byTestId(container, 'test-connection'));
    await waitFor(() => expect(byTestId(container, 'connection-message').textContent).toBe(outcomes.maintenance.ja));
  });
});

describe('IP アドレス制限', () => {
  async function step2Done(fake: FakeBackend, ipRestriction: boolean) {
    const { container, shop } = await openAt(fake, 'step2', { ...complete, ipRestriction });
    await storeSecret(fake, shop.id, 'rakuraku_agent_key', 'agent-key-0123456789');
    return { container, shop };
  }

  it('is passed over without the option', async () => {
    const fake = useFake();
    const { container } = await step2Done(fake, false);
    await type(container, 'agentId', 'AGENT-77');
    // The key was stored outside the page: reload the step's view by leaving and coming back.
    await fireEvent.click(byTestId(container, 'back'));
    await at(container, 'connection_test');
    await fireEvent.click(next(container));
    await at(container, 'step2');
    await waitFor(() => expect(next(container).disabled).toBe(false));
    await fireEvent.click(next(container));
    await at(container, 'step3');
    expect(container.querySelector('[data-testid="step-ip_restriction"]')).toBeNull();
  });

  it('lists the three addresses with the option, each and all copyable', async () => {
    const fake = useFake();
    const { container } = await openAt(fake, 'ip_restriction', { ...complete, ipRestriction: true });
    const step = flow().steps.find((s) => s.id === 'ip_restriction')!;
    const addresses = step.kind.type === 'ipAllowList' ? step.kind.addresses : expect.unreachable();
    expect(addresses).toEqual(['54.249.9.251', '54.65.148.180', '52.68.168.58']);
    addresses.forEach((ip, i) => expect(byTestId(container, `ip-${i}`).textContent).toBe(ip));
    for (const para of step.body) expect(container.textContent).toContain(para);
    expect(byTestId(container, 'ip-all-needed').textContent).toContain('3');

    await fireEvent.click(byTestId(container, 'copy-ip-1'));
    await waitFor(() => expect(fake.copiedTexts).toEqual(['54.65.148.180']));
    await fireEvent.click(byTestId(container, 'copy-all-ips'));
    await waitFor(() => expect(fake.copiedTexts.at(-1)).toBe(addresses.join('\n')));
  });
});

describe('Step 4: 帳票データ連携設定', () => {
  async function fillReport(c: HTMLElement, i: number, values: { name: string; type: string; folder: string; file: string }) {
    const p = `reports[${i}]`;
    await type(c, `${p}.reportName`, values.name);
    await type(c, `${p}.reportTypeId`, values.type);
    await type(c, `${p}.folder`, values.folder);
    await type(c, `${p}.fileName`, values.file);
  }

  it('takes two settings with their timings, and saves them in order', async () => {
    const fake = useFake();
    const { container, shop } = await openAt(fake, 'step4', { ...complete, reports: [] });
    await waitFor(() => byTestId(container, 'report-0'));
    expect(next(container).disabled).toBe(true);

    await fireEvent.click(byTestId(container, 'input-reports[0].timing-scheduled'));
    await fireEvent.change(byTestId(container, 'input-reports[0].timing-every'), { target: { value: 'weekly' } });
    await fireEvent.change(byTestId(container, 'input-reports[0].timing-weekday'), { target: { value: 'tue' } });
    await fireEvent.change(byTestId(container, 'input-reports[0].timing-hour'), { target: { value: '7' } });
    await fillReport(container, 0, { name: '請求書', type: '１', folder: 'billdata', file: '請求' });
    await fireEvent.click(byTestId(container, 'input-reports[0].readFirstRow-false'));
    await fireEvent.click(byTestId(container, 'input-reports[0].approve-false'));

    await fireEvent.click(byTestId(container, 'add-report'));
    await waitFor(() => byTestId(container, 'report-1'));
    expect(byTestId(container, 'report-1').textContent).toContain('Step4.帳票データ連携設定2');
    await fireEvent.click(byTestId(container, 'input-reports[1].timing-scheduled'));
    await fireEvent.change(byTestId(container, 'input-reports[1].timing-every'), { target: { value: 'monthly' } });
    await fireEvent.change(byTestId(container, 'input-reports[1].timing-day'), { target: { value: '25' } });
    await fillReport(container, 1, { name: '納品書', type: '2', folder: 'deliverydata', file: '納品' });
    await fireEvent.click(byTestId(container, 'input-reports[1].readFirstRow-true'));
    await fireEvent.click(byTestId(container, 'input-reports[1].approve-true'));

    await waitFor(() => expect(next(container).disabled).toBe(false));
    const reports = fake.rakuraku.configs.get(shop.id)!.reports;
    expect(reports).toHaveLength(2);
    expect(reports[0]).toMatchObject({ timing: { type: 'scheduled', every: { type: 'weekly', weekday: 'tue' }, hour: 7 }, reportName: '請求書', reportTypeId: '1', approve: false });
    expect(reports[1]).toMatchObject({ timing: { type: 'scheduled', every: { type: 'monthly', day: 25 }, hour: 0 }, reportName: '納品書', folder: 'deliverydata', readFirstRow: true, approve: true });
  });

  it('explains 承認する and 承認しない, and with the 承認フロー option notes which flows 承認する can use', async () => {
    const fake = useFake();
    const { container } = await openAt(fake, 'step4', { ...complete, approvalFlowOption: false });
    const field = byTestId(container, 'field-reports[0].approve');
    const step = flow().steps.find((s) => s.id === 'step4')!;
    const approve = step.kind.type === 'form' ? step.kind.fields.find((f) => f.id === 'approve')! : expect.unreachable();
    const options = approve.input.type === 'choice' ? approve.input.options : expect.unreachable();
    for (const o of options) expect(field.textContent).toContain(o.help);
    expect(container.querySelector('[data-testid="field-reports[0].approvalFlowId"]')).toBeNull();
    cleanup();

    const withOption = await openAt(fake, 'step4', { ...complete, approvalFlowOption: true });
    const c = withOption.container;
    await fireEvent.click(byTestId(c, 'input-reports[0].approve-true'));
    await waitFor(() => expect(byTestId(c, 'issue-reports[0].approvalFlowId').dataset.code).toBe('approval_skip_flow_only'));
    expect(byTestId(c, 'field-reports[0].approvalFlowId').textContent).toContain(rules.approval_skip_flow_only.ja);
    // A note, not a blocker.
    await waitFor(() => expect(next(c).disabled).toBe(false));
  });
});

describe('Saving as typed', () => {
  it('keeps what was typed on one screen when the next one is filled in at once', async () => {
    const fake = useFake();
    const { container, shop } = await openAt(fake, 'step3', { ...complete, customer: emptyConnector().customer });
    await type(container, 'customer.folder', 'kokyaku');
    await type(container, 'customer.fileName', 'customers_');
    for (const f of ['overwriteInUse', 'overwriteWithBlank', 'readFirstRow']) await fireEvent.click(byTestId(container, `input-customer.${f}-true`));
    // 次へ right away, before the pause that saves: leaving the step saves it.
    await waitFor(() => expect(next(container).disabled).toBe(false));
    await fireEvent.click(next(container));
    await at(container, 'step4');
    await type(container, 'reports[0].reportName', '請求書（改）');
    await waitFor(() => expect(fake.rakuraku.configs.get(shop.id)?.reports[0].reportName).toBe('請求書（改）'));
    expect(fake.rakuraku.configs.get(shop.id)?.customer).toMatchObject({ folder: 'kokyaku', fileName: 'customers_', overwriteInUse: true, readFirstRow: true });
  });
});

describe('Settings sheet', () => {
  async function openSheet() {
    const fake = useFake();
    const shop = await fake.addShop('楽楽明細（本社）', 'rakuraku');
    const token = await storeSecret(fake, shop.id, 'rakuraku_api_token', TOKEN);
    await storeSecret(fake, shop.id, 'rakuraku_agent_key', 'agent-key-0123456789');
    const second = { ...complete.reports![0], reportName: '納品書', folder: 'deliverydata', fileName: '納品', timing: { type: 'manual' as const } };
    await fake.saveRakurakuConnector(shop.id, { ...emptyConnector(), ...complete, ipRestriction: true, reports: [...complete.reports!, second] });
    await fake.saveProgress({ flow_id: FLOW, shop_id: shop.id, step_id: 'sheet', completed: [], credential_id: null });
    const view = render(FlowView, { flowId: FLOW, onexit: () => {} });
    await at(view.container, 'sheet');
    return { fake, shop, token, container: view.container };
  }

  it('lists every value in the order of the 楽楽コネクタ screens', async () => {
    const { container } = await openSheet();
    const keys = [...container.querySelectorAll<HTMLElement>('[data-testid^="sheet-row-"]')].map((r) => r.dataset.testid!.slice('sheet-row-'.length));
    expect(keys).toEqual([
      'meisaiUrl', 'apiToken', 'agentId', 'agentKey',
      'ipAddresses[0]', 'ipAddresses[1]', 'ipAddresses[2]',
      'customer.importSettingId', 'customer.folder', 'customer.fileName', 'customer.overwriteInUse', 'customer.overwriteWithBlank', 'customer.readFirstRow',
      'reports[0].timing', 'reports[0].timing.every', 'reports[0].timing.every.weekday', 'reports[0].timing.hour',
      'reports[0].reportName', 'reports[0].reportTypeId', 'reports[0].folder', 'reports[0].fileName', 'reports[0].readFirstRow', 'reports[0].approve',
      'reports[1].timing', 'reports[1].reportName', 'reports[1].reportTypeId', 'reports[1].folder', 'reports[1].fileName', 'reports[1].readFirstRow', 'reports[1].approve',
    ]);
    const value = (key: string) => byTestId(container, `sheet-value-${key}`).textContent;
    expect(value('meisaiUrl')).toBe('https://rbsample.eco-serv.jp/abc123/');
    expect(value('apiToken')).toBe(`••••${TOKEN.slice(-4)}`);
    expect(value('reports[0].timing')).toBe('スケジュール実行');
    expect(value('reports[0].timing.every.weekday')).toBe('金曜日');
    expect(value('reports[0].timing.hour')).toBe('18時');
    expect(value('reports[1].timing')).toBe('手動実行');
    expect(value('customer.overwriteWithBlank')).toBe('もとの値を残す');
    expect(container.textContent).not.toContain(TOKEN);
    expect(container.textContent).toContain('Step4.帳票データ連携設定2');
  });

  it('copies a secret row from the keychain with copy_credential, a plain row as text', async () => {
    const { fake, token, container } = await openSheet();
    const copy = vi.spyOn(fake, 'copyCredential');
    await fireEvent.click(byTestId(container, 'copy-apiToken'));
    await waitFor(() => expect(copy).toHaveBeenCalledWith(token.id));
    await waitFor(() => expect(byTestId(container, 'copy-apiToken-state').textContent).toContain('60'));
    expect(fake.copiedTexts).toEqual([]);
    await fireEvent.click(byTestId(container, 'copy-customer.folder'));
    await waitFor(() => expect(fake.copiedTexts).toEqual(['clientmaster']));
  });

  it('exports the configuration as JSON without the secrets', async () => {
    const { fake, container } = await openSheet();
    await fireEvent.click(byTestId(container, 'export-sheet'));
    await waitFor(() => expect(byTestId(container, 'sheet-exported').textContent).toContain('kagiban-rakuraku-connector'));
    const json = fake.files.at(-1)!.text;
    expect(JSON.parse(json)).toMatchObject({ apiTokenStored: true, agentKeyStored: true, agentId: 'AGENT-77' });
    expect(json).not.toContain(TOKEN);
    expect(json).not.toContain('agent-key-0123456789');
  });
});

describe('Folder check', () => {
  it('checks the folders under the place typed and shows encodings, first rows and the ファイル1行目 advice', async () => {
    const fake = useFake();
    const { container, shop } = await openAt(fake, 'folder_check', complete);
    await fireEvent.click(byTestId(container, 'check-folders'));
    await waitFor(() => byTestId(container, 'folder-error'));
    expect(byTestId(container, 'folder-error').textContent).toContain(texts.errorMessages.no_agent_folder.ja);

    await fireEvent.input(byTestId(container, 'folder-base'), { target: { value: 'D:\\qanat\\userdata' } });
    await fireEvent.click(byTestId(container, 'check-folders'));
    await waitFor(() => byTestId(container, 'folder-0'));
    expect(byTestId(container, 'folder-0-file-0').dataset.encoding).toBe('shift_jis');
    expect(byTestId(container, 'folder-0').textContent).toContain('顧客コード');
    expect(byTestId(container, 'folder-1-file-1').dataset.problem).toBe('empty');
    expect(byTestId(container, 'folder-2').dataset.exists).toBe('false');
    expect(byTestId(container, 'folder-0').textContent).toContain('D:\\qanat\\userdata');
    expect(fake.rakuraku.configs.get(shop.id)?.agentFolder).toBe('D:\\qanat\\userdata');
  });
});
