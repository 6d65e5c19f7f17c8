import { test } from "node:test";
import assert from "node:assert/strict";

import { kindLabel, methodsByNameFirst, summary } from "../../docs/javascripts/lib/search-logic.js";
import { contract } from "./contract-fixture.mjs";

function result(url, kind, weights) {
  return { url, meta: kind ? { kind } : {}, weighted_locations: weights.map((weight) => ({ weight })) };
}

const caseNamed = result("/esimerkit/raati/", "case", [10, 1]);
const methodInText = result("/menetelmat/kysely/", "method", [1, 2]);
const methodNamed = result("/menetelmat/asiakasraati/", "method", [1, 10]);
const methodAlias = result("/menetelmat/bikva/", "method", [12]);
const otherPage = result("/tietoa/", undefined, [10]);

test("methods matched by name or alias come first, the rest keep Pagefind's order", () => {
  const ordered = methodsByNameFirst([caseNamed, methodInText, methodNamed, otherPage, methodAlias], contract());
  assert.deepEqual(ordered.map((each) => each.url), [
    "/menetelmat/asiakasraati/", "/menetelmat/bikva/", "/esimerkit/raati/", "/menetelmat/kysely/", "/tietoa/",
  ]);
});

test("the name weight comes from the contract", () => {
  const ordered = methodsByNameFirst([caseNamed, methodNamed, methodAlias], contract({ nameWeight: 11 }));
  assert.deepEqual(ordered.map((each) => each.url), ["/menetelmat/bikva/", "/esimerkit/raati/", "/menetelmat/asiakasraati/"]);
});

test("a result labelled in Finnish instead of by kind id is not taken for a method", () => {
  const labelled = result("/menetelmat/asiakasraati/", "Menetelmä", [10]);
  assert.deepEqual(methodsByNameFirst([caseNamed, labelled], contract()), [caseNamed, labelled]);
});

test("the kind line is the contract's label for the kind id", () => {
  assert.equal(kindLabel("method", contract()), "Menetelmä");
  assert.equal(kindLabel("case", contract()), "Esimerkki");
  assert.equal(kindLabel(undefined, contract()), "");
  assert.equal(kindLabel("Menetelmä", contract()), "");
  assert.equal(kindLabel("constructor", contract()), "");
});

test("summary says how many were found and how many are shown", () => {
  assert.equal(summary("xyzzy", 0, 0), "Ei osumia haulla ”xyzzy”.");
  assert.equal(summary("bikva", 1, 1), "1 osuma haulla ”bikva”.");
  assert.equal(summary("raati", 4, 4), "4 osumaa haulla ”raati”.");
  assert.equal(summary("raati", 12, 5), "12 osumaa haulla ”raati”. Näytetään 5 parasta.");
});
