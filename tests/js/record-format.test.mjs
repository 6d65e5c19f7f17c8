import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";

import { CORE_SCHEMA, load } from "../../node_modules/js-yaml/dist/js-yaml.mjs";
import { fi } from "../../docs/muokkaa/fi.js";
import { KINDS } from "../../docs/muokkaa/kentat.js";
import { dumpYaml, fromFile, needsQuotes, slugify, splitBody, toFile } from "../../docs/muokkaa/record-format.js";

const parse = (text) => load(text, { schema: CORE_SCHEMA });
const CASE = readFileSync(new URL("../fixtures/case.md", import.meta.url), "utf8");

test("a record opens as fields, one per body section, and is written back as it was", () => {
  const data = fromFile(CASE, KINDS.case, parse);
  assert.equal(data.title, "Testiesimerkki Oulussa");
  assert.equal(data["osio-1"], "Tausta.");
  assert.equal(data["osio-5"], "Vinkit.");
  const again = fromFile(toFile(data, KINDS.case), KINDS.case, parse);
  assert.deepEqual(again, data);
});

test("sections are written under the standard headings in order, whatever order the fields come in", () => {
  const data = fromFile(CASE, KINDS.case, parse);
  const shuffled = Object.fromEntries(Object.entries(data).reverse());
  const text = toFile(shuffled, KINDS.case);
  const headings = text.split("\n").filter((line) => line.startsWith("## "));
  assert.deepEqual(headings, KINDS.case.sections.map((heading) => `## ${heading}`));
  assert.ok(text.startsWith("---\nid: testiesimerkki\ntitle: Testiesimerkki Oulussa\n"), "schema order");
});

test("empty answers become what the schema allows: null, an empty list, or nothing", () => {
  const data = fromFile(CASE, KINDS.case, parse);
  data.reached = "";
  data.outcomes = undefined;
  data.historical_places = [];
  data.years = { start: "2014", end: "" };
  delete data.feedback_to_participants;
  const record = parse(toFile(data, KINDS.case).split("---\n")[1]);
  assert.equal(record.reached, null);
  assert.equal(record.feedback_to_participants, null);
  assert.deepEqual(record.outcomes, []);
  assert.deepEqual(record.years, { start: 2014, end: null });
});

test("texts YAML 1.1 would read as something else are quoted", () => {
  for (const text of ["no", "Yes", "on", "off", "null", "~", "1:20", "12", "0x1F", "2024-05-01", "- lista", "a: b",
                      "tekstiä #kommentti", "", " alussa välilyönti", "@kunta", "\"lainaus\""]) {
    assert.ok(needsQuotes(text), text);
  }
  for (const text of ["Asiakasraati", "6–12 henkilöä", "Oulun kaupunki, sosiaalipalvelut", "https://www.ouka.fi"]) {
    assert.ok(!needsQuotes(text), text);
  }
  const yaml = dumpYaml({ title: "no", group_size: "1:20", updated: "2026-11-22", list: ["on", "Oulu"] });
  assert.equal(yaml, 'title: "no"\ngroup_size: "1:20"\nupdated: 2026-11-22\nlist:\n  - "on"\n  - Oulu\n');
});

test("a heading that is not a section stays in the text of the section before it", () => {
  const { sections } = splitBody("## Tavoitteet\n\nA\n\n### Alaotsikko\n\nB\n\n## Muu\n\nC\n", ["Tavoitteet"]);
  assert.equal(sections.get("Tavoitteet"), "A\n\n### Alaotsikko\n\nB\n\n## Muu\n\nC");
});

test("a new record's id is made from its title as the Python tools make it", () => {
  assert.equal(slugify("Ylöjärven lähiökävely 2025"), "ylojarven-lahiokavely-2025");
  assert.equal(slugify("Ähtärin Åland-yhteistyö: ”Kysy, älä oleta!”"), "ahtarin-aland-yhteistyo-kysy-ala-oleta");
  assert.equal(slugify("  Café – Crème  "), "cafe-creme");
});

test("every string of Decap's English locale has a Finnish translation", () => {
  const source = readFileSync(new URL("../../node_modules/decap-cms-locales/dist/esm/en/index.js", import.meta.url), "utf8");
  const en = vm.runInNewContext(source.replace("export default en;", "") + "\nen;");
  const missing = [];
  const walk = (english, finnish, path) => {
    for (const [key, value] of Object.entries(english)) {
      if (typeof value === "object") {
        walk(value, (finnish || {})[key], `${path}${key}.`);
      } else if (typeof (finnish || {})[key] !== "string" || !(finnish || {})[key]) {
        missing.push(path + key);
      }
    }
  };
  walk(en, fi, "");
  assert.deepEqual(missing, []);
});

test("a former municipality among the former places brings its current municipality", async () => {
  const { MERGERS } = await import("../../docs/muokkaa/kentat.js");
  const { currentMunicipalities } = await import("../../docs/muokkaa/record-format.js");
  assert.deepEqual(MERGERS.Kiiminki, ["Oulu", 2013]);
  assert.deepEqual(currentMunicipalities(["Kiiminki", "haukipudas", "Kylä"], [], MERGERS), ["Oulu"]);
  assert.deepEqual(currentMunicipalities(["Vammala"], ["Sastamala"], MERGERS), []);
  assert.deepEqual(currentMunicipalities(["Maaninka", "Vammala"], ["Oulu"], MERGERS), ["Kuopio", "Sastamala"]);
});
