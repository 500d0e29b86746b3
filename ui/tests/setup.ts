// Runs around every test file: no fake clock leaks from one test into the next.
import { afterEach, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
});
