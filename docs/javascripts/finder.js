/*
 * "Löydä menetelmä" (overrides/records/finder.md): facet filters and the three-question guide.
 *
 * The page lists every method and case without JavaScript; each list item carries its facet
 * values from the build as data attributes, so this script only hides and shows items. The
 * chosen filters live in the page address, so a filtered view can be linked.
 */
(function () {
  "use strict";

  var finder = document.getElementById("finder-form");
  if (!finder) return;
  var list = document.getElementById("finder-list");
  var status = document.getElementById("finder-status");
  var boxes = Array.prototype.slice.call(finder.querySelectorAll("input[type=checkbox]"));
  var params = boxes.map(function (box) { return box.name; })
    .filter(function (name, index, all) { return all.indexOf(name) === index; });
  var labels = {};
  boxes.forEach(function (box) {
    labels[box.name] = labels[box.name] || {};
    labels[box.name][box.value] = box.parentNode.querySelector(".finder-label").textContent;
  });
  var items = Array.prototype.slice.call(list.children).map(function (element) {
    var values = {};
    params.forEach(function (param) {
      values[param] = (element.getAttribute("data-" + param) || "").split("|").filter(Boolean);
    });
    return { element: element, values: values, cases: Number(element.getAttribute("data-esimerkit") || 0),
             title: element.querySelector("a").textContent, href: element.querySelector("a").getAttribute("href") };
  });

  function selection() {
    var chosen = {};
    boxes.forEach(function (box) {
      if (box.checked) (chosen[box.name] = chosen[box.name] || []).push(box.value);
    });
    return chosen;
  }

  // Any chosen value within a facet, every facet with a choice (but `except`).
  function matches(item, chosen, except) {
    return Object.keys(chosen).every(function (param) {
      return param === except || chosen[param].some(function (value) {
        return item.values[param].indexOf(value) >= 0;
      });
    });
  }

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  function update() {
    var chosen = selection();
    var shown = { method: 0, "case": 0 };
    items.forEach(function (item) {
      var visible = matches(item, chosen);
      item.element.hidden = !visible;
      if (visible) shown[item.values.tyyppi[0]] += 1;
    });
    boxes.forEach(function (box) {
      var count = items.filter(function (item) {
        return item.values[box.name].indexOf(box.value) >= 0 && matches(item, chosen, box.name);
      }).length;
      box.parentNode.querySelector(".finder-count").textContent = "(" + count + ")";
    });
    var filtered = Object.keys(chosen).length > 0;
    status.textContent = (filtered ? "Valinnoilla löytyi " : "Kaikkiaan ") + plural(shown.method, "menetelmä", "menetelmää") +
      " ja " + plural(shown["case"], "esimerkki", "esimerkkiä") + ".";
    var query = new URLSearchParams();
    boxes.forEach(function (box) { if (box.checked) query.append(box.name, box.value); });
    var search = query.toString();
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  function restore() {
    var query = new URLSearchParams(location.search);
    boxes.forEach(function (box) {
      box.checked = query.getAll(box.name).indexOf(box.value) >= 0;
      if (box.checked && box.closest("details")) box.closest("details").open = true;
    });
  }

  finder.hidden = false;
  finder.addEventListener("change", update);
  finder.addEventListener("reset", function () { setTimeout(update, 0); });
  restore();
  update();

  // The guide: methods at the chosen level, for the chosen group, within the resources.
  var guide = document.getElementById("guide-form");
  var answer = document.getElementById("guide-answer");
  // Resource levels from least to most, in the order the build wrote the answers (schema order).
  var RESOURCES = Array.prototype.map.call(guide.querySelectorAll("input[name=resurssit]"), function (input) {
    return input.value;
  });
  var SHORT_LIST = 5;

  function fit(item, level, group, resources) {
    var position = item.values.taso.indexOf(level);
    var need = RESOURCES.indexOf(item.values.resurssit[0]);
    if (position < 0 || need > RESOURCES.indexOf(resources)) return null;
    var score = position === 0 ? 3 : 1;
    var reasons = [position === 0 ? "päätaso on " + labels.taso[level].toLowerCase()
                                  : "sopii myös tasolle " + labels.taso[level].toLowerCase()];
    if (group && item.values.kohderyhma.indexOf(group) >= 0) {
      score += 2;
      reasons.push("kohderyhmänä " + labels.kohderyhma[group].toLowerCase());
    } else if (group) {
      score -= 1;
    }
    reasons.push("resurssitarve " + labels.resurssit[item.values.resurssit[0]].toLowerCase());
    score += need === RESOURCES.indexOf(resources) ? 0.5 : 0.25;
    score += Math.min(item.cases, 5) * 0.2;
    var sentence = reasons.join(", ");
    sentence = sentence.charAt(0).toUpperCase() + sentence.slice(1) + ".";
    if (item.cases) sentence += " Käytetty " + plural(item.cases, "esimerkissä", "esimerkissä") + " sivustolla.";
    return { item: item, score: score, why: sentence };
  }

  function suggest(event) {
    event.preventDefault();
    var form = new FormData(guide);
    var level = form.get("taso"), group = form.get("kohderyhma"), resources = form.get("resurssit");
    var ranked = items.filter(function (item) { return item.values.tyyppi[0] === "method"; })
      .map(function (item) { return fit(item, level, group, resources); })
      .filter(Boolean)
      .sort(function (a, b) { return b.score - a.score || a.item.title.localeCompare(b.item.title, "fi"); })
      .slice(0, SHORT_LIST);
    var heading = document.createElement("h3");
    heading.tabIndex = -1;
    heading.textContent = ranked.length ? "Ehdotukset" : "Ei sopivia menetelmiä";
    var parts = [heading];
    if (ranked.length) {
      var suggestions = document.createElement("ol");
      suggestions.className = "guide-list";
      ranked.forEach(function (entry) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = entry.item.href;
        link.textContent = entry.item.title;
        var why = document.createElement("p");
        why.textContent = entry.why;
        item.append(link, why);
        suggestions.appendChild(item);
      });
      parts.push(suggestions);
    } else {
      var none = document.createElement("p");
      none.textContent = "Tällä tasolla ei ole menetelmää näillä resursseilla. Kokeile suurempaa resurssivarausta tai katso kaikki tason menetelmät.";
      parts.push(none);
    }
    var more = document.createElement("a");
    var query = new URLSearchParams({ tyyppi: "method", taso: level });
    if (group) query.append("kohderyhma", group);
    more.href = "?" + query.toString() + "#finder-heading";
    more.textContent = "Näytä kaikki tason " + labels.taso[level].toLowerCase() + " menetelmät suodattimissa";
    more.addEventListener("click", function (click) {
      click.preventDefault();
      history.replaceState(null, "", more.getAttribute("href"));
      restore();
      update();
      document.getElementById("finder-heading").scrollIntoView();
    });
    var paragraph = document.createElement("p");
    paragraph.appendChild(more);
    parts.push(paragraph);
    answer.replaceChildren.apply(answer, parts);
    heading.focus();
  }

  // Someone who arrives with filters in the address (a level page, a shared link) wants the list.
  var guideBox = document.getElementById("guide");
  guideBox.hidden = false;
  guideBox.open = location.search === "";
  guide.addEventListener("submit", suggest);
})();
