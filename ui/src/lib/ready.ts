// Marks the first screen as rendered with its data. The end-to-end tests wait for it, and the
// benchmark (cargo xtask bench) measures startup by it: the backend is told once, with how long
// the screen took from asking for its data to showing it.
import { tick } from 'svelte';
import { backend } from './ipc';

/**
 * Sets `document.body.dataset.ready = "1"` after the pending render, once, and tells the backend
 * (`page_ready`). `loadStartedAt` is the `performance.now()` at which the screen asked for its data.
 */
export async function markReady(loadStartedAt?: number): Promise<void> {
  await tick();
  if (typeof document === 'undefined' || document.body.dataset.ready === '1') return;
  document.body.dataset.ready = '1';
  const renderMs = loadStartedAt === undefined ? 0 : performance.now() - loadStartedAt;
  await backend()
    .pageReady(renderMs)
    .catch(() => undefined);
}
