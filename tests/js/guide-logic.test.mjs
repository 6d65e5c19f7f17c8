import { test } from "node:test";
import assert from "node:assert/strict";

import {
  alternatives, answersToFragment, casesText, finderQuery, fragmentToAnswers, matching, orderText, rankMethods,
  reasons, resourcesWithin, scopeText, statusText,
} from "../../docs/javascripts/lib/guide-logic.js";

// The guide's data as scripts/site/guide_data.py writes it, with a few methods.
function method(title, levels, groups, resources, caseCount = 0, extra = {}) {
  const cases = [];
  for (let index = 0; index < Math.min(caseCount, 3); index += 1) {
    cases.push({ places: ["Tampere", "Oulu", "Kemi"][index], years: ["2019–2021", "2022", "vuodet ei tiedossa"][index],
                 url: "esimerkit/" + title.toLowerCase() + "-" + index + "/" });
  }
  return Object.assign({
    title, url: "menetelmat/" + title.toLowerCase() + "/", levels, groups, resources,
    facilitation: "oma-tyontekija", time: "Kaksi tapaamista.", money: "Tarjoilu.", groupSize: "6–12 henkilöä",
    duration: "kertaluonteinen", cases, caseCount,
  }, extra);
}

function guideData(methods) {
  return {
    address: { level: "tavoite", group: "ryhma", resources: "varat" },
    finder: { kind: "tyyppi", level: "taso", group: "kohderyhma", resources: "resurssit" },
    words: { one: "menetelmä", many: "menetelmää" },
    resourceOrder: ["kevyt", "kohtalainen", "vaativa"],
    labels: {
      level: { tieto: "Tieto", kuuleminen: "Kuuleminen", vaikuttaminen: "Vaikuttaminen" },
      group: { nuoret: "Nuoret", ikaantyneet: "Ikääntyneet", lapset: "Lapset", perheet: "Lapsiperheet" },
      resources: { kevyt: "Kevyt", kohtalainen: "Kohtalainen", vaativa: "Vaativa" },
      facilitation: { "oma-tyontekija": "Oma työntekijä vetää", "ei-vetajaa": "Ei vetäjää" },
      duration: { kertaluonteinen: "Kertaluonteinen", pysyvä: "Pysyvä" },
    },
    needs: { facilitation: "Kuka vetää", time: "Aika", money: "Kustannukset", groupSize: "Ryhmän koko", duration: "Kesto" },
    methods,
  };
}

const raati = method("Raati", ["vaikuttaminen", "kuuleminen"], ["ikaantyneet", "nuoret"], "kohtalainen", 3,
  { facilitation: "ei-vetajaa", duration: "pysyvä", time: "Kokous kerran kuussa.", groupSize: null });
const kysely = method("Kysely", ["kuuleminen"], ["nuoret", "ikaantyneet", "lapset", "perheet"], "kevyt");
const budjetointi = method("Budjetointi", ["vaikuttaminen"], ["nuoret"], "vaativa", 7);
const kahvila = method("Kahvila", ["kuuleminen"], ["ikaantyneet"], "kevyt", 1);
const data = guideData([raati, kysely, budjetointi, kahvila]);
const titles = (methods) => methods.map((entry) => entry.title);

test("guide: methods at the level, for the group, needing the resources or fewer", () => {
  assert.deepEqual(titles(matching(data, { level: "kuuleminen", group: "nuoret", resources: "kevyt" })), ["Kysely"]);
  assert.deepEqual(titles(matching(data, { level: "kuuleminen", group: "nuoret", resources: "kohtalainen" })), ["Raati", "Kysely"]);
  assert.deepEqual(titles(matching(data, { level: "vaikuttaminen", group: "", resources: "vaativa" })), ["Raati", "Budjetointi"]);
  // Unanswered group and resources leave nothing out.
  assert.deepEqual(titles(matching(data, { level: "kuuleminen" })), ["Raati", "Kysely", "Kahvila"]);
  assert.deepEqual(resourcesWithin(data, "kohtalainen"), ["kevyt", "kohtalainen"]);
  assert.deepEqual(resourcesWithin(data, undefined), ["kevyt", "kohtalainen", "vaativa"]);
});

