/*
 * Site search: Pagefind behind the theme's header search box (overrides/partials/search.html).
 *
 * Pagefind's index is split into chunks, so the first query fetches only what it needs, and
 * it stems Finnish. Nothing loads until the visitor starts typing. Results are rendered as
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
  var MAX_RESULTS = 10;
  var NAMED_METHODS = 3;
  var NAME_WEIGHT = 10;
  var engine = null;
  var latest = 0;
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
  function methodsByNameFirst(results, methods) {
    var named = methods.filter(function (method) {
      return method.weighted_locations.some(function (location) { return location.weight >= NAME_WEIGHT; });
    });
    var urls = named.map(function (method) { return method.url; });
    return named.concat(results.filter(function (result) { return urls.indexOf(result.url) < 0; }))
      .slice(0, MAX_RESULTS);
  }

  function show(message, items) {
    status.textContent = message;
    list.replaceChildren.apply(list, items);
  }

  function run() {
    var query = input.value.trim();
    var ticket = ++latest;
    if (!query) {
      show("Kirjoita hakusana, esimerkiksi menetelmän nimi, kohderyhmä tai kunta.", []);
      return;
    }
    pagefind()
      .then(function (module) {
        return Promise.all([module.search(query), module.search(query, { filters: { kind: "method" } })]);
      })
      .then(function (searches) {
        if (ticket !== latest) return null;
        var search = searches[0];
        var pages = search.results.slice(0, MAX_RESULTS).concat(searches[1].results.slice(0, NAMED_METHODS));
        return Promise.all(pages.map(function (r) { return r.data(); }))
          .then(function (loaded) {
            if (ticket !== latest) return;
            var results = methodsByNameFirst(loaded.slice(0, MAX_RESULTS), loaded.slice(MAX_RESULTS));
            var count = search.results.length;
            var quoted = " haulla ”" + query + "”";
            var message = count === 0 ? "Ei osumia" + quoted + "." :
              (count === 1 ? "1 osuma" : count + " osumaa") + quoted +
              (count > MAX_RESULTS ? ", näytetään " + MAX_RESULTS + " parasta." : ".");
            show(message, results.map(resultItem));
          });
      })
      .catch(function () {
        if (ticket === latest) show("Haku ei ole käytettävissä juuri nyt. Kokeile selata menetelmiä tai esimerkkejä.", []);
      });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  function open() {
    if (!toggle.checked) toggle.checked = true;
  }

  function close() {
    toggle.checked = false;
    input.blur();
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(run, 80);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = links()[0];
    if (first) location.href = first.href;
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
