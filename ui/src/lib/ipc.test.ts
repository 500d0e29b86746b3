import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn(async () => () => {}) }));

const { BackendError, backend, setBackend, tauriBackend, toBackendError } = await import('./ipc');
const { errorText } = await import('./errors');

describe('toBackendError', () => {
  it('keeps the code and message of an ErrorView', () => {
    const e = toBackendError({ code: 'wrong_kind', message: 'licenseKey を貼り付けてください。' });
    expect(e).toBeInstanceOf(BackendError);
    expect(e.code).toBe('wrong_kind');
    expect(e.message).toBe('licenseKey を貼り付けてください。');
    expect(e.fromBackend).toBe(true);
  });

  it('unwraps an ErrorView sent as a JSON string', () => {
    const e = toBackendError(JSON.stringify({ code: 'invalid_shop_name', message: '店舗名を入力してください。' }));
    expect(e.code).toBe('invalid_shop_name');
    expect(e.fromBackend).toBe(true);
  });

  it('turns a bare string from Tauri into an ipc error', () => {
    const e = toBackendError('command dashbord not found');
    expect(e.code).toBe('ipc');
    expect(e.fromBackend).toBe(false);
  });

  it('turns anything else into an unexpected error', () => {
    expect(toBackendError(new TypeError('x is undefined')).code).toBe('unexpected');
    expect(toBackendError(undefined).code).toBe('unexpected');
    expect(toBackendError({ code: 42 }).code).toBe('unexpected');
    expect(toBackendError({ code: '', message: 'm' }).code).toBe('unexpected');
  });

  it('passes a BackendError through', () => {
    const e = new BackendError('network', 'オフラインです');
    expect(toBackendError(e)).toBe(e);
  });
});

describe('errorText', () => {
  it("shows the backend's sentence, never JSON", () => {
    expect(errorText({ code: 'wrong_kind', message: 'SL で始まるキーを貼り付けてください。' })).toBe('SL で始まるキーを貼り付けてください。');
  });

  it('shows a generic sentence with the code for unexpected errors', () => {
    const text = errorText(new Error('boom'));
    expect(text).toContain('unexpected');
    expect(text).not.toContain('boom');
    expect(errorText('raw tauri failure')).toContain('ipc');
  });
});

describe('tauriBackend', () => {
  beforeEach(() => {
    invoke.mockClear();
    invoke.mockImplementation(async () => null);
  });

  it('calls the commands with camelCase arguments', async () => {
    invoke.mockResolvedValue(null);
    await tauriBackend.getProgress('rakuten_license_key');
    await tauriBackend.candidateFromText('rakuten_license_key', 'shop-1', 'SL1_x');
    await tauriBackend.acceptCandidate('tok', 'shop-1', { date: '2026-05-01', name: null });
    await tauriBackend.checkRdt('shop-9', [{ kind: 'shipping_address' }, { kind: 'report_document', reportDocumentId: 'amzn1.tortuga.3.x' }], null);
    await tauriBackend.recordRenewal('cred-7', '2026-04-30');
    expect(invoke.mock.calls).toEqual([
      ['get_progress', { flowId: 'rakuten_license_key' }],
      ['candidate_from_text', { kind: 'rakuten_license_key', shopId: 'shop-1', text: 'SL1_x' }],
      ['accept_candidate', { token: 'tok', shopId: 'shop-1', details: { date: '2026-05-01', name: null } }],
      ['check_rdt', { shopId: 'shop-9', needs: [{ kind: 'shipping_address' }, { kind: 'report_document', reportDocumentId: 'amzn1.tortuga.3.x' }], targetApplication: null }],
      ['record_renewal', { id: 'cred-7', date: '2026-04-30' }],
    ]);
  });

  it('rejects with a BackendError built from the ErrorView', async () => {
    invoke.mockImplementation(async () => {
      throw { code: 'invalid_shop_name', message: '店舗名を1〜40文字で入力してください。' };
    });
    const err = await tauriBackend.addShop('', 'rakuten').then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BackendError);
    expect((err as InstanceType<typeof BackendError>).code).toBe('invalid_shop_name');
    expect((err as Error).message).toBe('店舗名を1〜40文字で入力してください。');
  });

  it('is the default and can be replaced', () => {
    expect(backend()).toBe(tauriBackend);
    const fake = { ...tauriBackend };
    setBackend(fake);
    expect(backend()).toBe(fake);
    setBackend(tauriBackend);
  });
});
