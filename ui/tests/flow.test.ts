import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import FlowView from '../src/views/FlowView.svelte';
import { byTestId, useFake } from './helpers';

const FLOW = 'rakuten_license_key';

afterEach(() => cleanup());

const next = (c: HTMLElement) => byTestId(c, 'next') as HTMLButtonElement;

async function at(c: HTMLElement, id: string) {
  await waitFor(() => byTestId(c, `step-${id}`));
}

describe('FlowView', () => {
  it('needs a shop before 次へ, saves every step change, and skips the serviceSecret the shop already has', async () => {
    const fake = useFake();
    const { container } = render(FlowView, { flowId: FLOW, onexit: () => {} });
    await at(container, 'shop');
    expect(next(container).disabled).toBe(true);
    await fireEvent.click(byTestId(container, 'shop-option-shop-1'));
    await waitFor(() => expect(next(container).disabled).toBe(false));

    for (const id of ['rms_login', 'web_api_service', 'usage_settings', 'license_info', 'captcha', 'issue']) {
      await fireEvent.click(next(container));
      await at(container, id);
      await waitFor(() => expect(fake.progress.get(FLOW)?.step_id).toBe(id));
      if (id === 'captcha') expect(byTestId(container, 'step-captcha').textContent).toContain('鍵番が代わりにチェックすることはできません');
    }
    await fireEvent.click(next(container));
    await at(container, 'license_key');
    expect(byTestId(container, 'rail-service_secret').dataset.state).toBe('done');
    expect(fake.progress.get(FLOW)?.completed).toContain('service_secret');
  });

  it('watches the clipboard only while a capture step is shown, and enables 次へ once the key is saved', async () => {
    const fake = useFake();
    await fake.saveProgress({ flow_id: FLOW, shop_id: 'shop-1', step_id: 'license_key', completed: [], credential_id: null });
    const { container } = render(FlowView, { flowId: FLOW, onexit: () => {} });
    await at(container, 'license_key');
    await waitFor(() => expect(fake.capturing).toEqual({ kind: 'rakuten_license_key', shopId: 'shop-1' }));
    expect(byTestId(container, 'capture-status').textContent).toContain('クリップボードを見張っています');
    expect(next(container).disabled).toBe(true);

    expect(fake.simulateClipboard('SL404839_Zx8Kp2Wq5Rt7Yv3M')).toBe(true);
    await waitFor(() => expect(byTestId(container, 'candidate-masked').textContent).toBe('••••Yv3M'));
    expect(container.textContent).not.toContain('SL404839_Zx8K');
    await fireEvent.click(byTestId(container, 'candidate-accept'));
    await waitFor(() => expect(next(container).disabled).toBe(false));
    expect(fake.capturing).toBeNull();
    await waitFor(() => expect(fake.progress.get(FLOW)?.credential_id).toMatch(/^cred-/));

    await fireEvent.click(next(container));
    await at(container, 'verify');
    expect(fake.capturing).toBeNull();
  });

  it('shows a paste error inline, in words', async () => {
    const fake = useFake();
    await fake.saveProgress({ flow_id: FLOW, shop_id: 'shop-1', step_id: 'license_key', completed: [], credential_id: null });
    const { container } = render(FlowView, { flowId: FLOW, onexit: () => {} });
    await at(container, 'license_key');
    await fireEvent.input(byTestId(container, 'paste-input'), { target: { value: 'SP404839_aK29fQmZ7tLx3Wq7' } });
    await fireEvent.click(byTestId(container, 'paste-submit'));
    await waitFor(() => expect(byTestId(container, 'paste-error').textContent).toContain('serviceSecret'));
    expect(byTestId(container, 'paste-error').textContent).not.toContain('{');
  });

  it('verifies: not yet active lets the user go on; the background check then reports ok', async () => {
    const fake = useFake();
    const cand = await fake.candidateFromText('rakuten_license_key', 'shop-1', 'SL404839_Zx8Kp2Wq5Rt7Yv3M');
    const cred = await fake.acceptCandidate(cand.token, 'shop-1', { date: null, name: null });
    await fake.saveProgress({ flow_id: FLOW, shop_id: 'shop-1', step_id: 'verify', completed: [], credential_id: cred.id });
    const { container } = render(FlowView, { flowId: FLOW, onexit: () => {} });
    await at(container, 'verify');
    expect(next(container).disabled).toBe(true);

    await fireEvent.click(byTestId(container, 'verify-button'));
    await waitFor(() => expect(byTestId(container, 'verify-result').dataset.code).toBe('not_yet_active'));
    expect(byTestId(container, 'verify-result').textContent).toContain('2026/05/01 12:05');
    expect(next(container).disabled).toBe(false);

    fake.runBackgroundCheck();
    await waitFor(() => expect(byTestId(container, 'verify-result').dataset.code).toBe('ok'));
    expect(byTestId(container, 'verify-result').textContent).toContain('有効期限: 2026/07/31（API で確認）');
    expect(byTestId(container, 'flow-notice').textContent).toContain('使えるようになりました');
  });

  it('explains how to switch LicenseManagementAPI on when the key is refused', async () => {
    const fake = useFake();
    await fake.saveProgress({ flow_id: FLOW, shop_id: 'shop-1', step_id: 'verify', completed: [], credential_id: 'cred-s1-key' });
    fake.nextVerifyCode = 'unauthorized';
    const { container } = render(FlowView, { flowId: FLOW, onexit: () => {} });
    await at(container, 'verify');
    await fireEvent.click(byTestId(container, 'verify-button'));
    await waitFor(() => expect(byTestId(container, 'verify-result').dataset.code).toBe('unauthorized'));
    expect(byTestId(container, 'rail-verify').dataset.state).toBe('failed');
    expect(next(container).disabled).toBe(true);
    const help = container.querySelector('details.help');
    expect(help?.textContent).toContain('利用機能編集');
    expect(help?.querySelector('[aria-current="step"]')?.textContent).toBe('利用機能編集');
  });

  it('copies the key with a countdown, finishes, and forgets the progress', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      const fake = useFake();
      await fake.saveProgress({ flow_id: FLOW, shop_id: 'shop-1', step_id: 'handover', completed: [], credential_id: 'cred-s1-key' });
      const onexit = vi.fn();
      const { container } = render(FlowView, { flowId: FLOW, onexit });
      await at(container, 'handover');
      await fireEvent.click(byTestId(container, 'copy-key'));
      await waitFor(() => expect(byTestId(container, 'copy-countdown').textContent).toContain('60秒後'));
      await vi.advanceTimersByTimeAsync(3000);
      expect(byTestId(container, 'copy-countdown').textContent).toContain('57秒後');

      await fireEvent.click(next(container));
      await at(container, 'done');
      await waitFor(() => expect(fake.progress.has(FLOW)).toBe(false));
      expect(container.textContent).toContain('楽天市場1号店');
      await fireEvent.click(byTestId(container, 'go-dashboard'));
      await waitFor(() => expect(onexit).toHaveBeenCalled());
    } finally {
      vi.useRealTimers();
    }
  });
});