test("guide: the order is the one stated: main level, then most cases, then title", () => {
  const answers = { level: "kuuleminen", group: "", resources: "vaativa" };
  // Raati has the most cases but kuuleminen is not its main level, so it comes last.
  assert.deepEqual(titles(rankMethods(data, answers)), ["Kahvila", "Kysely", "Raati"]);
  assert.equal(orderText(data, answers), "Järjestys: ensin menetelmät, joiden päätaso on kuuleminen, sitten ne, " +
    "joille kuuleminen on yksi muista tasoista. Kummassakin ensin ne, joita on käytetty useimmissa sivuston " +
    "esimerkeissä, ja tasatilanteessa aakkosjärjestys.");
  const vaikuttaminen = rankMethods(data, { level: "vaikuttaminen", group: "nuoret", resources: "vaativa" });
  assert.deepEqual(titles(vaikuttaminen), ["Budjetointi", "Raati"]);
  // Equal on level and cases: Finnish alphabetical order (å, ä, ö after z).
  const same = ["Ääniraati", "Zoom-kahvila", "Aamukahvit", "Öljy", "Bikva"].map((title) =>
    method(title, ["tieto"], ["nuoret"], "kevyt", 2));
  assert.deepEqual(titles(rankMethods(guideData(same), { level: "tieto", group: "", resources: "kevyt" })),
    ["Aamukahvit", "Bikva", "Zoom-kahvila", "Ääniraati", "Öljy"]);
});

test("guide: each suggestion says why it fits and what it takes, from its own fields", () => {
  const answers = { level: "kuuleminen", group: "nuoret", resources: "kohtalainen" };
  const forRaati = reasons(data, raati, answers);
  const forKysely = reasons(data, kysely, answers);
  assert.equal(forRaati.why, "Sopii myös tasolle kuuleminen; päätaso on vaikuttaminen. " +
    "Kohderyhmiin kuuluvat nuoret ja 1 muu ryhmä. Resurssitarve on kohtalainen.");
  assert.equal(forKysely.why, "Päätaso on kuuleminen. Kohderyhmiin kuuluvat nuoret ja 3 muuta ryhmää. " +
    "Resurssitarve on kevyt: menetelmä vaatii vähemmän kuin teillä on käytettävissä.");
  assert.deepEqual(forRaati.needs, [
    { label: "Kuka vetää", text: "Ei vetäjää" }, { label: "Aika", text: "Kokous kerran kuussa." },
    { label: "Kustannukset", text: "Tarjoilu." }, { label: "Kesto", text: "Pysyvä" }]);
  assert.equal(forKysely.needs[3].text, "6–12 henkilöä");
  assert.equal(casesText(forRaati), "Esimerkit: Tampere (2019–2021); Oulu (2022); Kemi (vuodet ei tiedossa).");
  assert.deepEqual(forRaati.cases[0], { text: "Tampere (2019–2021)", url: "esimerkit/raati-0/" });
  assert.equal(casesText(forKysely), "Sivustolla ei vielä ole esimerkkejä menetelmän käytöstä.");
  assert.equal(casesText(reasons(data, budjetointi, answers)),
    "Esimerkit: Tampere (2019–2021); Oulu (2022); Kemi (vuodet ei tiedossa) ja 4 muuta.");
  assert.equal(reasons(data, budjetointi, { level: "vaikuttaminen", group: "nuoret", resources: "vaativa" }).why,
    "Päätaso on vaikuttaminen. Kohderyhmänä vain nuoret. Resurssitarve on vaativa.");
});

test("guide: with any group the reasons name the method's own groups", () => {
  assert.equal(reasons(data, kysely, { level: "kuuleminen", group: "", resources: "kevyt" }).why,
    "Päätaso on kuuleminen. Kohderyhmät: nuoret; ikääntyneet; lapset; lisäksi 1 muu. Resurssitarve on kevyt.");
  assert.equal(reasons(data, raati, { level: "vaikuttaminen", group: "" }).why,
    "Päätaso on vaikuttaminen. Kohderyhmät: ikääntyneet; nuoret. Resurssitarve on kohtalainen.");
});

test("guide: answers go to the address fragment and back", () => {
  const answers = { level: "kuuleminen", group: "nuoret", resources: "kohtalainen" };
  const fragment = answersToFragment(data, answers);
  assert.equal(fragment, "tavoite=kuuleminen&ryhma=nuoret&varat=kohtalainen");
  assert.deepEqual(fragmentToAnswers(data, "#" + fragment), answers);
  // "Any group" is an answer of its own; a front page link names only the level.
  assert.equal(answersToFragment(data, { level: "tieto", group: "", resources: "kevyt" }), "tavoite=tieto&ryhma=&varat=kevyt");
  assert.deepEqual(fragmentToAnswers(data, "#tavoite=tieto&ryhma=&varat=kevyt"), { level: "tieto", group: "", resources: "kevyt" });
  assert.deepEqual(fragmentToAnswers(data, "#tavoite=tieto"), { level: "tieto" });
  // Unknown values are not answers; no known level is no guide state (e.g. #finder-heading).
  assert.deepEqual(fragmentToAnswers(data, "#tavoite=tieto&ryhma=kissat&varat=paljon"), { level: "tieto" });
  assert.equal(fragmentToAnswers(data, "#finder-heading"), null);
  assert.equal(fragmentToAnswers(data, "#tavoite=toString"), null);
  assert.equal(fragmentToAnswers(data, ""), null);
});

