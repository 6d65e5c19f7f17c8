import { test } from "node:test";
import assert from "node:assert/strict";

import { CONTRACT_URL, fetchContract, itemParams, parseContract } from "../../docs/javascripts/lib/contract.js";
import { CONTRACT_TEXT, contract } from "./contract-fixture.mjs";

test("parses the contract the build writes", () => {
  const parsed = parseContract(CONTRACT_TEXT);
  assert.equal(parsed.kinds.method.label, "Menetelmä");
  assert.equal(parsed.kinds.case.many, "esimerkkiä");
  assert.equal(parsed.kindParam, "tyyppi");
  assert.deepEqual(parsed.guide, { level: "taso", group: "kohderyhma", resources: "resurssit" });
  assert.deepEqual(parsed.resourceOrder, ["kevyt", "kohtalainen", "vaativa"]);
  assert.equal(parsed.nameWeight, 10);
  assert.equal(parsed.caseCountAttribute, "data-esimerkit");
});

test("item parameters are the kind parameter, then the facets in contract order", () => {
  assert.deepEqual(itemParams(parseContract(CONTRACT_TEXT)), [
    "tyyppi", "taso", "kohderyhma", "palvelualue", "maakunta", "menetelma", "ymparisto", "kesto", "resurssit",
  ]);
});

test("text that is not a contract gives null", () => {
  for (const text of [undefined, null, 42, "", "{", "null", "[]", "\"text\"", "{}"]) {
    assert.equal(parseContract(text), null, String(text));
  }
});

test("a contract missing a field or with a wrong type gives null", () => {
  const broken = {
    "no kinds": { kinds: undefined },
    "no method kind": { kinds: { case: contract().kinds.case } },
    "kind without a word": { kinds: { method: { label: "Menetelmä", plural: "Menetelmät", one: "menetelmä" } } },
    "no kind parameter": { kindParam: "" },
    "facets not a list": { facets: { taso: "levels" } },
    "facet without a parameter": { facets: [{ field: "levels" }] },
    "guide question missing": { guide: { level: "taso", group: "kohderyhma" } },
    "resource order not a list": { resourceOrder: "kevyt" },
    "name weight as text": { nameWeight: "10" },
    "no case count attribute": { caseCountAttribute: null },
  };
  for (const [name, change] of Object.entries(broken)) {
    assert.equal(parseContract(JSON.stringify(contract(change))), null, name);
  }
});

test("fetchContract fetches the file beside the page scripts", async () => {
  assert.ok(CONTRACT_URL.pathname.endsWith("/docs/javascripts/site-contract.json"), CONTRACT_URL.href);
  const asked = [];
  const parsed = await fetchContract(CONTRACT_URL, async (url) => { asked.push(url.href); return CONTRACT_TEXT; });
  assert.equal(parsed.kinds.case.label, "Esimerkki");
  assert.deepEqual(asked, [CONTRACT_URL.href]);
});

test("fetchContract gives null for a missing, failed or broken contract", async () => {
  assert.equal(await fetchContract(CONTRACT_URL, async () => null), null);
  assert.equal(await fetchContract(CONTRACT_URL, async () => "{\"kinds\": "), null);
  assert.equal(await fetchContract(CONTRACT_URL, async () => { throw new TypeError("Failed to fetch"); }), null);
  assert.equal(await fetchContract(CONTRACT_URL, () => { throw new TypeError("offline"); }), null);
});
