// Shared set-up for component tests: a fake backend with a fixed clock.
import { vi } from 'vitest';
import { setBackend } from '../src/lib/ipc';
import { FakeBackend, type FakeScenario } from '../src/lib/fakeBackend';

/** 2026/05/01 12:00 JST */
export const NOW = Date.parse('2026-05-01T12:00:00+09:00');

/**
 * Installs and returns a fresh fake backend. The page's own clock (Date) is pinned to the fake's,
 * so "today" in a date field is the fake's today; timers stay real unless a test fakes them.
 */
export function useFake(scenario: FakeScenario = 'sample'): FakeBackend {
  if (vi.isFakeTimers()) vi.setSystemTime(NOW);
  else vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  const fake = new FakeBackend({ scenario, now: () => NOW });
  setBackend(fake);
  return fake;
}

/** The element with this data-testid, or a clear failure. */
export function byTestId(root: ParentNode, id: string): HTMLElement {
  const el = root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  if (!el) throw new Error(`no [data-testid="${id}"]`);
  return el;
}
