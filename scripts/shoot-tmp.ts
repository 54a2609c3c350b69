import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '/work/main/scripts/lib/chromium';
import { serveDirectory } from '/work/main/scripts/lib/static-server';
const [dist, name, ...paths] = process.argv.slice(2);
const server = await serveDirectory(dist);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
for (const p of paths) {
  for (const [label, viewport, dark] of [['desk', { width: 1280, height: 900 }, false], ['phone-dark', { width: 390, height: 844 }, true]] as const) {
    const ctx = await browser.newContext({ viewport, colorScheme: dark ? 'dark' : 'light' });
    const page = await ctx.newPage();
    await page.goto(server.url + p);
    if (dark) await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
    await page.waitForTimeout(300);
    const file = `/tmp/shots/${name}-${p.replace(/[^a-z0-9]+/gi, '_')}-${label}.png`;
    await page.screenshot({ path: file, fullPage: label === 'desk' });
    console.log(file);
    await ctx.close();
  }
}
await browser.close();
await server.close();
