/*
 * The site contract: what the build knows and the page scripts need (kind ids and their
 * Finnish words, the kind filter's parameter name, the citation's access-date words, the
 * search's settings and texts). The finder and the guide read their facets and questions from
 * their own data files, not from here. The build writes it once as javascripts/site-contract.json
 * (scripts/site/contract.py), so nothing here repeats the vocabularies or the Finnish labels,
 * and no page carries a copy of it: the page scripts await loadContract(), which fetches the
 * file once per page; the browser's cache answers it on the next pages.
 */

const isString = (value) => typeof value === "string" && value !== "";
// Only what the scripts read is required (not kinds[…].plural). The citation and search parts
// are checked by the code that reads them (citation-logic.js, search-logic.js), which leaves the
// page as it is when they are missing.
const KIND_WORDS = ["label", "one", "many"];

function validKinds(kinds) {
  return kinds !== null && typeof kinds === "object" && !Array.isArray(kinds) &&
    // A contract without the method kind is not one this site's build wrote.
    Object.prototype.hasOwnProperty.call(kinds, "method") &&
    Object.keys(kinds).every((id) => kinds[id] !== null && typeof kinds[id] === "object" &&
      KIND_WORDS.every((word) => isString(kinds[id][word])));
}

function valid(contract) {
  return contract !== null && typeof contract === "object" &&
    validKinds(contract.kinds) &&
    isString(contract.kindParam);
}

// The contract from its JSON text, or null when it is missing or not the expected shape.
export function parseContract(text) {
  if (typeof text !== "string") return null;
  let contract;
  try {
    contract = JSON.parse(text);
  } catch (error) {
    return null;
  }
  return valid(contract) ? contract : null;
}

// Beside the page scripts (this module is javascripts/lib/contract.js), whichever page loads it.
export const CONTRACT_URL = new URL("../site-contract.json", import.meta.url);

function fetchText(url) {
  return fetch(url).then((response) => (response.ok ? response.text() : null));
}

// The contract at url through fetchText (url to a promise of text), or null when it cannot be
// fetched or is not the expected shape: the scripts then leave the page as it is.
export function fetchContract(url, fetchWith = fetchText) {
  return Promise.resolve()
    .then(() => fetchWith(url))
    .then(parseContract, () => null);
}

let shared = null;

// One request per page, however many scripts ask.
export function loadContract() {
  if (!shared) shared = fetchContract(CONTRACT_URL);
  return shared;
}
