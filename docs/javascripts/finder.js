/*
 * "Löydä menetelmä" (overrides/records/finder.md): facet filters (the guide is guide.js).
 *
 * The page lists every method and case without JavaScript; each list item carries its facet
 * values from the build as data attributes, so this script only hides and shows items. The
 * chosen filters live in the page address, so a filtered view can be linked.
 *
 * A module script runs once per document, after the page is parsed. It relies on full page
 * loads: with Material's navigation.instant the theme would swap in this page without running
 * the script, leaving the filters hidden, so that feature must stay off
 * in mkdocs.yml.
 */
import { itemParams, loadContract } from "./lib/contract.js";
import {
  countKinds, countsByValue, matches, queryToSelection, selectionToQuery, splitValues, statusText,
} from "./lib/finder-logic.js";

function start(contract, finder) {
  const list = document.getElementById("finder-list");
  const status = document.getElementById("finder-status");
  const boxes = Array.from(finder.querySelectorAll("input[type=checkbox]"));
  const params = itemParams(contract);
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
}

const contract = await loadContract();
const finder = document.getElementById("finder-form");
if (contract && finder) start(contract, finder);
