import { test } from "node:test";
import assert from "node:assert/strict";

import { compareText, isUnknown, nextOrder, sortRows } from "../../docs/javascripts/lib/sort-logic.js";

const text = (value) => value;

test("Finnish alphabetical order puts å, ä and ö after z, ignoring case", () => {
  assert.deepEqual(sortRows(["Öljy", "äiti", "Zeta", "aapo", "Åke", "Vaasa"], text, "ascending"),
    ["aapo", "Vaasa", "Zeta", "Åke", "äiti", "Öljy"]);
  assert.equal(compareText("Tampere", "tampere"), 0);
});

test("numbers sort by value, so years and counts are in numeric order", () => {
  assert.deepEqual(sortRows(["2021", "1999", "2009", "2020"], text, "ascending"), ["1999", "2009", "2020", "2021"]);
  assert.deepEqual(sortRows(["10 kuntaa", "9 kuntaa", "100 kuntaa"], text, "ascending"),
    ["9 kuntaa", "10 kuntaa", "100 kuntaa"]);
});

test("descending reverses the order, equal rows keep theirs, the input is not changed", () => {
  const rows = [{ name: "Oulu", id: 1 }, { name: "Espoo", id: 2 }, { name: "oulu", id: 3 }, { name: "Äänekoski", id: 4 }];
  const sorted = sortRows(rows, (row) => row.name, "descending");
  assert.deepEqual(sorted.map((row) => row.id), [4, 1, 3, 2]);
  assert.deepEqual(rows.map((row) => row.id), [1, 2, 3, 4]);
});

test("a header sorts ascending first, then toggles", () => {
  assert.equal(nextOrder(null), "ascending");
  assert.equal(nextOrder("ascending"), "descending");
  assert.equal(nextOrder("descending"), "ascending");
});

test("unknown values (empty, a dash, ei tiedossa) come last in both directions, in their own order", () => {
  const years = ["2019–2021", "vuodet ei tiedossa", "2005", "", "–", "2019–", "Ei tiedossa"];
  assert.deepEqual(sortRows(years, text, "ascending"),
    ["2005", "2019–", "2019–2021", "vuodet ei tiedossa", "", "–", "Ei tiedossa"]);
  assert.deepEqual(sortRows(years, text, "descending"),
    ["2019–2021", "2019–", "2005", "vuodet ei tiedossa", "", "–", "Ei tiedossa"]);
  const regions = ["Uusimaa", "  ", "Lappi, Uusimaa", "Kainuu"];
  assert.deepEqual(sortRows(regions, text, "descending"), ["Uusimaa", "Lappi, Uusimaa", "Kainuu", "  "]);
});

test("a value that only mentions something unknown is a known value", () => {
  for (const value of ["ei tiettyä kuntaa", "käynnissä (2016)", "2019–?", "Tiedossa olevat"]) {
    assert.equal(isUnknown(value), false, value);
  }
  for (const value of ["", " ", "–", "-", "ei tiedossa", "vuodet ei tiedossa"]) {
    assert.equal(isUnknown(value), true, value);
  }
});
