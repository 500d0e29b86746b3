// Marks the first screen as rendered with its data; the end-to-end test measures startup by it.
import { tick } from 'svelte';

/** Sets `document.body.dataset.ready = "1"` after the pending render, once. */
export async function markReady(): Promise<void> {
  await tick();
  if (typeof document !== 'undefined' && document.body.dataset.ready !== '1') document.body.dataset.ready = '1';
}
