// The Amazon flows as a shop owner goes through them, against the fake backend. Texts the
// backend owns are read from the generated fixture, never written here.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../src/App.svelte';
import Dashboard from '../src/views/Dashboard.svelte';
import FlowView from '../src/views/FlowView.svelte';
import type { FlowView as Flow, StepView } from '../src/lib/bindings/index';
import { errorMessages, flowView, verifyMessagesAmazon } from '../src/lib/fakeTexts';
import { byTestId, useFake } from './helpers';

const SP = 'amazon_sp_api';
const MWS = 'amazon_mws';
const CLIENT_SECRET = `amzn1.oa2-cs.v1.${'0a1b2c3d4e5f6789'.repeat(4)}`;

afterEach(() => {
  cleanup();
  delete document.body.dataset.ready;
});

const next = (c: HTMLElement) => byTestId(c, 'next') as HTMLButtonElement;
const at = (c: HTMLElement, id: string) => waitFor(() => byTestId(c, `step-${id}`));
const flow = (id: string): Flow => flowView(id, 'ja') ?? expect.unreachable(`texts.json has no ${id}`);
const step = (f: Flow, id: string): StepView => f.steps.find((s) => s.id === id) ?? expect.unreachable(`no step ${id}`);

/** Pastes a value into the capture step's manual field and waits for the candidate. */
async function paste(c: HTMLElement, text: string) {
  await fireEvent.input(byTestId(c, 'paste-input'), { target: { value: text } });
  await fireEvent.click(byTestId(c, 'paste-submit'));
  await waitFor(() => byTestId(c, 'candidate-accept'));
}

describe('SP-API: dated captures', () => {
  it('asks for the client secret’s issue day, today by default, and sends it with the key', async () => {
    const fake = useFake();
    await fake.saveProgress({ flow_id: SP, shop_id: 'shop-amazon', step_id: 'client_secret', completed: [], credential_id: null });
    const accept = vi.spyOn(fake, 'acceptCandidate');
    const { container } = render(FlowView, { flowId: SP, onexit: () => {} });
    await at(container, 'client_secret');
    expect(next(container).disabled).toBe(true);

    await paste(container, CLIENT_SECRET);
    const prompt = (step(flow(SP), 'client_secret').kind as Extract<StepView['kind'], { type: 'capture' }>).date!;
    const date = byTestId(container, 'capture-date') as HTMLInputElement;
    expect(container.querySelector('label[for="capture-date"]')?.textContent).toBe(prompt.label);
    expect(container.textContent).toContain(prompt.hint);
    expect(date.type).toBe('date');
    expect(date.value).toBe('2026-05-01');
    expect(date.max).toBe('2026-05-01');
    expect(container.querySelector('[data-testid="capture-name"]')).toBeNull();

    await fireEvent.input(date, { target: { value: '2026-03-02' } });
    await fireEvent.click(byTestId(container, 'candidate-accept'));
    await waitFor(() => expect(next(container).disabled).toBe(false));
    expect(accept).toHaveBeenCalledWith(expect.stringMatching(/^cand-/), 'shop-amazon', { date: '2026-03-02', name: null });
    // 180 days counting the issue day: 2026-03-02 … 2026-08-28.
    expect(byTestId(container, 'capture-expires').textContent).toContain('2026/08/28');
  });

  it('shows a refused day next to the date field, in the backend’s words, and keeps the key waiting', async () => {
    const fake = useFake();
    await fake.saveProgress({ flow_id: SP, shop_id: 'shop-amazon', step_id: 'refresh_token', completed: [], credential_id: null });
    const { container } = render(FlowView, { flowId: SP, onexit: () => {} });
    await at(container, 'refresh_token');
    await paste(container, 'Atzr|IwEBIForTestsOnly0123456789abcdef');
    await fireEvent.input(byTestId(container, 'capture-date'), { target: { value: '2026-05-02' } });
    await fireEvent.click(byTestId(container, 'candidate-accept'));
    await waitFor(() => expect(byTestId(container, 'capture-date-error').textContent?.trim()).toBe(errorMessages.invalid_date.ja));
    expect(byTestId(container, 'capture-date').getAttribute('aria-invalid')).toBe('true');
    expect(byTestId(container, 'candidate-accept')).toBeTruthy();
    expect(next(container).disabled).toBe(true);
  });
});

