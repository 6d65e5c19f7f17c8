/*
 * The browser editor (/muokkaa/): Decap CMS with Finnish strings, the record format and the
 * tools' own fields filled in, then started. Decap (vendor/decap-cms.js) and js-yaml
 * (vendor/js-yaml.mjs) are copied from node_modules by the build; config.yml and kentat.js are
 * generated from the schemas (python -m scripts editor-files).
 */
import { fi } from "./fi.js";
import { KINDS, MERGERS } from "./kentat.js";
import { currentMunicipalities, fromFile, slugify, toFile } from "./record-format.js";
import { CORE_SCHEMA, load } from "./vendor/js-yaml.mjs";

const notice = document.getElementById("muokkain-ilmoitus");

function tell(text) {
  notice.textContent = text;
  notice.hidden = false;
}

// Today in the editor's own time zone, as YYYY-MM-DD.
function today() {
  return new Date().toLocaleDateString("sv-SE");
}

const CMS = window.CMS;
if (!CMS) {
  tell("Selaineditoria ei voitu ladata. Päivitä sivu; jos vika jatkuu, ehdota esimerkkiä lomakkeella (ohje: CONTRIBUTING.md).");
} else {
  // Records are YAML 1.1 (PyYAML); the core schema keeps dates and other scalars as written.
  const parseYaml = (text) => load(text, { schema: CORE_SCHEMA });
  CMS.registerLocale("fi", fi);
  for (const [kindId, kind] of Object.entries(KINDS)) {
    CMS.registerCustomFormat(`menetelmapankki-${kindId}`, "md", {
      fromFile: (text) => fromFile(text, kind, parseYaml),
      toFile: (data) => toFile(data, kind),
    });
  }
  // The id (the file name and permanent address) comes from the title of a new record; the
  // dates are the day of saving. An existing record keeps its id and the day it was added.
  CMS.registerEventListener({
    name: "preSave",
    handler: ({ entry }) => {
      let data = entry.get("data");
      if (!data.get("id")) {
        data = data.set("id", slugify(data.get("title") || ""));
      }
      if (!data.get("added")) {
        data = data.set("added", today());
      }
      // A former municipality among the former places brings its current one (Kiiminki → Oulu).
      const historical = data.get("historical_places");
      if (historical) {
        const municipalities = data.get("municipalities");
        const missing = currentMunicipalities(historical.toJS(), municipalities ? municipalities.toJS() : [], MERGERS);
        if (missing.length) {
          data = data.set("municipalities", (municipalities || historical.clear()).concat(missing));
        }
      }
      return data.set("updated", today());
    },
  });
  CMS.init();
}
