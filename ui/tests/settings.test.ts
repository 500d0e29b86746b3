// The settings screen as a shop owner uses it, against the fake backend: reminder lead times
// per kind, the clipboard delay, export and import. Error sentences are the backend's own.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import App from '../src/App.svelte';
import Settings from '../src/views/Settings.svelte';
import LoginOffer from '../src/components/LoginOffer.svelte';
import { errorMessages } from '../src/lib/fakeTexts';
import { byTestId, useFake } from './helpers';

afterEach(() => {
  cleanup();
  delete document.body.dataset.ready;
});

const box = (c: HTMLElement, id: string) => byTestId(c, id) as HTMLInputElement;
const saveButton = (c: HTMLElement) => byTestId(c, 'settings-save') as HTMLButtonElement;

describe('settings', () => {
  it('lists every kind that expires with 30, 7, 1 days and the day checked, and saves a 90-day reminder', async () => {
    const fake = useFake();
    const save = vi.spyOn(fake, 'saveSettings');
    const { container } = render(Settings, { datadir: '/home/shop/.local/share/jp.kagiban.desktop' });
    await waitFor(() => byTestId(container, 'reminders-lwa_client_secret'));
    const legends = [...container.querySelectorAll('fieldset.kind legend')].map((l) => l.textContent);
    expect(legends).toEqual(['楽天 licenseKey', 'MWS 開発者アクセス権（開発者ID）', 'LWA クライアントシークレット', 'SP-API の認可（リフレッシュトークン）']);
    for (const day of [30, 7, 1, 0]) expect(box(container, `lead-lwa_client_secret-${day}`).checked).toBe(true);
    expect(box(container, 'lead-lwa_client_secret-90').checked).toBe(false);
    expect(byTestId(container, 'reminders-lwa_client_secret').textContent).toContain('当日');
    expect(saveButton(container).disabled).toBe(true);
    expect(byTestId(container, 'settings-datadir').textContent).toBe('/home/shop/.local/share/jp.kagiban.desktop');

    // Amazon mails 90 days ahead of a secret rotation: the owner wants the same.
    await fireEvent.click(box(container, 'lead-lwa_client_secret-90'));
    await fireEvent.click(box(container, 'daily-lwa_client_secret'));
    expect(saveButton(container).disabled).toBe(false);
    await fireEvent.click(saveButton(container));
    await waitFor(() => expect(byTestId(container, 'settings-announce').textContent).toBe('設定を保存しました。'));
    const sent = save.mock.calls[0][0].reminders.find((r) => r.kind === 'lwa_client_secret')!;
    expect(sent.days_before).toEqual([90, 30, 7, 1, 0]);
    expect(sent.daily_after_expiry).toBe(false);
    expect((await fake.getSettings()).reminders.find((r) => r.kind === 'lwa_client_secret')?.days_before).toEqual([90, 30, 7, 1, 0]);
    expect(saveButton(container).disabled).toBe(true);
  });

  it('keeps the clipboard delay within 10 to 600 seconds before anything is sent', async () => {
    const fake = useFake();
    const save = vi.spyOn(fake, 'saveSettings');
    const { container } = render(Settings, { datadir: '/tmp' });
    await waitFor(() => byTestId(container, 'settings-clipboard'));
    await fireEvent.input(box(container, 'settings-clipboard'), { target: { value: '5' } });
    expect(box(container, 'settings-clipboard').getAttribute('aria-invalid')).toBe('true');
    expect(saveButton(container).disabled).toBe(true);
    await fireEvent.input(box(container, 'settings-clipboard'), { target: { value: '30' } });
    await fireEvent.click(saveButton(container));
    await waitFor(() => expect(save).toHaveBeenCalled());
    expect(save.mock.calls[0][0].clipboard_clear_secs).toBe(30);
    // The backend's own rule, if a value still got through, comes back in its words.
    await expect(fake.saveSettings({ ...(await fake.getSettings()), clipboard_clear_secs: 1 })).rejects.toThrow(errorMessages.invalid_setting_clipboard.ja);
  });

  it('exports to the Downloads folder, and imports a file back or says why not', async () => {
    const fake = useFake();
    const { container } = render(Settings, { datadir: '/tmp' });
    await waitFor(() => byTestId(container, 'settings-export'));
    await fireEvent.click(byTestId(container, 'settings-export'));
    await waitFor(() => expect(byTestId(container, 'settings-announce').textContent).toBe('設定を書き出しました: ~/Downloads/kagiban-settings-2026-05-01.json'));
    const exported = fake.files[0].text;
    expect(exported).not.toMatch(/SL\d|SP\d|amzn1\.oa2-cs/);

    await fireEvent.click(byTestId(container, 'settings-calendar'));
    await waitFor(() => expect(byTestId(container, 'settings-announce').textContent).toBe('カレンダーを書き出しました: ~/Downloads/kagiban-2026-05-01.ics'));

    const input = box(container, 'settings-import-file');
    const choose = (name: string, text: string) =>
      fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
    await choose('memo.json', '{"hello": 1}');
    await waitFor(() => expect(container.textContent).toContain(errorMessages.invalid_import.ja));

    const other = JSON.parse(exported);
    other.shops.push({ name: '楽天市場3号店', marketplace: 'rakuten' });
    await choose('kagiban-settings.json', JSON.stringify(other));
    await waitFor(() => expect(byTestId(container, 'settings-announce').textContent).toBe('設定を読み込みました（追加した店舗: 1 件）。'));
    expect((await fake.listShops('rakuten')).map((s) => s.name)).toContain('楽天市場3号店');
  });

  it('opens from the tray’s 設定 (the open-flow request with target settings)', async () => {
    const fake = useFake();
    const { container } = render(App);
    await waitFor(() => byTestId(container, 'nav-settings'));
    fake.openFlowFromTray('settings');
    await waitFor(() => byTestId(container, 'settings-form'));
    expect(byTestId(container, 'nav-settings').getAttribute('aria-current')).toBe('page');
  });
});

describe('start at login, offered at the end of the first flow', () => {
  it('asks once; yes turns it on, and the offer is not shown again', async () => {
    const fake = useFake();
    const first = render(LoginOffer);
    await waitFor(() => byTestId(first.container, 'login-offer'));
    expect(first.container.textContent).toContain('ログイン時に鍵番を起動しますか？');
    await fireEvent.click(byTestId(first.container, 'login-offer-yes'));
    await waitFor(() => expect(byTestId(first.container, 'login-offer-answered').textContent).toContain('ログイン時に起動するようにしました'));
    expect((await fake.getSettings()).start_at_login).toBe(true);
    cleanup();

    const again = render(LoginOffer);
    await new Promise((r) => setTimeout(r, 20));
    expect(again.container.querySelector('[data-testid="login-offer"]')).toBeNull();
  });

  it('「今はしない」 leaves it off and does not ask again', async () => {
    const fake = useFake();
    const { container } = render(LoginOffer);
    await waitFor(() => byTestId(container, 'login-offer-no'));
    await fireEvent.click(byTestId(container, 'login-offer-no'));
    await waitFor(() => byTestId(container, 'login-offer-answered'));
    expect((await fake.getSettings()).start_at_login).toBe(false);
    expect(await fake.loginOfferPending()).toBe(false);
  });
});
