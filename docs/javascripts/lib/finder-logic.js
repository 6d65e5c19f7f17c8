/*
 * The finder's and the guide's logic (overrides/records/finder.md), apart from the page.
 *
 * An item is { values: { param: [value ids] }, cases: number, title: string }: the data
 * attributes of one finder list item. A selection ("chosen") is { param: [value ids] } with
 * only the parameters that have a choice.
 */

const titleOrder = new Intl.Collator("fi");

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

// A value's Finnish label in lower case, for the middle of a sentence; the id if it has none.
export function lowerLabel(labels, param, value) {
  return ((labels[param] && labels[param][value]) || value).toLowerCase();
}

/*
 * How well a method suits the guide's answers { level, group, resources }, or null when it is
 * not at that level or needs more resources than there are. `labels` is { param: { value:
 * Finnish label } } for the reason sentence. A method whose main level is the chosen one
 * beats one that also suits it; the chosen target group adds, another group subtracts; using
 * just the resources available edges out using less; cases that use the method add a little.
 */
export function fit(item, answers, contract, labels) {
  const questions = contract.guide;
  const order = contract.resourceOrder;
  const position = (item.values[questions.level] || []).indexOf(answers.level);
  const resource = (item.values[questions.resources] || [])[0];
  const need = order.indexOf(resource);
  const limit = order.indexOf(answers.resources);
  if (position < 0 || need > limit) return null;
  let score = position === 0 ? 3 : 1;
  const level = lowerLabel(labels, questions.level, answers.level);
  const reasons = [position === 0 ? "päätaso on " + level : "sopii myös tasolle " + level];
  if (answers.group && (item.values[questions.group] || []).indexOf(answers.group) >= 0) {
    score += 2;
    reasons.push("kohderyhmänä " + lowerLabel(labels, questions.group, answers.group));
  } else if (answers.group) {
    score -= 1;
  }
  if (resource) reasons.push("resurssitarve " + lowerLabel(labels, questions.resources, resource));
  score += need === limit ? 0.5 : 0.25;
  score += Math.min(item.cases, 5) * 0.2;
  const reasonText = reasons.join(", ");
  let why = reasonText.charAt(0).toUpperCase() + reasonText.slice(1) + ".";
  if (item.cases) why += " Käytetty " + item.cases + " esimerkissä sivustolla.";
  return { item, score, why };
}

// The best-fitting methods first, ties in Finnish alphabetical order of title.
export function rankMethods(items, answers, contract, labels, limit = 5) {
  return items
    .filter((item) => (item.values[contract.kindParam] || [])[0] === "method")
    .map((item) => fit(item, answers, contract, labels))
    .filter(Boolean)
    .sort((a, b) => b.score - a.score || titleOrder.compare(a.item.title, b.item.title))
    .slice(0, limit);
}

// The finder query behind "Näytä kaikki tason … menetelmät": methods at the level, for the group.
export function guideQuery(answers, contract) {
  const chosen = {};
  chosen[contract.kindParam] = ["method"];
  chosen[contract.guide.level] = [answers.level];
  if (answers.group) chosen[contract.guide.group] = [answers.group];
  return selectionToQuery(chosen);
}
