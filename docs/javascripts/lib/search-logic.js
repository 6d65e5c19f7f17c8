/*
 * The header search's logic (docs/javascripts/search.js), apart from the page. A result is
 * Pagefind's loaded result data: { url, meta: { kind, title, summary }, weighted_locations }.
 */

// Did the words match a method's name or alias? The build gives those the contract's name
// weight (overrides/records/method.md), body text less.
function namedMethod(result, contract) {
  return result.meta.kind === "method" &&
    (result.weighted_locations || []).some((location) => location.weight >= contract.nameWeight);
}

// Methods found by name first: "raadit" should offer the method Asiakasraati before the
// many cases that use it. Otherwise Pagefind's order is kept.
export function methodsByNameFirst(results, contract) {
  return results.filter((result) => namedMethod(result, contract))
    .concat(results.filter((result) => !namedMethod(result, contract)));
}

// The kind line of a result ("Menetelmä"), or "" for pages that are not records.
export function kindLabel(kind, contract) {
  return kind && Object.prototype.hasOwnProperty.call(contract.kinds, kind) ? contract.kinds[kind].label : "";
}

export function summary(query, count, shown) {
  const quoted = " haulla ”" + query + "”";
  if (count === 0) return "Ei osumia" + quoted + ".";
  return (count === 1 ? "1 osuma" : count + " osumaa") + quoted + "." +
    (count > shown ? " Näytetään " + shown + " parasta." : "");
}
