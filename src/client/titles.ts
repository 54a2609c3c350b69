/** Options added to the list per idle moment: 15,000 at once held the graph page for 200 ms. */
const CHUNK = 1000;

/**
 * Fills a datalist with titles once the graph file is in, rather than
 * shipping thousands of options in the HTML; sorted, and added a chunk at a
 * time when the page is idle, so that the list never holds up the page.
 * Resolves when every title is in.
 */
export async function fillTitles(list: HTMLDataListElement | null, titles: Iterable<string>): Promise<void> {
  if (!list) return;
  const sorted = [...new Set(titles)].sort(new Intl.Collator().compare);
  list.replaceChildren();
  for (let start = 0; start < sorted.length; start += CHUNK) {
    await idle();
    list.append(...sorted.slice(start, start + CHUNK).map((t) => Object.assign(document.createElement('option'), { value: t })));
  }
}

const idle = () => new Promise<void>((done) => ('requestIdleCallback' in window ? requestIdleCallback(() => done(), { timeout: 500 }) : setTimeout(done, 0)));
