/// <reference types="svelte" />
/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** "1" builds the UI against the in-memory fake backend (screenshots, browser preview). */
  readonly VITE_FAKE_BACKEND?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

interface Window {
  /** Present inside Tauri. */
  __TAURI_INTERNALS__?: unknown;
  /** The fake backend, exposed for the screenshot script. */
  __kagibanFake?: import('./lib/fakeBackend').FakeBackend;
}