describe('SP-API: marketplace', () => {
  it('preselects Japan and enables 次へ once the choice is saved', async () => {
    const fake = useFake();
    const shop = await fake.addShop('Amazon 2号店', 'amazon');
    await fake.saveProgress({ flow_id: SP, shop_id: shop.id, step_id: 'marketplace', completed: [], credential_id: null });
    const { container } = render(FlowView, { flowId: SP, onexit: () => {} });
    await at(container, 'marketplace');

    const select = byTestId(container, 'marketplace-select') as HTMLSelectElement;
    const choice = step(flow(SP), 'marketplace').kind as Extract<StepView['kind'], { type: 'chooseMarketplace' }>;
    expect(select.value).toBe(choice.default);
    expect(select.selectedOptions[0].textContent).toBe(choice.options.find((o) => o.id === choice.default)?.label);
    expect(select.options).toHaveLength(choice.options.length);
    expect(next(container).disabled).toBe(true);

    await fireEvent.click(byTestId(container, 'marketplace-save'));
    await waitFor(() => expect(next(container).disabled).toBe(false));
    expect(byTestId(container, 'marketplace-current').textContent).toContain('日本（A1VC38T7YXB528）');
    expect(fake.creds.filter((c) => c.shopId === shop.id && c.kind === 'amazon_marketplace_id').map((c) => c.secret)).toEqual(['A1VC38T7YXB528']);
  });

  it('shows the marketplace a shop already has, lets 次へ through, and can change it', async () => {
    const fake = useFake();
    await fake.saveProgress({ flow_id: SP, shop_id: 'shop-amazon', step_id: 'marketplace', completed: [], credential_id: null });
    const { container } = render(FlowView, { flowId: SP, onexit: () => {} });
    await at(container, 'marketplace');
    await waitFor(() => expect(byTestId(container, 'marketplace-current').dataset.id).toBe('A1VC38T7YXB528'));
    expect(next(container).disabled).toBe(false);

    await fireEvent.click(byTestId(container, 'marketplace-change'));
    await fireEvent.change(byTestId(container, 'marketplace-select'), { target: { value: 'ATVPDKIKX0DER' } });
    await fireEvent.click(byTestId(container, 'marketplace-save'));
    await waitFor(() => expect(byTestId(container, 'marketplace-current').dataset.id).toBe('ATVPDKIKX0DER'));
    const current = fake.creds.filter((c) => c.shopId === 'shop-amazon' && c.kind === 'amazon_marketplace_id' && c.state !== 'superseded');
    expect(current.map((c) => c.secret)).toEqual(['ATVPDKIKX0DER']);
  });
});

