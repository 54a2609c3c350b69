/**
 * The Chromium that browser tests and benchmarks drive (Debian's, through playwright-core), and the flags
 * both start it with.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // Chromium's own address-bar popup is a web page of its own (WebUI) that every new window loads: in a trace
  // of the graph page it fetched and ran about 400 modules in a second renderer during the page's first 3.7 s,
  // taking one of a 2-core machine's cores from the page measured or tested. A reader's browser made it once,
  // when its window opened; each run here opens a new one. Turned off, the graph page's first paint went from
  // 2.72 to 1.44 s in the same trace pair (the rest of the page's work unchanged).
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxFullPopup,WebUIOmniboxAimPopup',
] as const;
