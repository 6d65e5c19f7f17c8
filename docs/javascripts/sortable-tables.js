/*
 * Sortable record lists. The tables are complete and sorted by name without JavaScript;
 * this only turns each column header into a button that sorts by that column, Finnish
 * alphabetical order for text and numeric order for years, unknown values last, and
 * announces the order with aria-sort. On a phone, where docs/stylesheets/lists.css shows
 * the rows as cards, the header row stays visible as a row of these sort buttons.
 *
 * A module script runs once per document, after the page is parsed. It relies on full page
 * loads: with Material's navigation.instant the theme would swap in new pages without running
 * it again, leaving their tables plain, so that feature must stay off in mkdocs.yml.
 */
import { nextOrder, sortRows } from "./lib/sort-logic.js";

function cellText(row, index) {
  return row.cells[index] ? row.cells[index].textContent.trim() : "";
}

function sortBy(table, index, header) {
  const body = table.tBodies[0];
  const order = nextOrder(header.getAttribute("aria-sort"));
  const rows = sortRows(Array.from(body.rows), (row) => cellText(row, index), order);
  Array.from(table.tHead.rows[0].cells).forEach((cell) => cell.removeAttribute("aria-sort"));
  header.setAttribute("aria-sort", order);
  rows.forEach((row) => body.appendChild(row));
}

function enhance(table) {
  if (!table.tHead || !table.tBodies[0] || table.dataset.sortable) return;
  table.dataset.sortable = "true";
  Array.from(table.tHead.rows[0].cells).forEach((header, index) => {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = header.textContent;
    button.title = "Järjestä sarakkeen " + header.textContent + " mukaan";
    button.addEventListener("click", () => sortBy(table, index, header));
    header.textContent = "";
    header.appendChild(button);
  });
  table.tHead.rows[0].cells[0].setAttribute("aria-sort", "ascending");
  table.tHead.rows[0].dataset.label = "Järjestä:";
}

document.querySelectorAll(".sortable-table table").forEach(enhance);
