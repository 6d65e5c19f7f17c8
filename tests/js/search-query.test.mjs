import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { bucketOf, editDistance, normal, stemsOf, words } from "../../docs/javascripts/lib/search-words.js";
import {
  closestCorrection, exactMethods, formLookup, highlight, highlightKeys, highlightTerms, namedPlaces,
  prepareVocabulary, readQuery, runQuery,
} from "../../docs/javascripts/lib/search-query.js";
import { SEARCH } from "./search-fixture.mjs";

// The same examples the Python side checks (tests/test_search_index.py): one word pattern,
// one normal form and one bucket function on both sides of the word-form table.
const SHARED = JSON.parse(readFileSync(new URL("./search-words.json", import.meta.url), "utf8"));

test("words, normal forms and buckets are the build's", () => {
  for (const example of SHARED) {
    const found = words(example.text).map(normal);
    assert.deepEqual(found, example.words, example.text);
    for (const [count, buckets] of Object.entries(example.buckets)) {
      assert.deepEqual(found.map((word) => bucketOf(word, Number(count))), buckets, example.text + " / " + count);
    }
  }
});

test("edit distance counts a swap of neighbours as one and stops past the limit", () => {
  assert.equal(editDistance("bikwa", "bikva", 1), 1);
  assert.equal(editDistance("sadutsu", "sadutus", 1), 1);
  assert.equal(editDistance("wolrd", "world", 1), 1);
  assert.equal(editDistance("kokemusasiantunija", "kokemusasiantuntija", 2), 1);
  assert.equal(editDistance("xyzzyqwerty", "asiakasraati", 2), 3);
});

test("an unknown word is also tried without its ending", () => {
  assert.deepEqual(stemsOf("rovaniemeltä"), ["rovaniem"]);
  assert.deepEqual(stemsOf("kuntalaisaloitteet"), ["kuntalaisaloitte", "kuntalaisaloite"]);
  assert.deepEqual(stemsOf("iva"), []);
});

// A small site: base forms by section weight, filters, and what a result shows.
const PAGES = [
  { url: "/menetelmat/asiakasraati/", tokens: { 10: ["asiakasraati", "asiakas", "raati"], 1: ["palvelu", "kehittää"] },
    filters: { menetelma: ["/menetelmat/asiakasraati/"] }, meta: { kind: "method", title: "Asiakasraati", hl: "asiakasraati|asiakas|raati" } },
  { url: "/menetelmat/nuorisoraati/", tokens: { 10: ["nuorisoraati", "nuoriso", "raati"], 1: ["nuori", "kunta"] },
    filters: { menetelma: ["/menetelmat/nuorisoraati/"] }, meta: { kind: "method", title: "Nuorisoraati" } },
  { url: "/menetelmat/bikva/", tokens: { 10: ["bikva"], 1: ["asiakas", "arviointi"] },
    filters: { menetelma: ["/menetelmat/bikva/"] }, meta: { kind: "method", title: "Bikva" } },
  // A case that says "asiakasraati" more than the method page does.
  { url: "/esimerkit/raisio/", tokens: { 10: ["raisio", "asiakasraati", "asiakas", "raati"], 8: ["raisio", "varsinais", "suomi"],
    3: ["asiakasraati", "asiakas", "raati"], 1: ["asiakasraati", "asiakas", "raati", "palvelu"] },
    filters: { paikka: ["Raisio", "Varsinais-Suomi"] }, meta: { kind: "case", title: "Raision asiakasraati" } },
  { url: "/esimerkit/rovaniemi/", tokens: { 10: ["rovaniemi", "asiakasraati", "asiakas", "raati"], 8: ["rovaniemi", "lappi"] },
    filters: { paikka: ["Rovaniemi", "Lappi"] }, meta: { kind: "case", title: "Rovaniemen asiakasraati" } },
  // A case in Lapland whose own text never names the region: the build adds the region of its
  // municipality to its place section and filter.
  { url: "/esimerkit/tornio/", tokens: { 10: ["tornio", "kokemusasiantuntija"], 8: ["tornio", "lappi"], 1: ["ikääntynyt", "palvelu"] },
    filters: { paikka: ["Tornio", "Lappi"] }, meta: { kind: "case", title: "Tornion kokemusasiantuntijat" } },
  { url: "/menetelmat/lasten-osallisuus/", tokens: { 10: ["lapsi", "osallisuus"], 1: ["lapsi", "päiväkoti"] },
    filters: { menetelma: ["/menetelmat/lasten-osallisuus/"] }, meta: { kind: "method", title: "Lasten osallisuus" } },
];

