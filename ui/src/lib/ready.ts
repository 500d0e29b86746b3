// Marks the first screen as rendered with its data. The end-to-end tests wait for it, and the
// benchmark (cargo xtask bench) measures startup by it: the backend is told once, with how long
// the screen took from asking for its data to showing it, and when the page began to load.
import { tick } from 'svelte';
import { backend } from './ipc';

/** Longest wait for a frame (a hidden or minimized window paints none). */
const FRAME_WAIT_MS = 1000;

/**
 * Resolves once the pending render has been painted: a task queued from a frame callback runs
 * after that frame is drawn.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FRAME_WAIT_MS);
    afterNextFrame(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Runs `task` once the next frame has been drawn (at once where there are no frames). */
export function afterNextFrame(task: () => void): void {
  if (typeof requestAnimationFrame !== 'function') {
    setTimeout(task, 0);
    return;
  }
  requestAnimationFrame(() => setTimeout(task, 0));
}

/**
 * Sets `document.body.dataset.ready = "1"` once the pending render is on screen, once, and tells
 * the backend (`page_ready`). `loadStartedAt` is the `performance.now()` at which the screen
 * asked for its data.
 */
export async function markReady(loadStartedAt?: number): Promise<void> {
  await tick();
  if (typeof document === 'undefined' || document.body.dataset.ready !== undefined) return;
  document.body.dataset.ready = 'pending';
  performance.mark('kagiban:dom');
  // Style and layout now rather than in the frame (the same work), so that the marks tell them
  // apart from painting.
  void document.body.offsetHeight;
  performance.mark('kagiban:layout');
  await afterPaint();
  performance.mark('kagiban:painted');
  document.body.dataset.ready = '1';
  const renderMs = loadStartedAt === undefined ? 0 : performance.now() - loadStartedAt;
  // The page's own milestones (User Timing marks), ms since it began to load.
  const marks: Record<string, number> = {};
  for (const m of performance.getEntriesByType('mark')) {
    if (m.name.startsWith('kagiban:')) marks[m.name.slice('kagiban:'.length)] = m.startTime;
  }
  await backend()
    .pageReady(renderMs, performance.timeOrigin, marks)
    .catch(() => undefined);
}
