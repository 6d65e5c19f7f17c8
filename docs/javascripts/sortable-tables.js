/*
 * Sortable record lists. The tables are complete and sorted by name without JavaScript;
 * this only turns each column header into a button that sorts by that column, Finnish
 * alphabetical order for text and numeric order for years, and announces the order
 * with aria-sort.
 */
(function () {
  "use strict";

  var collator = new Intl.Collator("fi", { numeric: true, sensitivity: "base" });

  function cellText(row, index) {
    return row.cells[index] ? row.cells[index].textContent.trim() : "";
  }

  function sortBy(table, index, header) {
    var body = table.tBodies[0];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var order = collator.compare(cellText(a, index), cellText(b, index));
      return ascending ? order : -order;
    });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    rows.forEach(function (row) {
      body.appendChild(row);
    });
  }

  function enhance(table) {
    if (!table.tHead || !table.tBodies[0] || table.dataset.sortable) {
      return;
    }
    table.dataset.sortable = "true";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = header.textContent;
      button.title = "Järjestä sarakkeen " + header.textContent + " mukaan";
      button.addEventListener("click", function () {
        sortBy(table, index, header);
      });
      header.textContent = "";
      header.appendChild(button);
    });
    table.tHead.rows[0].cells[0].setAttribute("aria-sort", "ascending");
  }

  function init() {
    document.querySelectorAll(".sortable-table table").forEach(enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
