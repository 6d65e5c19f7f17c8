/*
 * Site search behind the theme's header search box (overrides/partials/search.html).
 *
 * The query engine (lib/search-query.js) reads the query in Finnish base forms, puts named
 * methods and places first, corrects typos and adds synonyms; Pagefind answers each base form
 * from its chunked index, so the first query fetches only what it needs. Nothing loads until
 * the visitor opens the search. Results are built as DOM nodes from text: what the build
 * stored for each page (kind, title, summary, place, years, levels) with matched words marked.
 * Every word the visitor reads comes from the page contract (scripts/site/search_index.py;
 * the results area's own words from scripts/site/contract.py), which the page loads once.
 *
 * A module script runs once per document, after the page is parsed. It relies on full page
 * loads: with Material's navigation.instant the theme would swap in new pages without running
 * it again, and the listeners below would stay bound to the replaced header, so that feature
 * must stay off in mkdocs.yml.
 */
import { loadContract } from "./lib/contract.js";
import {
  finderHint, levelsLine, resultDetails, searchBoxTexts, searchSettings, summary, wordsFromAddress,
} from "./lib/search-logic.js";
import { formLookup, highlight, highlightKeys, highlightTerms, prepareVocabulary, runQuery } from "./lib/search-query.js";

const TYPING_PAUSE = 50;  // milliseconds

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

// The results area under the search box, in Material's classes so it looks like the theme's
// own: the status line (read out as it changes), the finder hint for a search that finds
// nothing, the results and the button for more. Built here rather than written into every
// page (issue 16): it only exists for the script to fill.
function resultsArea(form, input, texts, box, base) {
  const [before, after] = finderHint(box);
  const parts = {
    status: element("div", { class: "md-search-result__meta", id: "site-search-status", role: "status",
      "aria-live": "polite" }, texts.prompt),
    finder: element("p", { class: "search-finder", id: "site-search-finder", hidden: "" },
      before, element("a", { href: new URL(box.finderPage, base).href }, box.finderLink), after),
    list: element("ol", { class: "md-search-result__list", id: "site-search-results", "aria-label": box.results }),
    more: element("button", { type: "button", class: "search-more", id: "site-search-more", hidden: "" }, box.more),
  };
  form.after(element("div", { class: "md-search__output" },
    element("div", { class: "md-search__scrollwrap", tabindex: "0" },
      element("div", { class: "md-search-result" }, parts.status, parts.finder, parts.list, parts.more))));
  input.setAttribute("aria-controls", parts.list.id);
  input.setAttribute("aria-describedby", parts.status.id);
  return parts;
}

