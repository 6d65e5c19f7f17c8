import { test } from "node:test";
import assert from "node:assert/strict";

import {
  finderHint, kindLabel, levelsLine, resultDetails, searchBoxTexts, searchSettings, summary, wordsFromAddress,
} from "../../docs/javascripts/lib/search-logic.js";
import { contract } from "./contract-fixture.mjs";
import { SEARCH } from "./search-fixture.mjs";

const withSearch = (search = SEARCH) => contract({ search });

test("the search settings come from the contract, or none when they are incomplete", () => {
  assert.equal(searchSettings(withSearch()).bundle, "pagefind/");
  assert.equal(searchSettings(contract()), null);
  assert.equal(searchSettings(withSearch({ ...SEARCH, page: 0 })), null);
  assert.equal(searchSettings(withSearch({ ...SEARCH, texts: { ...SEARCH.texts, none: "" } })), null);
  assert.equal(searchSettings(withSearch({ ...SEARCH, filters: { place: "paikka" } })), null);
});

test("the kind line is the contract's label for the kind id", () => {
  assert.equal(kindLabel("method", contract()), "Menetelmä");
  assert.equal(kindLabel("case", contract()), "Esimerkki");
  assert.equal(kindLabel(undefined, contract()), "");
  assert.equal(kindLabel("Menetelmä", contract()), "");
  assert.equal(kindLabel("constructor", contract()), "");
});

test("a case's result names its kind, place and years; a method only its kind", () => {
  assert.equal(resultDetails({ kind: "case", place: "Rovaniemi", years: "2020–" }, contract()), "Esimerkki · Rovaniemi · 2020–");
  assert.equal(resultDetails({ kind: "method" }, contract()), "Menetelmä");
  assert.equal(resultDetails({}, contract()), "");
  assert.equal(levelsLine({ levels: "Tieto-osallisuus, Päätösosallisuus" }, SEARCH.texts), "Tasot: Tieto-osallisuus, Päätösosallisuus");
  assert.equal(levelsLine({}, SEARCH.texts), "");
});

test("the status says how many were found, how many are shown and what was corrected", () => {
  const texts = SEARCH.texts;
  assert.equal(summary(texts, "xyzzy", 0, 0), "Ei osumia haulla ”xyzzy”.");
  assert.equal(summary(texts, "bikva", 1, 1), "1 osuma haulla ”bikva”.");
  assert.equal(summary(texts, "raati", 4, 4), "4 osumaa haulla ”raati”.");
  assert.equal(summary(texts, "raati", 12, 5), "12 osumaa haulla ”raati”. Näytetään 5 parasta.");
  assert.equal(summary(texts, "bikwa", 3, 3, "bikva"), "Tarkoititko ”bikva”? 3 osumaa haulla ”bikwa”.");
});

test("a page address that was not found gives search words", () => {
  assert.equal(wordsFromAddress("/menetelmapankki/menetelmat/asiakas-raatti/", "/menetelmapankki/"), "asiakas raatti");
  assert.equal(wordsFromAddress("/vanha-sivu.html", "/"), "vanha sivu");
  assert.equal(wordsFromAddress("/%C3%A4%C3%A4ni/", "/"), "ääni");
  assert.equal(wordsFromAddress("/", "/"), "");
});

test("the results area's words come from the contract, with one place for the finder link", () => {
  const box = {
    results: "Hakutulokset", more: "Näytä lisää tuloksia", finderLink: "Löydä menetelmä", finderPage: "loyda/",
    finder: "Etkö löytänyt etsimääsi? {link} -sivulla voit valita tason.",
  };
  assert.equal(searchBoxTexts({ ...contract(), searchBox: box }), box);
  assert.deepEqual(finderHint(box), ["Etkö löytänyt etsimääsi? ", " -sivulla voit valita tason."]);
  assert.equal(searchBoxTexts(contract()), null);
  assert.equal(searchBoxTexts({ ...contract(), searchBox: { ...box, more: "" } }), null);
  assert.equal(searchBoxTexts({ ...contract(), searchBox: { ...box, finder: "Ei linkkiä." } }), null);
  assert.equal(searchBoxTexts({ ...contract(), searchBox: { ...box, finder: "{link} ja {link}" } }), null);
});