describe('SP-API: verify and restricted data', () => {
  it('verifies the refresh token saved in this run, in Amazon’s words', async () => {
    const fake = useFake();
    const cand = await fake.candidateFromText('lwa_refresh_token', 'shop-amazon', 'Atzr|IwEBIForTestsOnly0123456789abcdef');
    const token = await fake.acceptCandidate(cand.token, 'shop-amazon', { date: '2026-04-30', name: null });
    expect(token.state).toBe('pending');
    await fake.saveProgress({ flow_id: SP, shop_id: 'shop-amazon', step_id: 'verify', completed: [], credential_id: token.id });
    const verify = vi.spyOn(fake, 'verifyCredential');
    const { container } = render(FlowView, { flowId: SP, onexit: () => {} });
    await at(container, 'verify');
    expect(next(container).disabled).toBe(true);

    fake.nextVerifyCode = 'invalid_grant';
    await fireEvent.click(byTestId(container, 'verify-button'));
    await waitFor(() => expect(byTestId(container, 'verify-result').dataset.code).toBe('invalid_grant'));
    expect(byTestId(container, 'verify-result').textContent).toContain(verifyMessagesAmazon.invalid_grant.ja);
    expect(container.querySelector('details.help')).toBeNull(); // the RMS help is for Rakuten only
    expect(next(container).disabled).toBe(true);

    await fireEvent.click(byTestId(container, 'verify-button'));
    await waitFor(() => expect(byTestId(container, 'verify-result').dataset.code).toBe('ok'));
    expect(verify).toHaveBeenLastCalledWith(token.id);
    expect(byTestId(container, 'verify-result').textContent).toContain('有効期限: 2027/04/29');
    expect(byTestId(container, 'verify-result').textContent).toContain(verifyMessagesAmazon.ok.ja);
    expect(next(container).disabled).toBe(false);
    expect(fake.creds.find((c) => c.id === token.id)?.state).toBe('active');
  });

  it('checks the needs ticked and shows the missing roles; the step stays optional', async () => {
    const fake = useFake();
    await fake.saveProgress({ flow_id: SP, shop_id: 'shop-amazon', step_id: 'rdt', completed: [], credential_id: null });
    const check = vi.spyOn(fake, 'checkRdt');
    const { container } = render(FlowView, { flowId: SP, onexit: () => {} });
    await at(container, 'rdt');
    expect(next(container).disabled).toBe(false);
    expect((byTestId(container, 'rdt-check') as HTMLButtonElement).disabled).toBe(true);

    const needs = (step(flow(SP), 'rdt').kind as Extract<StepView['kind'], { type: 'rdtCheck' }>).needs;
    const tax = needs.findIndex((n) => n.need.kind === 'buyer_tax_information');
    const address = needs.findIndex((n) => n.need.kind === 'shipping_address');
    expect(byTestId(container, `rdt-need-${tax}`).closest('label')?.textContent).toContain(needs[tax].label);
    await fireEvent.click(byTestId(container, `rdt-need-${address}`));
    await fireEvent.click(byTestId(container, `rdt-need-${tax}`));
    await fireEvent.input(byTestId(container, 'rdt-document-id'), { target: { value: ' amzn1.tortuga.4.fe.0123 ' } });
    await fireEvent.input(byTestId(container, 'rdt-target-app'), { target: { value: 'amzn1.sellerapps.app.target' } });
    await fireEvent.click(byTestId(container, 'rdt-check'));

    await waitFor(() => expect(byTestId(container, 'rdt-result').dataset.code).toBe('missing_role'));
    expect(check).toHaveBeenCalledWith(
      'shop-amazon',
      [{ kind: 'shipping_address' }, { kind: 'buyer_tax_information' }, { kind: 'report_document', reportDocumentId: 'amzn1.tortuga.4.fe.0123' }],
      'amzn1.sellerapps.app.target',
    );
    const report = await check.mock.results[0].value;
    const result = byTestId(container, 'rdt-result');
    expect(result.querySelector('.message')?.textContent).toBe(report.message);
    expect(report.message).toContain('\n');
    expect([...byTestId(result, 'rdt-roles').querySelectorAll('li')].map((li) => li.textContent)).toEqual(report.roles);
    expect(report.roles.length).toBeGreaterThan(0);
    expect(result.textContent).toContain('確認した対象: 3 件');
    expect(next(container).disabled).toBe(false);

    // Without the tax information Amazon grants the token.
    await fireEvent.click(byTestId(container, `rdt-need-${tax}`));
    await fireEvent.click(byTestId(container, 'rdt-check'));
    await waitFor(() => expect(byTestId(container, 'rdt-result').dataset.code).toBe('ok'));
    expect(byTestId(container, 'rdt-result').textContent).toContain('アプリに必要なロールがあります');
  });

  it('shows a backend refusal of the check inline', async () => {
    const fake = useFake();
    const shop = await fake.addShop('Amazon 2号店', 'amazon');
    await fake.saveProgress({ flow_id: SP, shop_id: shop.id, step_id: 'rdt', completed: [], credential_id: null });
    const { container } = render(FlowView, { flowId: SP, onexit: () => {} });
    await at(container, 'rdt');
    await fireEvent.click(byTestId(container, 'rdt-need-0'));
    await fireEvent.click(byTestId(container, 'rdt-check'));
    await waitFor(() => expect(byTestId(container, 'rdt-error').textContent?.trim()).toBe(errorMessages.missing_client_secret.ja));
    expect(container.querySelector('[data-testid="rdt-result"]')).toBeNull();
  });
});

