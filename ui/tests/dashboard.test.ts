import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dashboard from '../src/views/Dashboard.svelte';
import { flowView } from '../src/lib/fakeTexts';
import { byTestId, useFake } from './helpers';
import { askEarly } from '../src/lib/firstScreen';

afterEach(() => {
  cleanup();
  delete document.body.dataset.ready;
});

describe('Dashboard', () => {
  it('lists every current key with expiry, source, days left and state, and marks the page ready', async () => {
    useFake();
    const { container } = render(Dashboard, { onstartflow: () => {} });
    await waitFor(() => expect(document.body.dataset.ready).toBe('1'));

    const row = byTestId(container, 'dashboard-row-cred-s1-key');
    expect(row.dataset.kind).toBe('rakuten_license_key');
    expect(row.dataset.status).toBe('due');
    expect(byTestId(row, 'expires-on').textContent).toBe('2026/05/06');
    expect(byTestId(row, 'expiry-source').textContent).toContain('API で確認済み');
    expect(byTestId(row, 'days-left').textContent).toBe('あと5日');
    expect(row.textContent).toContain('使用中');
    expect(row.textContent).toContain('••••K5pd');
    expect(row.textContent).not.toContain('SL404839');

    const expired = byTestId(container, 'dashboard-row-cred-s2-key');
    expect(expired.dataset.status).toBe('bad');
    expect(byTestId(expired, 'days-left').textContent).toBe('3日前に期限切れ');
    expect(byTestId(expired, 'expiry-source').textContent).toContain('推定');
    expect(byTestId(expired, 'expiry-source').getAttribute('title')).toContain('3か月');

    // History is collapsed, with the replaced key inside.
    const history = container.querySelector('details.history');
    expect(history?.hasAttribute('open')).toBe(false);
    expect(history?.querySelector('[data-testid="dashboard-row-cred-s1-key-old"]')?.textContent).toContain('置き換え済み');
  });

  it('verifies one key and announces the result', async () => {
    const fake = useFake();
    const { container } = render(Dashboard, { onstartflow: () => {} });
    await waitFor(() => byTestId(container, 'dashboard-row-cred-s2-key'));
    const button = byTestId(container, 'dashboard-row-cred-s2-key').querySelector('button[aria-busy], td.action button') as HTMLButtonElement;
    await fireEvent.click(button);
    await waitFor(() => expect(byTestId(container, 'dashboard-announce').textContent).toContain('楽天市場2号店'));
    expect(fake.calls).toContain('verify_credential');
    expect(byTestId(container, 'dashboard-announce').getAttribute('aria-live')).toBe('polite');
  });

  it('offers to resume a flow left halfway', async () => {
    const fake = useFake();
    await fake.saveProgress({ flow_id: 'rakuten_license_key', shop_id: 'shop-1', step_id: 'captcha', completed: [], credential_id: null });
    const onstartflow = vi.fn();
    const { container } = render(Dashboard, { onstartflow });
    await waitFor(() => expect(byTestId(container, 'start-rakuten-flow').textContent).toContain('続きから再開'));
    expect(byTestId(container, 'start-rakuten-flow').textContent).toContain('楽天 licenseKey の更新');
    expect(container.textContent).toContain('楽天市場1号店 で途中です');
    await fireEvent.click(byTestId(container, 'start-rakuten-flow'));
    expect(onstartflow).toHaveBeenCalledWith('rakuten_license_key');
  });

  it('explains Kagiban on first launch and offers every flow by its title', async () => {
    useFake('empty');
    const onstartflow = vi.fn();
    const { container } = render(Dashboard, { onstartflow });
    await waitFor(() => expect(container.textContent).toContain('鍵番へようこそ'));
    const titles: Record<string, string> = {
      'start-rakuten-flow': flowView('rakuten_license_key', 'ja')!.title,
      'start-flow-amazon_sp_api': flowView('amazon_sp_api', 'ja')!.title,
      'start-flow-amazon_mws': flowView('amazon_mws', 'ja')!.title,
    };
    for (const [id, title] of Object.entries(titles)) {
      expect(byTestId(container, id).textContent).toContain(title);
      expect(byTestId(container, id).textContent).toContain('始める');
    }
    await fireEvent.click(byTestId(container, 'start-flow-amazon_sp_api'));
    expect(onstartflow).toHaveBeenCalledWith('amazon_sp_api');
  });
});

