/*
 * The three-question guide's logic (overrides/records/_guide.md, docs/javascripts/guide.js),
 * apart from the page. Items and selections are as in finder-logic.js.
 */
import { selectionToQuery } from "./finder-logic.js";

const titleOrder = new Intl.Collator("fi");

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
