import test from "node:test";
import assert from "node:assert/strict";

import { finnishDate, withAccessDate } from "../../docs/javascripts/lib/citation-logic.js";

const citation = { accessedMarker: "Viitattu [lukupäivä]", accessedLabel: "Viitattu" };

test("dates are written the Finnish way, without leading zeros", () => {
  assert.equal(finnishDate(new Date(2026, 11, 5)), "5.12.2026");
  assert.equal(finnishDate(new Date(2027, 0, 31)), "31.1.2027");
});

test("the marker becomes the reader's access date", () => {
  const text = "Osallisuuden menetelmäpankki. (2026, 22. marraskuuta). Bikva. Viitattu [lukupäivä]. https://x/menetelmat/bikva/";
  assert.equal(withAccessDate(text, citation, new Date(2026, 11, 5)),
    "Osallisuuden menetelmäpankki. (2026, 22. marraskuuta). Bikva. Viitattu 5.12.2026. https://x/menetelmat/bikva/");
});

test("a text without the marker, or a contract without citation words, is left as it is", () => {
  assert.equal(withAccessDate("Ei merkkiä.", citation, new Date(2026, 11, 5)), "Ei merkkiä.");
  assert.equal(withAccessDate("Viitattu [lukupäivä].", undefined, new Date(2026, 11, 5)), "Viitattu [lukupäivä].");
});
