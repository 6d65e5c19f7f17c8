/*
 * The finder's logic (overrides/records/finder.md), apart from the page.
 *
 * An item is { values: { param: [value ids] }, cases: number, title: string }: the data
 * attributes of one finder list item. A selection ("chosen") is { param: [value ids] } with
 * only the parameters that have a choice.
 */

// "a|b" from a data attribute -> ["a", "b"]; missing or empty -> [].
export function splitValues(attribute) {
  return (attribute || "").split("|").filter(Boolean);
}

// Any chosen value within a facet, every facet with a choice (but `except`).
export function matches(item, chosen, except) {
  return Object.keys(chosen).every((param) => {
    const values = item.values[param] || [];
    return param === except || chosen[param].some((value) => values.indexOf(value) >= 0);
  });
}

// { param: { value: count } }: how many items each choice would show, given the other
// facets' choices (a facet's own choices do not narrow its counts, they add to them).
export function countsByValue(items, chosen, params) {
  const counts = {};
  params.forEach((param) => {
    const perValue = counts[param] = {};
    items.forEach((item) => {
      if (!matches(item, chosen, param)) return;
      (item.values[param] || []).forEach((value) => {
        perValue[value] = (perValue[value] || 0) + 1;
      });
    });
  });
  return counts;
}

// { kind id: count } for every kind in the contract, in the contract's order.
export function countKinds(items, contract) {
  const counts = {};
  Object.keys(contract.kinds).forEach((kind) => { counts[kind] = 0; });
  items.forEach((item) => {
    const kind = (item.values[contract.kindParam] || [])[0];
    if (kind in counts) counts[kind] += 1;
  });
  return counts;
}

export function plural(count, one, many) {
  return count + " " + (count === 1 ? one : many);
}

// "a", "a ja b", "a, b ja c".
function finnishList(parts) {
  return parts.length < 2 ? parts.join("") : parts.slice(0, -1).join(", ") + " ja " + parts[parts.length - 1];
}

// "Kaikkiaan 12 menetelmää ja 30 esimerkkiä." / "Valinnoilla löytyi 1 menetelmä ja 0 esimerkkiä."
export function statusText(kindCounts, contract, filtered) {
  const parts = Object.keys(contract.kinds).map((kind) =>
    plural(kindCounts[kind] || 0, contract.kinds[kind].one, contract.kinds[kind].many));
  return (filtered ? "Valinnoilla löytyi " : "Kaikkiaan ") + finnishList(parts) + ".";
}

// Selection -> "taso=a&taso=b&kohderyhma=c", parameters and values in the selection's order.
export function selectionToQuery(chosen) {
  const query = new URLSearchParams();
  Object.keys(chosen).forEach((param) => {
    chosen[param].forEach((value) => query.append(param, value));
  });
  return query.toString();
}

// "?taso=a&…" (with or without "?") -> selection of the known parameters only.
export function queryToSelection(search, params) {
  const query = new URLSearchParams(search);
  const chosen = {};
  params.forEach((param) => {
    const values = query.getAll(param).filter(Boolean);
    if (values.length) chosen[param] = values;
  });
  return chosen;
}
