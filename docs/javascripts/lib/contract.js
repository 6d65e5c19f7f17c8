/*
 * The site contract: what the build knows and the page scripts need (kind ids and their
 * Finnish words, filter parameter names, the guide's questions, resource order, the search's
 * name weight). The build writes it once as javascripts/site-contract.json
 * (scripts/site/contract.py), so nothing here repeats the vocabularies or the Finnish labels,
 * and no page carries a copy of it: the page scripts await loadContract(), which fetches the
 * file once per page; the browser's cache answers it on the next pages.
 */

const isString = (value) => typeof value === "string" && value !== "";
// Only what the scripts read is required (not kinds[…].plural or facets[…].field).
const KIND_WORDS = ["label", "one", "many"];

function validKinds(kinds) {
  return kinds !== null && typeof kinds === "object" && !Array.isArray(kinds) &&
    // The guide suggests methods and the search ranks them first, so that kind must exist.
    Object.prototype.hasOwnProperty.call(kinds, "method") &&
    Object.keys(kinds).every((id) => kinds[id] !== null && typeof kinds[id] === "object" &&
      KIND_WORDS.every((word) => isString(kinds[id][word])));
}

function valid(contract) {
  return contract !== null && typeof contract === "object" &&
    validKinds(contract.kinds) &&
    isString(contract.kindParam) &&
    Array.isArray(contract.facets) &&
    contract.facets.every((facet) => facet !== null && isString(facet.param)) &&
    contract.guide !== null && typeof contract.guide === "object" &&
    ["level", "group", "resources"].every((question) => isString(contract.guide[question])) &&
    Array.isArray(contract.resourceOrder) && contract.resourceOrder.every(isString) &&
    typeof contract.nameWeight === "number" && isFinite(contract.nameWeight) &&
    isString(contract.caseCountAttribute);
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

// Every parameter a finder list item carries: the kind first, then the facets.
export function itemParams(contract) {
  return [contract.kindParam].concat(contract.facets.map((facet) => facet.param));
}
