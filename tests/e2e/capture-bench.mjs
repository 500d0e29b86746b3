// Figure 6 of `cargo xtask bench` (not a test: node --test does not pick this file up).
// Drives the real app (the release build, through tauri-driver) to the Rakuten licenseKey step,
// then 20 times: xclip puts a new licenseKey on the clipboard, and the page notes the moment the
// key shows up captured (masked, with its last four characters). Prints one `capture <ms>` line
// per try: from just before xclip started to that moment, both read from the same system clock.
import {
  addShop, byId, click, env, launch, setClipboard, stepPane,
} from './helpers.mjs';

const TRIES = Number(process.env.CAPTURE_TRIES ?? 20);
const SHOP = '楽天 計測店';
const RMS_STEPS = ['rms_login', 'web_api_service', 'usage_settings', 'license_info', 'captcha', 'issue'];
const SP = env('TEST_SERVICE_SECRET');
const SL = env('TEST_LICENSE_KEY');

const atStep = stepPane;

/** A licenseKey of the same shape as SL, different in its last four characters on each try. */
function keyFor(i) {
  const tail = `Q${String(i).padStart(3, '0')}`;
  return SL.slice(0, -4) + tail;
}

const browser = await launch();
try {
  await click(browser, 'start-rakuten-flow');
  await atStep(browser, 'shop');
  await addShop(browser, SHOP);
  await click(browser, 'next');
  for (const id of RMS_STEPS) {
    await atStep(browser, id);
    await click(browser, 'next');
  }
  await atStep(browser, 'service_secret');
  await (await byId(browser, 'paste-input')).setValue(SP);
  await click(browser, 'paste-submit');
  await (await byId(browser, 'candidate-masked')).waitForDisplayed({ timeout: 10_000 });
  await click(browser, 'candidate-accept');
  await click(browser, 'next');
  await atStep(browser, 'license_key');
  // Let the step start watching the clipboard before the first try.
  await browser.pause(1000);

  for (let i = 0; i < TRIES; i += 1) {
    const key = keyFor(i);
    const tail = key.slice(-4);
    // The page records when the masked key with this tail appears (a MutationObserver, so the
    // moment is the DOM change itself, not the next WebDriver poll).
    await browser.execute((expected) => {
      window.__captured = undefined;
      const seen = () => {
        const el = document.querySelector('[data-testid="candidate-masked"]');
        return el !== null && el.textContent.endsWith(expected);
      };
      const observer = new MutationObserver(() => {
        if (window.__captured === undefined && seen()) {
          window.__captured = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    }, tail);
    const started = Date.now();
    setClipboard(key);
    const captured = await browser.waitUntil(async () => browser.execute(() => window.__captured), {
      timeout: 10_000,
      interval: 20,
      timeoutMsg: `try ${i + 1}: the key was not captured within 10 s`,
    });
    console.log(`capture ${captured - started}`);
    // A pause that varies, so the tries fall at different points of the app's clipboard poll.
    await browser.pause(200 + ((i * 37) % 150));
  }
} finally {
  await browser.deleteSession().catch(() => {});
}
