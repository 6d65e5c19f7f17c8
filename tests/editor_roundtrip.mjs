// Opens and saves record files as the browser editor does (docs/muokkaa/record-format.js), without
// edits: node tests/editor_roundtrip.mjs OUT_DIR FILE... writes each result to OUT_DIR/<folder>/<name>.
// tests/test_editor_cms.py checks that the validator and the page see the same record.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

import { CORE_SCHEMA, load } from "../node_modules/js-yaml/dist/js-yaml.mjs";
import { KINDS } from "../docs/muokkaa/kentat.js";
import { fromFile, toFile } from "../docs/muokkaa/record-format.js";

const [out, ...files] = process.argv.slice(2);
const parse = (text) => load(text, { schema: CORE_SCHEMA });
for (const file of files) {
  const folder = basename(dirname(file));
  const kind = folder === "methods" ? KINDS.method : KINDS.case;
  // Decap keeps the entry as plain data between opening and saving (JSON-like values).
  const data = JSON.parse(JSON.stringify(fromFile(readFileSync(file, "utf8"), kind, parse)));
  mkdirSync(join(out, folder), { recursive: true });
  writeFileSync(join(out, folder, basename(file)), toFile(data, kind));
}
