// Temporary: where the first screen's time goes (User Timing marks of the real app).
import { launch } from './helpers.mjs';
const browser = await launch();
await browser.pause(1500);
const entries = await browser.execute(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const out = { nav: nav ? { domInteractive: nav.domInteractive, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd } : null };
  out.marks = performance.getEntriesByType('mark').map((m) => [m.name, Math.round(m.startTime)]);
  out.res = performance.getEntriesByType('resource').map((r) => [r.name.slice(-40), Math.round(r.startTime), Math.round(r.duration)]);
  out.paint = performance.getEntriesByType('paint').map((p) => [p.name, Math.round(p.startTime)]);
  out.dom = document.getElementsByTagName('*').length;
  return out;
});
console.log(JSON.stringify(entries, null, 1));
await browser.deleteSession();
