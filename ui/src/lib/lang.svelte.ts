// The current UI language as rune state, so every `t()` read in a template re-renders on change.
import type { Lang } from './bindings/index';

export const langState: { current: Lang } = $state({ current: 'ja' });
