import { test } from "node:test";
import assert from "node:assert/strict";

import { CONTRACT_URL, fetchContract, parseContract } from "../../docs/javascripts/lib/contract.js";
import { CONTRACT_TEXT, contract } from "./contract-fixture.mjs";

test("parses the contract the build writes", () => {
  const parsed = parseContract(CONTRACT_TEXT);
  assert.equal(parsed.kinds.method.label, "Menetelmä");
  assert.equal(parsed.kinds.case.many, "esimerkkiä");
  assert.equal(parsed.kindParam, "tyyppi");
});

test("parts the validity check does not require are kept as they are", () => {
  const search = { page: 10 };
  assert.deepEqual(parseContract(JSON.stringify(contract({ search }))).search, search);
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
    "kinds as a list": { kinds: [contract().kinds.method] },
    "kind word empty": { kinds: { ...contract().kinds, case: { ...contract().kinds.case, one: "" } } },
    "no kind parameter": { kindParam: "" },
    "kind parameter not text": { kindParam: ["tyyppi"] },
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
