/*
 * Site search: Pagefind behind the theme's header search box (overrides/partials/search.html).
 *
 * Pagefind's index is split into chunks, so the first query fetches only what it needs, and
 * it stems Finnish. Nothing loads until the visitor opens the search. Results are rendered as
 * text; only Pagefind's <mark> highlights are kept from its excerpts.
 *
 * A module script runs once per document, after the page is parsed. It relies on full page
 * loads: with Material's navigation.instant the theme would swap in new pages without running
 * it again, and the listeners below would stay bound to the replaced header, so that feature
 * must stay off in mkdocs.yml.
 */
import { readContract } from "./lib/contract.js";
import { kindLabel, methodsByNameFirst, summary } from "./lib/search-logic.js";

const PAGE = 5;
const TYPING_PAUSE = 50;  // milliseconds

function start(contract, form) {
  const input = form.querySelector("input[name=query]");
  const toggle = document.getElementById("__search");
  const status = document.getElementById("site-search-status");
  const list = document.getElementById("site-search-results");
  const more = document.getElementById("site-search-more");
  const base = new URL(form.getAttribute("data-base"), location.href);
  let engine = null;
  let latest = 0;
  let found = [];
  let shown = 0;
  let timer = null;

  function pagefind() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", base).href).then((module) =>
        module.options({ baseUrl: base.pathname, excerptLength: 24 }).then(() => module));
    }
    return engine;
  }

  // Excerpt HTML from Pagefind -> text nodes and <mark> elements only.
  function excerpt(html) {
    const paragraph = document.createElement("p");
    const parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html").body;
    parsed.childNodes.forEach((node) => {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function resultItem(result) {
    const item = document.createElement("li");
    item.className = "md-search-result__item";
    const link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = result.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const label = kindLabel(result.meta.kind, contract);
    if (label) {
      const kind = document.createElement("p");
      kind.className = "search-result__kind";
      kind.textContent = label;
      article.appendChild(kind);
    }
    const title = document.createElement("h2");
    title.textContent = result.meta.title || result.url;
    article.appendChild(title);
    // A record's own summary says what it is; other pages show where the words matched.
    if (result.meta.summary) {
      const text = document.createElement("p");
      text.textContent = result.meta.summary;
      article.appendChild(text);
    } else {
      article.appendChild(excerpt(result.excerpt));
    }
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  // Results arrive a few at a time: each needs its own fragment of the index.
  function showMore(ticket, query, first) {
    const next = found.slice(shown, shown + PAGE);
    return Promise.all(next.map((result) => result.data())).then((loaded) => {
      if (ticket !== latest) return;
      const items = (first ? methodsByNameFirst(loaded, contract) : loaded).map(resultItem);
      if (first) list.replaceChildren(...items);
      else list.append(...items);
      shown += loaded.length;
      status.textContent = summary(query, found.length, shown);
      more.hidden = shown >= found.length;
      if (!first && items.length) items[0].querySelector("a").focus();
    });
  }

  function run() {
    const query = input.value.trim();
    const ticket = ++latest;
    found = [];
    shown = 0;
    more.hidden = true;
    if (!query) {
      status.textContent = "Kirjoita hakusana, esimerkiksi menetelmän nimi, kohderyhmä tai kunta.";
      list.replaceChildren();
      return;
    }
    pagefind()
      .then((module) => module.search(query))
      .then((search) => {
        if (ticket !== latest) return null;
        found = search.results;
        return showMore(ticket, query, true);
      })
      .catch(() => {
        if (ticket !== latest) return;
        status.textContent = "Haku ei ole käytettävissä juuri nyt. Kokeile selata menetelmiä tai esimerkkejä.";
        list.replaceChildren();
      });
  }

  function links() {
    return Array.from(list.querySelectorAll("a"));
  }

  // Opening the search starts Pagefind (its WebAssembly and index metadata) while the
  // visitor types, so the first query only waits for its own index chunks.
  function open() {
    if (!toggle.checked) toggle.checked = true;
    pagefind().then((module) => module.init()).catch(() => {});
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  input.addEventListener("focus", open);
  // The index chunks for the words typed so far load at once; the search itself waits for a
  // pause in typing, so results are not fetched for every letter.
  input.addEventListener("input", () => {
    const query = input.value.trim();
    if (query) pagefind().then((module) => module.preload(query)).catch(() => {});
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
}

const contract = readContract(document);
const form = document.querySelector("form[data-site-search]");
if (contract && form) start(contract, form);
