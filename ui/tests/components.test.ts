import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, expect, it, vi } from 'vitest';
import MaskedSecret from '../src/components/MaskedSecret.svelte';
import App from '../src/App.svelte';
import { flowView } from '../src/lib/fakeTexts';
import { byTestId, useFake } from './helpers';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

it('MaskedSecret reveals on request and hides again after 30 seconds', async () => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const reveal = vi.fn(async () => 'SL404839_Tn4vB8cRy2HsK5pd');
  const { container, getByRole } = render(MaskedSecret, { masked: '••••K5pd', label: '楽天 licenseKey', reveal, testid: 'secret' });
  expect(byTestId(container, 'secret').textContent).toBe('••••K5pd');
  const toggle = getByRole('button', { name: '楽天 licenseKeyを表示' });
  await fireEvent.click(toggle);
  await waitFor(() => expect(byTestId(container, 'secret').textContent).toBe('SL404839_Tn4vB8cRy2HsK5pd'));
  expect(toggle.getAttribute('aria-pressed')).toBe('true');
  await vi.advanceTimersByTimeAsync(30_000);
  await waitFor(() => expect(byTestId(container, 'secret').textContent).toBe('••••K5pd'));
  expect(reveal).toHaveBeenCalledTimes(1);
});

it('App shows the keychain screen, and the dashboard once a retry succeeds', async () => {
  const fake = useFake('keychain');
  const { container, getByRole } = render(App);
  await waitFor(() => byTestId(container, 'keychain-error'));
  expect(container.textContent).toContain('gnome-keyring');
  expect(container.querySelector('[data-testid="nav-dashboard"]')).toBeNull();

  await fireEvent.click(getByRole('button', { name: '再試行' }));
  await waitFor(() => expect(container.textContent).toContain('まだ使えません'));

  fake.fixKeychain();
  await fireEvent.click(getByRole('button', { name: '再試行' }));
  await waitFor(() => byTestId(container, 'nav-dashboard'));
  await waitFor(() => byTestId(container, 'dashboard-row-cred-s1-key'));
});

it('App switches the language, tells the backend, and reloads localized data', async () => {
  const fake = useFake();
  const { container } = render(App);
  await waitFor(() => byTestId(container, 'dashboard-row-cred-s1-key'));
  await fireEvent.click(byTestId(container, 'lang-en'));
  await waitFor(() => expect(container.textContent).toContain('Rakuten licenseKey'));
  expect(fake.lang).toBe('en');
  expect(byTestId(container, 'lang-en').getAttribute('aria-pressed')).toBe('true');
  expect(byTestId(byTestId(container, 'dashboard-row-cred-s1-key'), 'days-left').textContent).toBe('5 days left');
  await fireEvent.click(byTestId(container, 'lang-ja'));
});

it('App opens the flow the tray asks for, at start and while running', async () => {
  const fake = useFake();
  fake.pendingFlow = 'amazon_sp_api';
  const { container } = render(App);
  await waitFor(() => byTestId(container, 'step-shop'));
  await waitFor(() => expect(byTestId(container, 'nav-flow').textContent).toBe(flowView('amazon_sp_api', 'ja')?.title));
  expect(fake.pendingFlow).toBeNull();

  fake.openFlowFromTray('amazon_mws');
  await waitFor(() => byTestId(container, 'step-mws_end'));
  await waitFor(() => expect(fake.pendingFlow).toBeNull());
});