describe('MWS (legacy)', () => {
  it('opens with the end-of-MWS notice, whose button switches to the SP-API flow', async () => {
    const fake = useFake();
    const { container } = render(App);
    await waitFor(() => byTestId(container, 'start-flow-amazon_mws'));
    await fireEvent.click(byTestId(container, 'start-flow-amazon_mws'));
    await at(container, 'mws_end');
    const notice = step(flow(MWS), 'mws_end');
    expect(byTestId(container, 'notice').textContent).toContain(notice.body[0]);
    expect(byTestId(container, 'nav-flow').textContent).toContain(flow(MWS).title);
    expect(next(container).disabled).toBe(false);

    const button = byTestId(container, 'notice-next-flow');
    expect(button.textContent).toContain(`「${flow(SP).title}」に進む`);
    await fireEvent.click(button);
    await waitFor(() => byTestId(container, 'rail-lwa_credentials'));
    await at(container, 'shop');
    expect(container.querySelector('.rail .title')?.textContent).toBe(flow(SP).title);
    await waitFor(() => expect(byTestId(container, 'nav-flow').textContent).toContain(flow(SP).title));
    expect(fake.progress.get(MWS)?.step_id).toBe('mws_end');
  });

  it('keeps the developer’s name and grant day with the developer ID', async () => {
    const fake = useFake();
    await fake.saveProgress({ flow_id: MWS, shop_id: 'shop-amazon', step_id: 'developer', completed: [], credential_id: null });
    const accept = vi.spyOn(fake, 'acceptCandidate');
    const { container } = render(FlowView, { flowId: MWS, onexit: () => {} });
    await at(container, 'developer');
    await paste(container, '5259-6479-4073');
    // An ID is not a secret: shown whole to compare with Seller Central.
    await waitFor(() => expect(byTestId(container, 'candidate-masked').textContent).toBe('525964794073'));
    await fireEvent.input(byTestId(container, 'capture-name'), { target: { value: ' shippinno ' } });
    await fireEvent.input(byTestId(container, 'capture-date'), { target: { value: '2025-05-10' } });
    await fireEvent.click(byTestId(container, 'candidate-accept'));
    await waitFor(() => expect(next(container).disabled).toBe(false));
    expect(accept).toHaveBeenCalledWith(expect.any(String), 'shop-amazon', { date: '2025-05-10', name: 'shippinno' });
    expect(byTestId(container, 'capture-expires').textContent).toContain('2026/05/10');
  });
});

