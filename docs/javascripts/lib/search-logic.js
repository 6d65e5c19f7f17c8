/*
 * The header search's page logic (docs/javascripts/search.js), apart from the page: the
 * contract's search settings, the status line and what a result says about its record.
 * A result's data is Pagefind's: { url, meta: { kind, title, summary, place, years, levels, hl } }.
 */

const isString = (value) => typeof value === "string" && value !== "";
const TEXTS = ["prompt", "none", "one", "many", "shown", "corrected", "unavailable", "levels"];

// The contract's search part (scripts/site/search_index.search_contract), or null when it is
// missing or not the expected shape.
export function searchSettings(contract) {
  const search = contract && contract.search;
  const valid = search !== null && typeof search === "object" &&
    ["bundle", "folder", "vocabulary", "wordEnd"].every((key) => isString(search[key])) &&
    search.filters !== null && typeof search.filters === "object" &&
    isString(search.filters.place) && isString(search.filters.method) &&
    Number.isInteger(search.page) && search.page > 0 &&
    search.texts !== null && typeof search.texts === "object" && TEXTS.every((key) => isString(search.texts[key]));
  return valid ? search : null;
}

const BOX_TEXTS = ["results", "more", "finder", "finderLink", "finderPage"];

// The words of the search's results area (scripts/site/contract.py SEARCH_BOX), or null.
export function searchBoxTexts(contract) {
  const box = contract && contract.searchBox;
  const valid = box !== null && typeof box === "object" && BOX_TEXTS.every((key) => isString(box[key])) &&
    box.finder.split("{link}").length === 2;
  return valid ? box : null;
}

// The finder hint around its link: ["Etkö löytänyt etsimääsi? ", " -sivulla voit …"].
export function finderHint(box) {
  return box.finder.split("{link}");
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
}

// The kind line of a result ("Menetelmä"), or "" for pages that are not records.
export function kindLabel(kind, contract) {
  return kind && Object.prototype.hasOwnProperty.call(contract.kinds, kind) ? contract.kinds[kind].label : "";
}

// What a result says above its title: the kind, and for a case its place and years.
export function resultDetails(meta, contract) {
  return [kindLabel(meta.kind, contract), meta.place, meta.years].filter(isString).join(" · ");
}

// The levels line of a record's result: "Tasot: Suunnitteluosallisuus, Tieto-osallisuus".
export function levelsLine(meta, texts) {
  return isString(meta.levels) ? texts.levels + ": " + meta.levels : "";
}

// The status line: how many were found, how many are shown, and the corrected query if any.
export function summary(texts, query, count, shown, corrected = null) {
  const values = { query, count, shown, corrected };
  const parts = corrected ? [fill(texts.corrected, values)] : [];
  parts.push(fill(count === 0 ? texts.none : count === 1 ? texts.one : texts.many, values));
  if (count > shown) parts.push(fill(texts.shown, values));
  return parts.join(" ");
}

// Search words from a page address that was not found: "/menetelmat/asiakasraatti/" -> "asiakasraatti".
export function wordsFromAddress(pathname, basePath) {
  const path = decodeURIComponent(pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname);
  const last = path.split("/").filter(Boolean).pop() || "";
  return last.replace(/\.html?$/, "").replace(/[-_+]+/g, " ").trim();
}
