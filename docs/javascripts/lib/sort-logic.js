/*
 * The order of sortable record tables (docs/javascripts/sortable-tables.js): Finnish
 * alphabetical order (å, ä, ö after z; case ignored) with numbers by value, so years and
 * "2 kuntaa" / "10 kuntaa" sort as numbers. Unknown values (an empty cell, a dash, or
 * "ei tiedossa" as in "vuodet ei tiedossa") come last in both directions: a reader sorting
 * by years or region wants the known ones first, whichever way round.
 */

const collator = new Intl.Collator("fi", { numeric: true, sensitivity: "base" });

export function compareText(a, b) {
  return collator.compare(a, b);
}

// What the record pages write for a missing value (scripts/site/views.py).
export function isUnknown(text) {
  const value = text.trim();
  return value === "" || /^[–—-]$/.test(value) || /(^|\s)ei tiedossa$/i.test(value);
}

// Clicking a header sorts ascending, or descending when it already is ascending.
export function nextOrder(current) {
  return current === "ascending" ? "descending" : "ascending";
}

// A sorted copy of `rows`, by the text `key(row)`; unknown values last; equal rows keep their order.
export function sortRows(rows, key, order) {
  const sign = order === "descending" ? -1 : 1;
  const known = rows.filter((row) => !isUnknown(key(row)));
  const unknown = rows.filter((row) => isUnknown(key(row)));
  return known.sort((a, b) => sign * compareText(key(a), key(b))).concat(unknown);
}
