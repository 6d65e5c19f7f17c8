/*
 * Site search: Pagefind behind the theme's header search box (overrides/partials/search.html).
 *
 * Pagefind's index is split into chunks, so the first query fetches only what it needs, and
 * it stems Finnish. Nothing loads until the visitor opens the search. Results are rendered as
 * text; only Pagefind's <mark> highlights are kept from its excerpts.
 */
(function () {
  "use strict";

  var form = document.querySelector("form[data-site-search]");
  if (!form) return;
  var input = form.querySelector("input[name=query]");
  var toggle = document.getElementById("__search");
  var status = document.getElementById("site-search-status");
  var list = document.getElementById("site-search-results");
  var base = new URL(form.getAttribute("data-base"), location.href);
  var more = document.getElementById("site-search-more");
  var PAGE = 5;
  var NAME_WEIGHT = 10;
  var TYPING_PAUSE = 50;  // milliseconds
  var engine = null;
  var latest = 0;
  var found = [];
  var shown = 0;
  var timer = null;

  function pagefind() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", base).href).then(function (module) {
        return module.options({ baseUrl: base.pathname, excerptLength: 24 }).then(function () {
          return module;
        });
      });
    }
    return engine;
  }

  // Excerpt HTML from Pagefind -> text nodes and <mark> elements only.
  function excerpt(html) {
    var paragraph = document.createElement("p");
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
    return paragraph;
  }

  function resultItem(result) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = result.url;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    if (result.meta.kind) {
      var kind = document.createElement("p");
      kind.className = "search-result__kind";
      kind.textContent = result.meta.kind;
      article.appendChild(kind);
    }
    var title = document.createElement("h2");
    title.textContent = result.meta.title || result.url;
    article.appendChild(title);
    // A record's own summary says what it is; other pages show where the words matched.
    if (result.meta.summary) {
      var summary = document.createElement("p");
      summary.textContent = result.meta.summary;
      article.appendChild(summary);
    } else {
      article.appendChild(excerpt(result.excerpt));
    }
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  // Methods whose name or alias matched (weight 10, see overrides/records/method.md) come
  // first: "raadit" should offer the method Asiakasraati before the many cases that use it.
  function methodsByNameFirst(results) {
    function named(result) {
      return result.meta.kind === "Menetelmä" &&
        result.weighted_locations.some(function (location) { return location.weight >= NAME_WEIGHT; });
    }
    return results.filter(named).concat(results.filter(function (result) { return !named(result); }));
  }

  function summary(query, count, shown) {
    var quoted = " haulla ”" + query + "”";
    if (count === 0) return "Ei osumia" + quoted + ".";
    return (count === 1 ? "1 osuma" : count + " osumaa") + quoted + "." +
      (count > shown ? " Näytetään " + shown + " parasta." : "");
  }

  // Results arrive a few at a time: each needs its own fragment of the index.
  function showMore(ticket, query, first) {
    var next = found.slice(shown, shown + PAGE);
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (loaded) {
      if (ticket !== latest) return;
      var items = (first ? methodsByNameFirst(loaded) : loaded).map(resultItem);
      if (first) list.replaceChildren.apply(list, items);
      else list.append.apply(list, items);
      shown += loaded.length;
      status.textContent = summary(query, found.length, shown);
      more.hidden = shown >= found.length;
      if (!first && items.length) items[0].querySelector("a").focus();
    });
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    found = [];
    shown = 0;
    more.hidden = true;
    if (!query) {
      status.textContent = "Kirjoita hakusana, esimerkiksi menetelmän nimi, kohderyhmä tai kunta.";
      list.replaceChildren();
      return;
    }
    pagefind()
      .then(function (module) { return module.search(query); })
      .then(function (search) {
        if (ticket !== latest) return null;
        found = search.results;
        return showMore(ticket, query, true);
      })
      .catch(function () {
        if (ticket !== latest) return;
        status.textContent = "Haku ei ole käytettävissä juuri nyt. Kokeile selata menetelmiä tai esimerkkejä.";
        list.replaceChildren();
      });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  // Opening the search starts Pagefind (its WebAssembly and index metadata) while the
  // visitor types, so the first query only waits for its own index chunks.
  function open() {
    if (!toggle.checked) toggle.checked = true;
    pagefind().then(function (module) { return module.init(); }).catch(function () {});
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  input.addEventListener("focus", open);
  // The index chunks for the words typed so far load at once; the search itself waits for a
  // pause in typing, so results are not fetched for every letter.
  input.addEventListener("input", function () {
    var query = input.value.trim();
    if (query) pagefind().then(function (module) { return module.preload(query); }).catch(function () {});
    clearTimeout(timer);
    timer = setTimeout(run, TYPING_PAUSE);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) location.href = first.href;
  });
  more.addEventListener("click", function () {
    showMore(latest, input.value.trim(), false);
  });
  form.addEventListener("reset", function () {
    setTimeout(run, 0);
    input.focus();
  });
  toggle.addEventListener("change", function () {
    if (toggle.checked) input.focus();
  });

  // Arrow keys move between the search box and the results; Escape closes the search.
  document.addEventListener("keydown", function (event) {
    if (!toggle.checked) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
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
    var targets = [input].concat(links());
    var index = targets.indexOf(document.activeElement);
    if (index < 0) return;
    event.preventDefault();
    var next = index + (event.key === "ArrowDown" ? 1 : -1);
    targets[Math.max(0, Math.min(targets.length - 1, next))].focus();
  }, true);
})();
