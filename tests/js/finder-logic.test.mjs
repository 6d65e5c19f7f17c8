import { test } from "node:test";
import assert from "node:assert/strict";

import {
  countKinds, countsByValue, decodeData, filterButtonText, matches, queryToSelection, queryToSort, selectionToQuery,
  showResultsText, shownText, statusText, visibleItems,
} from "../../docs/javascripts/lib/finder-logic.js";
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
const params = ["tyyppi", "taso", "kohderyhma", "resurssit"];

test("matches: any value within a facet, every facet with a choice", () => {
  assert.deepEqual(all.filter((each) => matches(each, {})), all);
  assert.deepEqual(all.filter((each) => matches(each, { taso: ["tieto", "kuuleminen"] })), [raati, kysely]);
  assert.deepEqual(all.filter((each) => matches(each, { taso: ["vaikuttaminen"], kohderyhma: ["nuoret"] })),
    [budjetointi, tesoma]);
  assert.deepEqual(all.filter((each) => matches(each, { tyyppi: ["case"], resurssit: ["kevyt"] })), []);
  assert.deepEqual(all.filter((each) => matches(each, { maakunta: ["uusimaa"] })), []);
});

test("matches with except ignores that facet's choice", () => {
  const chosen = { taso: ["vaikuttaminen"], kohderyhma: ["nuoret"] };
  assert.deepEqual(all.filter((each) => matches(each, chosen, "kohderyhma")), [raati, budjetointi, tesoma]);
  assert.deepEqual(all.filter((each) => matches(each, chosen, "taso")), [kysely, budjetointi, tesoma]);
});

test("counts per value: a facet's own choices do not narrow its counts", () => {
  const counts = countsByValue(all, { taso: ["kuuleminen"], tyyppi: ["method"] }, params);
  assert.deepEqual(counts.taso, { vaikuttaminen: 2, kuuleminen: 2 });
  assert.deepEqual(counts.tyyppi, { method: 2 });
  assert.deepEqual(counts.kohderyhma, { ikaantyneet: 2, nuoret: 1 });
  assert.deepEqual(counts.resurssit, { kohtalainen: 1, kevyt: 1 });
  assert.deepEqual(countsByValue(all, {}, ["tyyppi"]), { tyyppi: { method: 3, case: 1 } });
});

test("status line counts the kinds with the contract's Finnish words", () => {
  assert.equal(statusText(countKinds(all, contract()), contract(), false), "Kaikkiaan 3 menetelmää ja 1 esimerkki.");
  assert.equal(statusText(countKinds([kysely], contract()), contract(), true), "Valinnoilla löytyi 1 menetelmä ja 0 esimerkkiä.");
  const words = contract({ kindParam: "laji" });
  words.kinds.method.many = "tapaa";
  const renamed = [{ values: { laji: ["method"] } }, { values: { laji: ["method"] } }];
  assert.equal(statusText(countKinds(renamed, words), words, true), "Valinnoilla löytyi 2 tapaa ja 0 esimerkkiä.");
});

test("selection, sort and page address round trip", () => {
  const sorts = ["osuvimmat", "uusimmat", "aakkoset"];
  const chosen = { taso: ["kuuleminen", "vaikuttaminen"], kohderyhma: ["ikääntyneet"], tyyppi: ["method"] };
  const query = selectionToQuery(chosen, "uusimmat", "jarjestys", "osuvimmat");
  assert.equal(query, "taso=kuuleminen&taso=vaikuttaminen&kohderyhma=ik%C3%A4%C3%A4ntyneet&tyyppi=method&jarjestys=uusimmat");
  assert.deepEqual(queryToSelection("?" + query, params), chosen);
  assert.deepEqual(queryToSelection(query, params), chosen);
  assert.equal(queryToSort("?" + query, "jarjestys", sorts), "uusimmat");
  assert.deepEqual(queryToSelection("?taso=tieto&tuntematon=x&kohderyhma=", params), { taso: ["tieto"] });
  // The default sort stays out of the address; an unknown one falls back to it.
  assert.equal(selectionToQuery({}, "osuvimmat", "jarjestys", "osuvimmat"), "");
  assert.equal(queryToSort("?jarjestys=satunnainen", "jarjestys", sorts), "osuvimmat");
  assert.equal(queryToSort("", "jarjestys", sorts), "osuvimmat");
  assert.deepEqual(queryToSelection("", params), {});
});

test("the data file decodes to items with value ids and orders of items", () => {
  const data = {
    facets: [{ param: "tyyppi", values: ["method", "case"] }, { param: "taso", values: ["tieto", "kuuleminen"] }],
    orders: { osuvimmat: [1, 0], aakkoset: [0, 1] },
    records: [["Asiakasraati", "menetelmat/asiakasraati/", "Menetelmä · 1 esimerkki", [[0], [0, 1]]],
              ["Tesoma", "esimerkit/tesoma/", "Esimerkki · Tampere, 2019 · Arvio", [[1], []]]],
  };
  const { items, orders, params: decoded } = decodeData(data);
  assert.deepEqual(decoded, ["tyyppi", "taso"]);
  assert.deepEqual(items[0], { title: "Asiakasraati", url: "menetelmat/asiakasraati/", line: "Menetelmä · 1 esimerkki",
                               values: { tyyppi: ["method"], taso: ["tieto", "kuuleminen"] } });
  assert.deepEqual(items[1].values, { tyyppi: ["case"], taso: [] });
  assert.deepEqual(orders.osuvimmat.map((each) => each.title), ["Tesoma", "Asiakasraati"]);
  assert.deepEqual(visibleItems(orders.osuvimmat, { taso: ["kuuleminen"] }), [items[0]]);
  assert.deepEqual(visibleItems(orders.aakkoset, {}), items);
});

test("labels of the filter button, the close button and the shown range", () => {
  assert.equal(filterButtonText({}), "Suodattimet (0 valittu)");
  assert.equal(filterButtonText({ taso: ["a", "b"], kohderyhma: ["c"] }), "Suodattimet (3 valittu)");
  assert.equal(showResultsText(1), "Näytä 1 tulos");
  assert.equal(showResultsText(12), "Näytä 12 tulosta");
  assert.equal(shownText(20, 43), " Näytetään 1–20.");
  assert.equal(shownText(43, 43), "");
});