function start(contract, settings, box, form) {
  const input = form.querySelector("input[name=query]");
  const toggle = document.getElementById("__search");
  const base = new URL(form.getAttribute("data-base"), location.href);
  const { status, list, more, finder } = resultsArea(form, input, settings.texts, box, base);
  const folder = new URL(settings.folder, base);
  const texts = settings.texts;
  let engine = null;
  let latest = 0;
  let found = [];
  let terms = null;
  let corrected = null;
  let shown = 0;
  let timer = null;

  function fetchJson(path, options) {
    return fetch(new URL(path, folder), options).then((response) => {
      if (!response.ok) throw new Error(response.status + " " + path);
      return response.json();
    });
  }

  // Pagefind and the names table, loaded once when the visitor opens the search.
  function load() {
    if (!engine) {
      const pagefind = import(new URL(settings.bundle + "pagefind.js", base).href).then((module) =>
        module.options({ baseUrl: base.pathname }).then(() => module));
      // no-cache: the table is checked against the server on every page, never read stale after a build.
      const vocabulary = fetchJson(settings.vocabulary, { cache: "no-cache" }).then(prepareVocabulary);
      engine = Promise.all([pagefind, vocabulary]).then(([module, words]) =>
        ({ pagefind: module, vocabulary: words, lookup: formLookup(words, fetchJson), settings }));
      engine.catch(() => { engine = null; });
    }
    return engine;
  }

  function marked(tag, text, keys, className) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    for (const piece of highlight(text, keys, terms)) {
      if (piece.mark) {
        const mark = document.createElement("mark");
        mark.textContent = piece.text;
        element.appendChild(mark);
      } else {
        element.appendChild(document.createTextNode(piece.text));
      }
    }
    return element;
  }

  function textLine(className, text) {
    const line = document.createElement("p");
    line.className = className;
    line.textContent = text;
    return line;
  }

  function resultItem(data) {
    const meta = data.meta || {};
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const details = resultDetails(meta, contract);
    if (details) article.appendChild(textLine("search-result__kind", details));
    const keys = highlightKeys(meta);
    article.appendChild(marked("h2", meta.title || data.url, keys.title));
    if (meta.summary) article.appendChild(marked("p", meta.summary, keys.summary, "search-result__summary"));
    const levels = levelsLine(meta, texts);
    if (levels) article.appendChild(textLine("search-result__levels", levels));
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  // Results arrive a few at a time: each needs its own fragment of the index.
  function showMore(ticket, query, first) {
    const next = found.slice(shown, shown + settings.page);
    return Promise.all(next.map((each) => each.result.data())).then((loaded) => {
      if (ticket !== latest) return;
      const items = loaded.map(resultItem);
      if (first) list.replaceChildren(...items);
      else list.append(...items);
      shown += loaded.length;
      status.textContent = summary(texts, query, found.length, shown, corrected);
      more.hidden = shown >= found.length;
      finder.hidden = found.length > 0;
      if (!first && items.length) items[0].querySelector("a").focus();
    });
  }

  function run() {
    const query = input.value.trim();
    const ticket = ++latest;
    found = [];
    shown = 0;
    more.hidden = true;
    finder.hidden = true;
    if (!query) {
      status.textContent = texts.prompt;
      list.replaceChildren();
      return;
    }
    load()
      .then((loaded) => runQuery(query, loaded))
      .then((answer) => {
        if (ticket !== latest) return null;
        found = answer.results;
        terms = highlightTerms(answer.words);
        corrected = answer.corrected;
        return showMore(ticket, query, true);
      })
      .catch(() => {
        if (ticket !== latest) return;
        status.textContent = texts.unavailable;
        list.replaceChildren();
      });
  }

  function links() {
    return Array.from(list.querySelectorAll("a"));
  }

  // Opening the search starts Pagefind (its WebAssembly and index metadata) and the names
  // table while the visitor types, so the first query only waits for its own index chunks.
  function open() {
    if (!toggle.checked) toggle.checked = true;
    load().then((loaded) => loaded.pagefind.init()).catch(() => {});
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  input.addEventListener("focus", open);
  // The search waits for a pause in typing, so results are not fetched for every letter.
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, TYPING_PAUSE);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) location.href = first.href;
  });
  more.addEventListener("click", () => {
    showMore(latest, input.value.trim(), false);
  });
  form.addEventListener("reset", () => {
    setTimeout(run, 0);
    input.focus();
  });
  toggle.addEventListener("change", () => {
    if (toggle.checked) input.focus();
  });
  // Opened, or typed into, before this script ran (it waits for the page and the contract).
  if (toggle.checked) input.focus();
  if (input.value.trim()) run();

  // Arrow keys move between the search box and the results; Escape closes the search.
  document.addEventListener("keydown", (event) => {
    if (!toggle.checked) {
      const active = document.activeElement;
      const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) || active.isContentEditable;
      if (!typing && (event.key === "/" || event.key === "s") && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        open();
        input.focus();
      }
      return;
    }
    if (event.key === "Escape") {
      close();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const targets = [input].concat(links());
    const index = targets.indexOf(document.activeElement);
    if (index < 0) return;
    event.preventDefault();
    const next = index + (event.key === "ArrowDown" ? 1 : -1);
    targets[Math.max(0, Math.min(targets.length - 1, next))].focus();
  }, true);

  // The page-not-found page offers the search with words from the address it could not find.
  const notFound = document.querySelector("form[data-search-not-found]");
  if (notFound) {
    const box = notFound.querySelector("input[name=query]");
    box.value = wordsFromAddress(location.pathname, base.pathname);
    notFound.addEventListener("submit", (event) => {
      event.preventDefault();
      input.value = box.value.trim();
      open();
      input.focus();
      run();
    });
  }
}

const contract = await loadContract();
const settings = contract && searchSettings(contract);
const box = contract && searchBoxTexts(contract);
const form = document.querySelector("form[data-site-search]");
if (settings && box && form) start(contract, settings, box, form);
