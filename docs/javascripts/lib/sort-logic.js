/*
 * The order of sortable record tables (docs/javascripts/sortable-tables.js): Finnish
 * alphabetical order (å, ä, ö after z; case ignored) with numbers by value, so years and
 * "2 kuntaa" / "10 kuntaa" sort as numbers.
 */

const collator = new Intl.Collator("fi", { numeric: true, sensitivity: "base" });

export function compareText(a, b) {
  return collator.compare(a, b);
}

// Clicking a header sorts ascending, or descending when it already is ascending.
export function nextOrder(current) {
  return current === "ascending" ? "descending" : "ascending";
}

// A sorted copy of `rows`, by the text `key(row)`; equal rows keep their order.
export function sortRows(rows, key, order) {
  const sign = order === "descending" ? -1 : 1;
  return rows.slice().sort((a, b) => sign * compareText(key(a), key(b)));
}