function fakePagefind(pages = PAGES) {
  const searched = [];
  const result = (page, index, score) => ({
    id: "p" + index, score, words: [0],
    data: async () => ({ url: page.url, meta: page.meta, content: Object.values(page.tokens).flat().map((t) => t + "_").join(" ") }),
  });
  return {
    searched,
    async search(term, options = {}) {
      searched.push(term);
      const results = [];
      // A search by filter alone would make Pagefind load its whole index.
      assert.notEqual(term, null, "a search without a term");
      const filter = options.filters ? Object.entries(options.filters)[0] : null;
      pages.forEach((page, index) => {
        if (filter && !(page.filters[filter[0]] || []).some((value) => filter[1].any.includes(value))) return;
        let score = 0;
        for (const [weight, tokens] of Object.entries(page.tokens)) {
          for (const token of tokens) {
            const indexed = token + "_";
            if (term.endsWith("_") ? indexed === term : indexed.startsWith(term)) score += Number(weight);
          }
        }
        if (score) results.push({ ...result(page, index, score), words: [0] });
      });
      // Typed prefixes that begin no indexed word: the fake, like Pagefind, returns a near word.
      if (!results.length && !term.endsWith("_")) {
        const near = pages.findIndex((page) => Object.values(page.tokens).flat().some((token) => term.startsWith(token)));
        if (near >= 0) results.push({ ...result(pages[near], near, 0.5), words: [99] });
      }
      return { results: results.sort((a, b) => b.score - a.score) };
    },
  };
}

const VOCABULARY = prepareVocabulary({
  pages: PAGES.length,
  forms: { folder: "muodot/", buckets: 4 },
  methods: [
    ["/menetelmat/asiakasraati/", "Asiakasraati", ["asiakasraati"], ["asiakas", "raati"]],
    ["/menetelmat/nuorisoraati/", "Nuorisoraati", ["nuorisoraati"], ["nuoriso", "raati"]],
    ["/menetelmat/bikva/", "Bikva", ["bikva", "asiakaslähtöisyys arviointi"], []],
    ["/menetelmat/lasten-osallisuus/", "Lasten osallisuus", ["lapsi osallisuus"], []],
  ],
  places: [["Rovaniemi", "rovaniemi"], ["Tornio", "tornio"], ["Lappi", "lappi"], ["Raisio", "raisio"],
           ["Varsinais-Suomi", "varsinais suomi"], ["Suomi", "suomi"]],
  corrections: ["asiakasraati", "bikva", "kokemusasiantuntija", "nuorisoraati", "rovaniemi"],
  synonyms: [["vanhus", ["ikääntynyt"]]],
  ignore: ["ja", "miten"],
});

// The word-form table: forms of the fixture's words.
const FORMS = {
  asiakasraati: "", asiakasraadit: "asiakasraati", asiakasraadissa: "asiakasraati", raadit: "raati", raati: "",
  lapissa: "lappi", lappi: "", lasten: "lapsi", rovaniemellä: "rovaniemi", vanhukset: "vanhus", kunta: "", kunnissa: "kunta",
  "varsinais": "", suomessa: "suomi", osallisuus: "", bikva: "",
};

function tableFetcher() {
  const fetched = [];
  const buckets = {};
  for (const [form, lemmas] of Object.entries(FORMS)) {
    const number = bucketOf(form, 4);
    (buckets[number] = buckets[number] || {})[form] = lemmas;
  }
  return { fetched, fetchJson: async (path) => { fetched.push(path); return buckets[path.match(/(\d+)\.json$/)[1]] || {}; } };
}

async function ranked(query) {
  const pagefind = fakePagefind();
  const { fetchJson } = tableFetcher();
  const answer = await runQuery(query, { vocabulary: VOCABULARY, lookup: formLookup(VOCABULARY, fetchJson), pagefind, settings: SEARCH });
  const urls = await Promise.all(answer.results.map(async (each) => (await each.result.data()).url));
  return { ...answer, urls, pagefind };
}

test("the table gives base forms, fetching only the buckets of the query's words", async () => {
  const { fetched, fetchJson } = tableFetcher();
  const lookup = formLookup(VOCABULARY, fetchJson);
  const found = await lookup(["lapissa", "asiakasraadit", "tuntematon"]);
  assert.deepEqual(found.get("lapissa"), ["lappi"]);
  assert.deepEqual(found.get("asiakasraadit"), ["asiakasraati"]);
  assert.deepEqual(found.get("asiakasraati"), undefined);
  assert.equal(found.has("tuntematon"), false);
  assert.ok(fetched.length <= 3 && fetched.every((path) => path.startsWith("muodot/")));
  await lookup(["lapissa"]);
  assert.ok(fetched.length <= 3, "a bucket is fetched once");
});

test("a method named by the query comes first, in any inflected form, before cases that say it more", async () => {
  for (const query of ["asiakasraati", "Asiakasraadissa", "asiakasraadit"]) {
    const { urls } = await ranked(query);
    assert.equal(urls[0], "/menetelmat/asiakasraati/", query);
    assert.ok(urls.includes("/esimerkit/raisio/"), query);
  }
});