describe('Dashboard with an Amazon shop', () => {
  it('shows IDs whole, keys by their tail, and the developer’s name', async () => {
    useFake();
    const { container } = render(Dashboard, { onstartflow: () => {} });
    await waitFor(() => byTestId(container, 'dashboard-row-cred-amz-token'));
    expect(byTestId(container, 'shop-shop-amazon').dataset.marketplace).toBe('amazon');

    const seller = byTestId(container, 'dashboard-row-cred-amz-seller');
    expect(byTestId(seller, 'credential-value').textContent).toBe('A3FHEXAMPLEYWS');
    expect(seller.querySelector('button[aria-pressed]')).toBeNull(); // no reveal button for an ID

    const token = byTestId(container, 'dashboard-row-cred-amz-token');
    expect(token.textContent).toContain('SP-API の認可（リフレッシュトークン）');
    expect(token.textContent).toContain('••••Rk3x');
    expect(token.textContent).not.toContain('Atzr|');
    // Authorized 41 days ago: 365 days counting that day leave 324 days, today included.
    expect(byTestId(token, 'days-left').textContent).toBe('あと323日');

    const developer = byTestId(container, 'dashboard-row-cred-amz-developer');
    expect(byTestId(developer, 'credential-label').textContent).toBe('shippinno');
    expect(byTestId(developer, 'credential-value').textContent).toBe('525964794073');
  });

  it('records the day 「アクセス権を承認」 was clicked and shows the new expiry', async () => {
    const fake = useFake();
    const record = vi.spyOn(fake, 'recordRenewal');
    const { container } = render(Dashboard, { onstartflow: () => {} });
    await waitFor(() => byTestId(container, 'renewal-record-cred-amz-developer'));
    const renewal = byTestId(container, 'renewal-cred-amz-developer');
    expect(renewal.dataset.action).toBe('confirm');
    expect(byTestId(container, 'renewal-record-cred-amz-developer').textContent).toContain('「アクセス権を承認」をクリックした日を記録');

    await fireEvent.click(byTestId(container, 'renewal-record-cred-amz-developer'));
    const date = byTestId(container, 'renewal-date-cred-amz-developer') as HTMLInputElement;
    expect(date.value).toBe('2026-05-01');
    await fireEvent.input(date, { target: { value: '2026-04-20' } });
    await fireEvent.click(byTestId(container, 'renewal-save-cred-amz-developer'));

    await waitFor(() => expect(byTestId(container, 'dashboard-announce').textContent).toContain('新しい有効期限は 2027/04/20 です'));
    expect(record).toHaveBeenCalledWith('cred-amz-developer', '2026-04-20');
    await waitFor(() => expect(byTestId(byTestId(container, 'dashboard-row-cred-amz-developer'), 'expires-on').textContent).toBe('2027/04/20'));
    await waitFor(() => expect(container.querySelector('[data-testid="renewal-date-cred-amz-developer"]')).toBeNull());
  });

  it('refuses a renewal day in the future next to the date field', async () => {
    const fake = useFake();
    const { container } = render(Dashboard, { onstartflow: () => {} });
    await waitFor(() => byTestId(container, 'renewal-record-cred-amz-developer'));
    await fireEvent.click(byTestId(container, 'renewal-record-cred-amz-developer'));
    await fireEvent.input(byTestId(container, 'renewal-date-cred-amz-developer'), { target: { value: '2026-06-01' } });
    await fireEvent.click(byTestId(container, 'renewal-save-cred-amz-developer'));
    await waitFor(() => expect(byTestId(container, 'renewal-error-cred-amz-developer').textContent?.trim()).toBe(errorMessages.invalid_date.ja));
    expect(byTestId(container, 'renewal-date-cred-amz-developer').getAttribute('aria-invalid')).toBe('true');
    expect(fake.creds.find((c) => c.id === 'cred-amz-developer')?.source).toBe('user');
    expect(byTestId(byTestId(container, 'dashboard-row-cred-amz-developer'), 'expires-on').textContent).toBe('2026/05/16');
  });

  it('starts the Amazon flows from their tiles', async () => {
    useFake();
    const onstartflow = vi.fn();
    const { container } = render(Dashboard, { onstartflow });
    await waitFor(() => byTestId(container, 'start-flow-amazon_mws'));
    expect(byTestId(container, 'start-flow-amazon_sp_api').textContent).toContain(flow(SP).title);
    await fireEvent.click(byTestId(container, 'start-flow-amazon_mws'));
    expect(onstartflow).toHaveBeenCalledWith(MWS);
  });
});
