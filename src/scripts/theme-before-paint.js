// Before first paint, so a dark-theme reader never sees a light flash. Inlined in every page's head;
// astro.config.mjs allows it in the Content-Security-Policy by the hash of this exact text.
(() => {
  const saved = localStorage.getItem('theme');
  if (saved === 'dark' || saved === 'light') document.documentElement.dataset.theme = saved;
})();
