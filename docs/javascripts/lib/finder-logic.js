/*
 * The finder's logic (overrides/records/finder.md), apart from the page.
 *
 * An item is { values: { param: [value ids] }, title, url, line }: one record of the finder's
 * data file (scripts/site/finder.py), decoded. A selection ("chosen") is { param: [value ids] }
 * with only the parameters that have a choice.
 */

// The data file -> items, and each sort's order as a list of items. The file holds values as
// indices into its facets' value lists and orders as indices into its records, to stay small.
export function decodeData(data) {
  const items = data.records.map(([title, url, line, indices]) => {
    const values = {};
    data.facets.forEach((facet, position) => {
      values[facet.param] = (indices[position] || []).map((index) => facet.values[index]);
    });
    return { title, url, line, values };
  });
  const orders = {};
  Object.keys(data.orders).forEach((sort) => { orders[sort] = data.orders[sort].map((index) => items[index]); });
  return { items, orders, params: data.facets.map((facet) => facet.param) };
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

// " Näytetään 1–20." after the count when not everything fits on the page.
export function shownText(shown, total) {
  return shown < total ? " Näytetään 1–" + shown + "." : "";
}

// The filter button's label on a phone: "Suodattimet (2 valittu)".
export function filterButtonText(chosen) {
  const count = Object.keys(chosen).reduce((sum, param) => sum + chosen[param].length, 0);
  return "Suodattimet (" + count + " valittu)";
}

// The button that closes the filters on a phone: "Näytä 12 tulosta".
export function showResultsText(count) {
  return "Näytä " + plural(count, "tulos", "tulosta");
}

// The items that match, in the order given.
export function visibleItems(ordered, chosen) {
  return ordered.filter((item) => matches(item, chosen));
}

// Selection and sort -> "taso=a&taso=b&jarjestys=uusimmat"; the default sort is left out.
export function selectionToQuery(chosen, sort, sortParam, defaultSort) {
  const query = new URLSearchParams();
  Object.keys(chosen).forEach((param) => {
    chosen[param].forEach((value) => query.append(param, value));
  });
  if (sort && sort !== defaultSort) query.append(sortParam, sort);
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

// The sort in the address if it is one of `sorts`, else the first (the default).
export function queryToSort(search, sortParam, sorts) {
  const sort = new URLSearchParams(search).get(sortParam);
  return sorts.indexOf(sort) >= 0 ? sort : sorts[0];
}
