// Entry: picks the backend (Tauri, or the fake outside Tauri / in fake builds) and mounts the app.
import './styles/tokens.css';
import './styles/base.css';
import { mount } from 'svelte';
import App from './App.svelte';
import { setBackend } from './lib/ipc';
import { askEarly } from './lib/firstScreen';
import type { FakeScenario } from './lib/fakeBackend';

async function start() {
  const useFake = import.meta.env.VITE_FAKE_BACKEND === '1' || window.__TAURI_INTERNALS__ === undefined;
  if (useFake) {
    const { FakeBackend } = await import('./lib/fakeBackend');
    const param = new URLSearchParams(location.search).get('fake');
    const scenario: FakeScenario = param === 'empty' || param === 'keychain' ? param : 'sample';
    const fake = new FakeBackend({ scenario, latencyMs: 60 });
    setBackend(fake);
    window.__kagibanFake = fake;
  }
  askEarly();
  mount(App, { target: document.getElementById('app')! });
}

void start();
