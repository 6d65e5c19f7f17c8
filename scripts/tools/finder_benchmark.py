"""Benchmark of the finder (/loyda/) in a built site: page size, data for the first filter, update time.

:func:`measure` is what ``benchmark.py`` reports for each size. The numbers come from a real
browser on the site served with compression, as a visitor meets it:

- ``finder_page_kb``: the finder page's HTML as built (what every visitor downloads first);
- ``finder_first_filter_kb``: what the page fetched for its data (``fetch`` requests in the
  browser's network log, bodies and headers as transferred) by the time the first filter's
  results are on screen;
- ``finder_update_ms``: from a click on a filter to the updated results painted, measured
  inside the page with ``performance.now()``: the click, the status line changing (a
  mutation observer) and the next frame. With ``before_data=True`` the click comes as soon as
  the page is parsed, before the data file has arrived, which is what a first filter costs
  when the data is fetched only on the first click.
"""

from __future__ import annotations

from pathlib import Path

from scripts.tools.serving import CHROMIUM, served

KB = 1000
FINDER_PAGE = "loyda/index.html"
VIEWPORT = {"width": 1280, "height": 900}

# Clicks the first filter value and waits for the status line to say what it found, and the next frame.
CLICK_FIRST_FILTER = """async () => {
  const status = document.getElementById('finder-status');
  const box = document.querySelector('#finder-form details input[type=checkbox]');
  const changed = new Promise(resolve => new MutationObserver((_, observer) => {
    if (status.textContent.startsWith('Valinnoilla')) { observer.disconnect(); resolve(); }
  }).observe(status, {childList: true, characterData: true, subtree: true}));
  const start = performance.now();
  box.click();
  await changed;
  await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)));
  return {ms: performance.now() - start, results: document.querySelectorAll('#finder-list > li').length};
}"""


def measure(site_dir: Path, before_data: bool = False, browser=None) -> dict[str, float]:
    """The finder's figures for a built site (see the module docstring), in ``browser`` if given
    (a Playwright Chromium already running in this thread), else in a Chromium of its own."""
    page_kb = (site_dir / FINDER_PAGE).stat().st_size / KB
    with served(site_dir, compress=True) as url:
        if browser is not None:
            figures = _in_browser(browser, url, before_data)
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as playwright:
                own = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
                try:
                    figures = _in_browser(own, url, before_data)
                finally:
                    own.close()
    return {"finder_page_kb": page_kb, **figures}


def _in_browser(browser, url: str, before_data: bool) -> dict[str, float]:
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        fetched = []
        page.on("requestfinished", lambda request: fetched.append(request))
        page.goto(url + "loyda/", wait_until="domcontentloaded" if before_data else "load")
        if not before_data:
            page.wait_for_load_state("networkidle")
        update = page.evaluate(CLICK_FIRST_FILTER)
        data = [request.sizes() for request in fetched if request.resource_type == "fetch"]
    finally:
        context.close()
    if not update["results"]:
        raise RuntimeError("Löydä menetelmä -sivun ensimmäinen suodatin ei näyttänyt yhtään tulosta.")
    return {"finder_first_filter_kb": sum(size["responseBodySize"] + size["responseHeadersSize"] for size in data) / KB,
            "finder_update_ms": update["ms"]}