describe('Dashboard reminders', () => {
  it('snoozes the reminders of a key due soon for a day, and stops those of an expired key', async () => {
    useFake();
    const { container } = render(Dashboard, { onstartflow: () => {} });
    await waitFor(() => expect(document.body.dataset.ready).toBe('1'));

    // Due in 5 days: 「1日後に再通知」, no 「通知を止める」 before the expiry.
    const due = byTestId(container, 'dashboard-row-cred-s1-key');
    expect(due.querySelector('[data-testid="dismiss-cred-s1-key"]')).toBeNull();
    await fireEvent.click(byTestId(due, 'snooze-cred-s1-key'));
    await waitFor(() =>
      expect(byTestId(byTestId(container, 'dashboard-row-cred-s1-key'), 'reminders-state').textContent).toMatch(
        /^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2} まで通知を止めています$/,
      ),
    );
    expect(container.textContent).toContain('のお知らせを');

    // Expired 3 days ago: the daily reminders can be stopped.
    await fireEvent.click(byTestId(container, 'dismiss-cred-s2-key'));
    await waitFor(() =>
      expect(byTestId(byTestId(container, 'dashboard-row-cred-s2-key'), 'reminders-state').textContent).toBe(
        'この期限のお知らせは止めています',
      ),
    );
    expect(container.querySelector('[data-testid="dismiss-cred-s2-key"]')).toBeNull();
  });
});

describe('Dashboard with many shops', () => {
  it('draws the first shops at once and the rest in the following frames, in order, none lost', async () => {
    const fake = useFake();
    const names = Array.from({ length: 60 }, (_, i) => `店舗${String(i + 1).padStart(2, '0')}`);
    for (const name of names) await fake.addShop(name, 'rakuraku');
    const all = (await fake.dashboard()).shops.map((s) => s.name);
    expect(all.slice(-60)).toEqual(names);
    const { container } = render(Dashboard, { onstartflow: () => {} });
    await waitFor(() => expect(document.body.dataset.ready).toBe('1'));
    await waitFor(() => expect(container.querySelectorAll('section.shop')).toHaveLength(all.length));
    const shown = [...container.querySelectorAll('section.shop h3')].map((h) => h.firstChild?.textContent?.trim());
    expect(shown).toEqual(all);
  });
});

describe('Dashboard data asked for as the page starts', () => {
  it('is used by the first dashboard, which asks no second time', async () => {
    const fake = useFake();
    askEarly();
    const { container } = render(Dashboard, { onstartflow: () => {} });
    await waitFor(() => expect(document.body.dataset.ready).toBe('1'));
    expect(byTestId(container, 'dashboard-row-cred-s1-key').dataset.status).toBe('due');
    expect(fake.calls.filter((c) => c === 'dashboard')).toHaveLength(1);
  });

  it('is dropped when the keys change before the dashboard is drawn, so the new state shows', async () => {
    const fake = useFake();
    const cand = await fake.candidateFromText('rakuten_license_key', 'shop-1', 'SL404839_Zx8Kp2Wq5Rt7Yv3M');
    const cred = await fake.acceptCandidate(cand.token, 'shop-1', { date: null, name: null });
    await fake.verifyCredential(cred.id); // not active yet: the background check will retry
    askEarly();
    await waitFor(() => expect(fake.calls).toContain('dashboard'));
    fake.runBackgroundCheck();
    const { container } = render(Dashboard, { onstartflow: () => {} });
    await waitFor(() => expect(document.body.dataset.ready).toBe('1'));
    expect(fake.calls.filter((c) => c === 'dashboard')).toHaveLength(2);
    expect(byTestId(container, `dashboard-row-${cred.id}`).dataset.state).toBe('active');
  });
});