test("base forms are searched whole: Lappi is not lapsi", async () => {
  const { urls, pagefind } = await ranked("lapissa");
  assert.ok(pagefind.searched.includes("lappi_"));
  assert.ok(!urls.includes("/menetelmat/lasten-osallisuus/"));
  const children = await ranked("lasten");
  assert.deepEqual(children.urls, ["/menetelmat/lasten-osallisuus/"]);
});

test("a named place puts the cases there first, also those whose place is only its region", async () => {
  const { urls } = await ranked("Lappi");
  assert.deepEqual(urls.slice(0, 2).sort(), ["/esimerkit/rovaniemi/", "/esimerkit/tornio/"]);
  const both = await ranked("asiakasraadit lapissa");
  assert.equal(both.urls[0], "/esimerkit/rovaniemi/");
  assert.ok(both.urls.indexOf("/esimerkit/raisio/") > 0);
});

test("the longest place name wins", () => {
  const query = [{ text: "varsinais", known: true, alternatives: [{ term: "varsinais", kind: "lemma", weight: 1 }] },
                 { text: "suomessa", known: true, alternatives: [{ term: "suomi", kind: "lemma", weight: 1 }] }];
  assert.deepEqual(namedPlaces(query, VOCABULARY).map((place) => place.names), [["Varsinais-Suomi"]]);
});

test("a word that matches nothing is corrected to the nearest name, and the status can say so", async () => {
  const { urls, corrected } = await ranked("bikwa");
  assert.equal(urls[0], "/menetelmat/bikva/");
  assert.equal(corrected, "bikva");
  assert.equal(closestCorrection("asiakasrati", VOCABULARY.corrections), "asiakasraati");
  assert.equal(closestCorrection("iva", VOCABULARY.corrections), null, "short words are not corrected");
  assert.equal(closestCorrection("xyzzyqwerty", VOCABULARY.corrections), null);
  const nothing = await ranked("xyzzyqwerty");
  assert.deepEqual(nothing.urls, []);
  assert.equal(nothing.corrected, null);
});

test("a typed prefix finds the words it begins, without a correction", async () => {
  const { urls, corrected } = await ranked("asiakasra");
  assert.equal(urls[0], "/menetelmat/asiakasraati/");
  assert.equal(corrected, null);
});

test("synonyms join in below the word itself", async () => {
  const parsed = await readQuery("vanhukset", VOCABULARY, formLookup(VOCABULARY, tableFetcher().fetchJson));
  assert.deepEqual(parsed[0].alternatives.map((each) => [each.term, each.kind]), [["vanhus", "lemma"], ["ikääntynyt", "synonym"]]);
  const { urls } = await ranked("vanhukset");
  assert.deepEqual(urls, ["/esimerkit/tornio/"]);
});

test("words like ja and miten are left out of a longer query, not of a one-word query", async () => {
  const lookup = formLookup(VOCABULARY, tableFetcher().fetchJson);
  assert.deepEqual((await readQuery("miten ja asiakasraati", VOCABULARY, lookup)).map((word) => word.text), ["asiakasraati"]);
  assert.deepEqual((await readQuery("miten", VOCABULARY, lookup)).map((word) => word.text), ["miten"]);
});

test("an exact name must cover the whole query", () => {
  const word = (term) => ({ text: term, known: true, alternatives: [{ term, kind: "lemma", weight: 1 }] });
  assert.deepEqual(exactMethods([word("asiakasraati")], VOCABULARY).map((method) => method.title), ["Asiakasraati"]);
  assert.deepEqual(exactMethods([word("kela"), word("asiakasraati")], VOCABULARY), []);
  assert.deepEqual(exactMethods([word("asiakaslähtöisyys"), word("arviointi")], VOCABULARY).map((m) => m.title), ["Bikva"]);
});

test("matched words are marked by their base forms and parts, typed prefixes by their start", () => {
  const terms = highlightTerms([{ alternatives: [{ term: "raati", kind: "lemma" }, { term: "kokem", kind: "word" }] }]);
  const pieces = highlight("Raision asiakasraati ja kokemusasiantuntijat.", ["raisio", "asiakasraati|asiakas|raati", "=", "kokemusasiantuntija"], terms);
  assert.deepEqual(pieces, [
    { text: "Raision ", mark: false }, { text: "asiakasraati", mark: true }, { text: " ja ", mark: false },
    { text: "kokemusasiantuntijat", mark: true }, { text: ".", mark: false },
  ]);
  assert.deepEqual(highlight("Ei osumaa", ["ei", "osuma"], terms), [{ text: "Ei osumaa", mark: false }]);
  assert.deepEqual(highlightKeys({ title: "Raision asiakasraati", hl: "raisio asiakasraati = x" }),
    { title: ["raisio", "asiakasraati"], summary: ["=", "x"] });
});
