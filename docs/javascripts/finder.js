/*
 * "Löydä menetelmä" (overrides/records/finder.md): facet filters, sorting and paged results
 * (the guide is guide.js).
 *
 * The page itself lists only the first page of records (the no-JS list, which links to the
 * rest); the records' facet values, titles and orders come from the data file the build writes
 * (scripts/site/finder.py), fetched as soon as this script starts so the first filter does not
 * wait for it. The chosen filters and the sort live in the page address, so a view can be linked.
 *
 * On a phone the results come first: a button opens the filters (a disclosure), chosen filters
 * show as removable chips above the results. On a wide screen the filters stay beside them.
 *
 * A module script runs once per document, after the page is parsed. It relies on full page
 * loads: with Material's navigation.instant the theme would swap in this page without running
 * the script, so that feature must stay off in mkdocs.yml.
 */
import { loadContract } from "./lib/contract.js";
import {
  countKinds, countsByValue, decodeData, filterButtonText, queryToSelection, queryToSort, selectionToQuery,
  showResultsText, shownText, statusText, visibleItems,
} from "./lib/finder-logic.js";

function start(contract, section) {
  const form = document.getElementById("finder-form");
  const status = document.getElementById("finder-status");
  const list = document.getElementById("finder-list");
  const heading = document.getElementById("finder-heading");
  const toggle = document.getElementById("finder-toggle");
  const sortSelect = document.getElementById("finder-sort");
  const sortNote = section.querySelector(".finder-sort-note");
  const chips = section.querySelector(".finder-chips");
  const more = section.querySelector(".finder-more");
  const close = form.querySelector(".finder-close");
  const boxes = Array.from(form.querySelectorAll("input[type=checkbox]"));
  const sortParam = section.dataset.sortParam;
  const sorts = Array.from(sortSelect.options).map((option) => option.value);
  const perPage = Number(section.dataset.perPage);
  const params = Array.from(new Set(boxes.map((box) => box.name)));
  const labels = {};
  boxes.forEach((box) => {
    (labels[box.name] = labels[box.name] || {})[box.value] = box.parentNode.querySelector(".finder-label").textContent;
  });
  const data = fetch(section.dataset.finderData).then((response) => {
    if (!response.ok) throw new Error(response.status + " " + response.url);
    return response.json();
  }).then(decodeData);
  let shown = perPage;
  let visible = [];

  // Checked boxes as { param: [values] }, in the order of the form.
  function selection() {
    const chosen = {};
    boxes.forEach((box) => {
      if (box.checked) (chosen[box.name] = chosen[box.name] || []).push(box.value);
    });
    return chosen;
  }

  function item(record) {
    const element = document.createElement("li");
    const link = element.appendChild(document.createElement("a"));
    link.href = "../" + record.url;
    link.textContent = record.title;
    const line = document.createElement("span");
    line.className = "finder-line";
    line.textContent = record.line;
    element.append(" ", line);
    return element;
  }

  function renderList(from) {
    const fragment = document.createDocumentFragment();
    visible.slice(from, shown).forEach((record) => fragment.appendChild(item(record)));
    if (from === 0) list.replaceChildren(fragment); else list.appendChild(fragment);
    list.removeAttribute("aria-busy");
    more.hidden = shown >= visible.length;
  }

  function renderChips(chosen) {
    const chipList = chips.querySelector("ul");
    chipList.replaceChildren();
    Object.keys(chosen).forEach((param) => chosen[param].forEach((value) => {
      const button = chipList.appendChild(document.createElement("li")).appendChild(document.createElement("button"));
      button.type = "button";
      button.className = "finder-chip";
      button.dataset.param = param;
      button.dataset.value = value;
      button.setAttribute("aria-label", "Poista suodatin: " + labels[param][value]);
      button.textContent = labels[param][value];
      const cross = button.appendChild(document.createElement("span"));
      cross.setAttribute("aria-hidden", "true");
      cross.textContent = " ×";
    }));
    chips.hidden = Object.keys(chosen).length === 0;
  }

  function announce(chosen, total) {
    status.textContent = statusText(countKinds(visible, contract), contract, Object.keys(chosen).length > 0) +
      shownText(Math.min(shown, visible.length), total);
  }

  async function update() {
    const chosen = selection();
    const sort = sortSelect.value;
    toggle.textContent = filterButtonText(chosen);
    renderChips(chosen);
    sortNote.textContent = sortSelect.selectedOptions[0].dataset.note;
    const search = selectionToQuery(chosen, sort, sortParam, sorts[0]);
    history.replaceState(null, "", location.pathname + (search ? "?" + search : "") + location.hash);
    const { items, orders, params: dataParams } = await data;
    visible = visibleItems(orders[sort], chosen);
    shown = perPage;
    renderList(0);
    const counts = countsByValue(items, chosen, dataParams);
    boxes.forEach((box) => {
      const count = (counts[box.name] && counts[box.name][box.value]) || 0;
      box.parentNode.querySelector(".finder-count").textContent = "(" + count + ")";
    });
    close.textContent = showResultsText(visible.length);
    announce(chosen, visible.length);
  }

  function setOpen(open) {
    section.classList.toggle("finder--open", open);
    toggle.setAttribute("aria-expanded", String(open));
  }

  function restore() {
    const chosen = queryToSelection(location.search, params);
    boxes.forEach((box) => {
      box.checked = (chosen[box.name] || []).indexOf(box.value) >= 0;
      if (box.checked && box.closest("details")) box.closest("details").open = true;
    });
    sortSelect.value = queryToSort(location.search, sortParam, sorts);
    return Object.keys(chosen).length > 0 || sortSelect.value !== sorts[0];
  }

  function clearAll() {
    boxes.forEach((box) => { box.checked = false; });
    update();
  }

  list.setAttribute("aria-busy", "true");  // until the results come from the data file
  form.hidden = false;
  section.querySelector(".finder-tools").hidden = false;
  section.querySelectorAll(".finder-pages").forEach((nav) => { nav.hidden = true; });
  section.classList.add("finder--active");
  form.addEventListener("change", update);
  form.addEventListener("reset", (event) => { event.preventDefault(); clearAll(); });
  sortSelect.addEventListener("change", update);
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    setOpen(open);
    if (open) form.querySelector("input, summary").focus();
  });
  close.addEventListener("click", () => { setOpen(false); heading.focus(); });
  form.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && section.classList.contains("finder--open")) {
      setOpen(false);
      toggle.focus();
    }
  });
  chips.addEventListener("click", (event) => {
    const chip = event.target.closest(".finder-chip");
    if (chip) {
      const all = Array.from(chips.querySelectorAll(".finder-chip"));
      const next = all[all.indexOf(chip) + 1] || all[all.indexOf(chip) - 1];
      const nextKey = next && [next.dataset.param, next.dataset.value];
      boxes.find((box) => box.name === chip.dataset.param && box.value === chip.dataset.value).checked = false;
      update();
      const target = nextKey && chips.querySelector(`.finder-chip[data-param="${CSS.escape(nextKey[0])}"][data-value="${CSS.escape(nextKey[1])}"]`);
      (target || heading).focus();
    } else if (event.target.closest(".finder-clear")) {
      clearAll();
      heading.focus();
    }
  });
  more.addEventListener("click", () => {
    const from = shown;
    shown += perPage;
    renderList(from);
    announce(selection(), visible.length);
    const first = list.children[from];
    if (first) first.querySelector("a").focus();
  });
  // A shared link with filters opens at the results, not at the guide above them: once they
  // are shown, when the scripts above have laid out their part of the page.
  const linked = restore() && !location.hash;
  update().then(() => { if (linked) heading.scrollIntoView(); }).catch((error) => {
    status.textContent = "Suodattimia ei saatu käyttöön. Lataa sivu uudelleen.";
    throw error;
  });
}

const section = document.querySelector(".finder[data-finder-data]");
const contract = section && await loadContract();
if (contract) start(contract, section);
