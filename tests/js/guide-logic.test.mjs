import { test } from "node:test";
import assert from "node:assert/strict";

import { fit, guideQuery, rankMethods } from "../../docs/javascripts/lib/guide-logic.js";
import { contract } from "./contract-fixture.mjs";

function item(title, kind, values, cases = 0) {
  return { title, cases, values: Object.assign({ tyyppi: [kind], taso: [], kohderyhma: [], resurssit: [] }, values) };
}

const labels = {
  taso: { tieto: "Tieto", kuuleminen: "Kuuleminen", vaikuttaminen: "Vaikuttaminen" },
  kohderyhma: { nuoret: "Nuoret", ikaantyneet: "Ikääntyneet" },
  resurssit: { kevyt: "Kevyt", kohtalainen: "Kohtalainen", vaativa: "Vaativa" },
};

const raati = item("Asiakasraati", "method", { taso: ["vaikuttaminen", "kuuleminen"], kohderyhma: ["ikaantyneet"], resurssit: ["kohtalainen"] }, 3);
const kysely = item("Kysely", "method", { taso: ["kuuleminen"], kohderyhma: ["nuoret", "ikaantyneet"], resurssit: ["kevyt"] });
const budjetointi = item("Osallistuva budjetointi", "method", { taso: ["vaikuttaminen"], kohderyhma: ["nuoret"], resurssit: ["vaativa"] }, 7);
const tesoma = item("Tesoman budjetointi", "case", { taso: ["vaikuttaminen"], kohderyhma: ["nuoret"] });
const all = [raati, kysely, budjetointi, tesoma];

test("guide: a method whose main level is the chosen one beats one that also suits it", () => {
  const ranked = rankMethods(all, { level: "kuuleminen", group: "", resources: "vaativa" }, contract(), labels);
  assert.deepEqual(ranked.map((entry) => entry.item.title), ["Kysely", "Asiakasraati"]);
  assert.equal(ranked[0].why, "Päätaso on kuuleminen, resurssitarve kevyt.");
  assert.equal(ranked[1].why, "Sopii myös tasolle kuuleminen, resurssitarve kohtalainen. Käytetty 3 esimerkissä sivustolla.");
  assert.equal(ranked[0].score, 3.25);
  assert.ok(Math.abs(ranked[1].score - (1 + 0.25 + 0.6)) < 1e-9);
});

test("guide: the chosen target group adds to the score and to the reasons", () => {
  const ikaantyneet = rankMethods(all, { level: "vaikuttaminen", group: "ikaantyneet", resources: "vaativa" }, contract(), labels);
  assert.deepEqual(ikaantyneet.map((entry) => entry.item.title), ["Asiakasraati", "Osallistuva budjetointi"]);
  assert.equal(ikaantyneet[0].why,
    "Päätaso on vaikuttaminen, kohderyhmänä ikääntyneet, resurssitarve kohtalainen. Käytetty 3 esimerkissä sivustolla.");
  const nuoret = rankMethods(all, { level: "vaikuttaminen", group: "nuoret", resources: "vaativa" }, contract(), labels);
  assert.deepEqual(nuoret.map((entry) => entry.item.title), ["Osallistuva budjetointi", "Asiakasraati"]);
  // Cases count up to five: 3 + 2 + 0.5 + 5 * 0.2.
  assert.ok(Math.abs(nuoret[0].score - 6.5) < 1e-9);
  assert.equal(nuoret[0].why, "Päätaso on vaikuttaminen, kohderyhmänä nuoret, resurssitarve vaativa. Käytetty 7 esimerkissä sivustolla.");
});

test("guide: methods needing more resources than there are are left out", () => {
  const answers = { level: "vaikuttaminen", group: "", resources: "kohtalainen" };
  assert.deepEqual(rankMethods(all, answers, contract(), labels).map((entry) => entry.item.title), ["Asiakasraati"]);
  assert.equal(fit(budjetointi, answers, contract(), labels), null);
  assert.deepEqual(rankMethods(all, { level: "tieto", group: "", resources: "vaativa" }, contract(), labels), []);
});

test("guide: resource order comes from the contract", () => {
  const reversed = contract({ resourceOrder: ["vaativa", "kohtalainen", "kevyt"] });
  const ranked = rankMethods(all, { level: "vaikuttaminen", group: "", resources: "vaativa" }, reversed, labels);
  assert.deepEqual(ranked.map((entry) => entry.item.title), ["Osallistuva budjetointi"]);
});

test("guide: equal scores in Finnish alphabetical order, at most the limit", () => {
  const same = { taso: ["tieto"], resurssit: ["kevyt"] };
  const methods = ["Ääniraati", "Zoom-kahvila", "Aamukahvit", "Öljynvaihto", "Bikva", "Cafe"]
    .map((title) => item(title, "method", same));
  const answers = { level: "tieto", group: "", resources: "kevyt" };
  assert.deepEqual(rankMethods(methods, answers, contract(), labels).map((entry) => entry.item.title),
    ["Aamukahvit", "Bikva", "Cafe", "Zoom-kahvila", "Ääniraati"]);
  assert.equal(rankMethods(methods, answers, contract(), labels, 2).length, 2);
});

test("guide: question parameter names come from the contract", () => {
  const renamed = contract({ kindParam: "laji", guide: { level: "aste", group: "ryhma", resources: "tarve" } });
  const method = { title: "Raati", cases: 0, values: { laji: ["method"], aste: ["tieto"], ryhma: ["nuoret"], tarve: ["kevyt"] } };
  const ranked = rankMethods([method], { level: "tieto", group: "nuoret", resources: "kevyt" }, renamed,
    { aste: { tieto: "Tieto" }, ryhma: { nuoret: "Nuoret" }, tarve: { kevyt: "Kevyt" } });
  assert.equal(ranked.length, 1);
  assert.equal(ranked[0].why, "Päätaso on tieto, kohderyhmänä nuoret, resurssitarve kevyt.");
});

test("the guide's link to the filters: methods at the level, for the group", () => {
  assert.equal(guideQuery({ level: "kuuleminen", group: "nuoret" }, contract()), "tyyppi=method&taso=kuuleminen&kohderyhma=nuoret");
  assert.equal(guideQuery({ level: "kuuleminen", group: "" }, contract()), "tyyppi=method&taso=kuuleminen");
});
