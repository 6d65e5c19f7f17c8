/*
 * "Löydä menetelmä" (overrides/records/finder.md): facet filters and the three-question guide.
 *
 * The page lists every method and case without JavaScript; each list item carries its facet
 * values from the build as data attributes, so this script only hides and shows items. The
 * chosen filters live in the page address, so a filtered view can be linked.
 *
 * A module script runs once per document, after the page is parsed. It relies on full page
 * loads: with Material's navigation.instant the theme would swap in this page without running
 * the script, leaving the filters hidden and the guide closed, so that feature must stay off
 * in mkdocs.yml.
 */
import { itemParams, readContract } from "./lib/contract.js";
import {
  countKinds, countsByValue, guideQuery, lowerLabel, matches, queryToSelection, rankMethods, selectionToQuery,
  splitValues, statusText,
} from "./lib/finder-logic.js";

const SHORT_LIST = 5;

function start(contract, finder) {
  const list = document.getElementById("finder-list");
  const status = document.getElementById("finder-status");
  const boxes = Array.from(finder.querySelectorAll("input[type=checkbox]"));
  const params = itemParams(contract);
  // { param: { value: label } } from the filters, for the guide's sentences.
  const labels = {};
  boxes.forEach((box) => {
    labels[box.name] = labels[box.name] || {};
    labels[box.name][box.value] = box.parentNode.querySelector(".finder-label").textContent;
  });
  const items = Array.from(list.children).map((element) => {
    const values = {};
    params.forEach((param) => { values[param] = splitValues(element.getAttribute("data-" + param)); });
    const link = element.querySelector("a");
    return { element, values, cases: Number(element.getAttribute(contract.caseCountAttribute) || 0),
             title: link.textContent, href: link.getAttribute("href") };
  });

  // Checked boxes as { param: [values] }, in the order of the form.
  function selection() {
    const chosen = {};
    boxes.forEach((box) => {
      if (box.checked) (chosen[box.name] = chosen[box.name] || []).push(box.value);
    });
    return chosen;
  }

  function update() {
    const chosen = selection();
    const visible = items.filter((item) => {
      item.element.hidden = !matches(item, chosen);
      return !item.element.hidden;
    });
    const counts = countsByValue(items, chosen, params);
    boxes.forEach((box) => {
      const count = (counts[box.name] && counts[box.name][box.value]) || 0;
      box.parentNode.querySelector(".finder-count").textContent = "(" + count + ")";
    });
    status.textContent = statusText(countKinds(visible, contract), contract, Object.keys(chosen).length > 0);
    const search = selectionToQuery(chosen);
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
  }

  function restore() {
    const chosen = queryToSelection(location.search, params);
    boxes.forEach((box) => {
      box.checked = (chosen[box.name] || []).indexOf(box.value) >= 0;
      if (box.checked && box.closest("details")) box.closest("details").open = true;
    });
  }

  finder.hidden = false;
  finder.addEventListener("change", update);
  finder.addEventListener("reset", () => { setTimeout(update, 0); });
  restore();
  update();

  // The guide: methods at the chosen level, for the chosen group, within the resources.
  const guide = document.getElementById("guide-form");
  const answer = document.getElementById("guide-answer");
  const guideBox = document.getElementById("guide");
  if (!guide || !answer || !guideBox) return;
  const questions = contract.guide;

  function suggest(event) {
    event.preventDefault();
    const form = new FormData(guide);
    const answers = { level: form.get(questions.level), group: form.get(questions.group),
                      resources: form.get(questions.resources) };
    const ranked = rankMethods(items, answers, contract, labels, SHORT_LIST);
    const heading = document.createElement("h3");
    heading.tabIndex = -1;
    heading.textContent = ranked.length ? "Ehdotukset" : "Ei sopivia menetelmiä";
    const parts = [heading];
    if (ranked.length) {
      const suggestions = document.createElement("ol");
      suggestions.className = "guide-list";
      ranked.forEach((entry) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = entry.item.href;
        link.textContent = entry.item.title;
        const why = document.createElement("p");
        why.textContent = entry.why;
        item.append(link, why);
        suggestions.appendChild(item);
      });
      parts.push(suggestions);
    } else {
      const none = document.createElement("p");
      none.textContent = "Tällä tasolla ei ole menetelmää näillä resursseilla. Kokeile suurempaa resurssivarausta tai katso kaikki tason menetelmät.";
      parts.push(none);
    }
    const more = document.createElement("a");
    more.href = "?" + guideQuery(answers, contract) + "#finder-heading";
    more.textContent = "Näytä kaikki tason " + lowerLabel(labels, questions.level, answers.level) + " menetelmät suodattimissa";
    more.addEventListener("click", (click) => {
      click.preventDefault();
      history.replaceState(null, "", more.getAttribute("href"));
      restore();
      update();
      document.getElementById("finder-heading").scrollIntoView();
    });
    const paragraph = document.createElement("p");
    paragraph.appendChild(more);
    parts.push(paragraph);
    answer.replaceChildren(...parts);
    heading.focus();
  }

  // Someone who arrives with filters in the address (a level page, a shared link) wants the list.
  guideBox.hidden = false;
  guideBox.open = location.search === "";
  guide.addEventListener("submit", suggest);
}

const contract = readContract(document);
const finder = document.getElementById("finder-form");
if (contract && finder) start(contract, finder);
