// Screenshot helper (outside the repo): tsx /work/shot.ts <distDir> <outPrefix> <path> [more paths...]
import { chromium } from 'playwright-core';
import { serveDirectory } from './scripts/lib/static-server.ts';
const [dist, prefix, ...paths] = process.argv.slice(2);
const server = await serveDirectory(dist);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
for (const p of paths) {
  for (const [w, h, tag] of [[1280, 900, 'desk'], [390, 844, 'phone']] as const) {
    for (const theme of ['light', 'dark']) {
      const ctx = await browser.newContext({ viewport: { width: w, height: h }, colorScheme: theme as 'light' | 'dark' });
      const page = await ctx.newPage();
      await page.goto(server.url + p);
      const sel = process.env.SEL;
      if (sel) await page.locator(sel).first().scrollIntoViewIfNeeded();
      const name = `${prefix}-${p.replace(/[^a-z0-9]+/gi, '_').slice(0, 40)}-${tag}-${theme}.png`;
      if (sel) await page.locator(sel).first().screenshot({ path: `/tmp/shots/${name}` });
      else await page.screenshot({ path: `/tmp/shots/${name}`, fullPage: !!process.env.FULL });
      console.log(name);
      await ctx.close();
    }
  }
}
await browser.close();
server.close();