test("guide: 'Näytä kaikki' keeps every answer, resources as the lighter levels too", () => {
  assert.equal(finderQuery(data, { level: "kuuleminen", group: "nuoret", resources: "kohtalainen" }),
    "tyyppi=method&taso=kuuleminen&kohderyhma=nuoret&resurssit=kevyt&resurssit=kohtalainen");
  // Any group and the most resources filter on neither.
  assert.equal(finderQuery(data, { level: "kuuleminen", group: "", resources: "vaativa" }),
    "tyyppi=method&taso=kuuleminen");
  // The finder's names come from the data.
  const renamed = Object.assign({}, data, { finder: { kind: "laji", level: "aste", group: "ryhma", resources: "tarve" } });
  assert.equal(finderQuery(renamed, { level: "tieto", group: "lapset", resources: "kevyt" }),
    "laji=method&aste=tieto&ryhma=lapset&tarve=kevyt");
});

test("guide: no match offers the nearest answers that do match", () => {
  // Raati would do for ikääntyneet but needs some resources.
  const none = { level: "vaikuttaminen", group: "ikaantyneet", resources: "kevyt" };
  assert.deepEqual(matching(data, none), []);
  const near = alternatives(data, none);
  assert.deepEqual(near.map((entry) => entry.text), ["Resurssitarve enintään kohtalainen (1 menetelmä)"]);
  assert.deepEqual(near[0].answers, { level: "vaikuttaminen", group: "ikaantyneet", resources: "kohtalainen" });
  const group = alternatives(data, { level: "vaikuttaminen", group: "lapset", resources: "vaativa" });
  assert.deepEqual(group.map((entry) => entry.text), ["Mikä tahansa kohderyhmä (2 menetelmää)"]);
  // Resources skip a step that still finds nothing.
  const skip = alternatives(guideData([budjetointi]), { level: "vaikuttaminen", group: "nuoret", resources: "kevyt" });
  assert.deepEqual(skip.map((entry) => entry.text), ["Resurssitarve enintään vaativa (1 menetelmä)"]);
  // Both a step up in resources and any group help: both offered, resources first.
  const paja = method("Paja", ["vaikuttaminen"], ["lapset"], "kevyt");
  const both = alternatives(guideData([raati, paja]), { level: "vaikuttaminen", group: "ikaantyneet", resources: "kevyt" });
  assert.deepEqual(both.map((entry) => entry.text),
    ["Resurssitarve enintään kohtalainen (1 menetelmä)", "Mikä tahansa kohderyhmä (1 menetelmä)"]);
  assert.deepEqual(both[1].answers, { level: "vaikuttaminen", group: "", resources: "kevyt" });
  // Neither helps: the other levels for this group and these resources.
  const levels = alternatives(data, { level: "tieto", group: "perheet", resources: "kevyt" });
  assert.deepEqual(levels.map((entry) => entry.text), ["Taso kuuleminen (1 menetelmä)"]);
  assert.deepEqual(alternatives(data, { level: "tieto", group: "", resources: "vaativa" })
    .map((entry) => entry.answers.level), ["kuuleminen", "vaikuttaminen"]);
});

test("guide: the live region says what was found, or that nothing was and what is near", () => {
  assert.equal(statusText(data, { level: "kuuleminen", group: "", resources: "vaativa" }, 3),
    "3 menetelmää sopii vastauksiinne: taso kuuleminen, mikä tahansa kohderyhmä, mikä tahansa resurssitarve.");
  assert.equal(statusText(data, { level: "kuuleminen", group: "nuoret", resources: "kohtalainen" }, 1),
    "2 menetelmää sopii vastauksiinne: taso kuuleminen, kohderyhmänä nuoret, resurssitarve kevyt tai kohtalainen." +
    " Alla niistä 1 ensimmäistä.");
  assert.equal(statusText(data, { level: "vaikuttaminen", group: "lapset", resources: "kevyt" }, 0),
    "Vastauksiinne (taso vaikuttaminen, kohderyhmänä lapset, resurssitarve kevyt) ei sovi yhtään menetelmää. " +
    "Lähimmät vaihtoehdot: Taso kuuleminen (1 menetelmä).");
  const words = Object.assign({}, data, { words: { one: "keino", many: "keinoa" } });
  assert.equal(statusText(words, { level: "kuuleminen", group: "nuoret", resources: "kevyt" }, 1),
    "1 keino sopii vastauksiinne: taso kuuleminen, kohderyhmänä nuoret, resurssitarve kevyt.");
  assert.equal(scopeText(data, { level: "tieto" }), "taso tieto, mikä tahansa kohderyhmä, mikä tahansa resurssitarve");
});
