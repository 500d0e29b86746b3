// The dashboard's data, asked for as the page starts, together with the app's status, instead
// of after the status has come back and the dashboard has been drawn: the two answers travel
// at the same time. Used once, by the first dashboard; a change to the credentials before then
// drops it.
import type { DashboardView } from './bindings/index';
import { backend } from './ipc';

type Asked = { at: number; data: Promise<DashboardView> };

let early: Asked | null = null;

/** Asks for the dashboard's data now (call once, as the page starts). */
export function askEarly(): void {
  const data = backend().dashboard();
  data.catch(() => undefined);
  const asked = { at: performance.now(), data };
  early = asked;
  void backend()
    .onCredentialsChanged(() => {
      if (early === asked) early = null;
    })
    .catch(() => undefined);
}

/**
 * The dashboard's data and when it was asked for (`performance.now()`): the early answer the
 * first time, if it is still current, else a new one.
 */
export function dashboardData(): Asked {
  const asked = early ?? { at: performance.now(), data: backend().dashboard() };
  early = null;
  return asked;
}
