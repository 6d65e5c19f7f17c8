/*
 * The three-question guide on "Löydä menetelmä" (overrides/records/_guide.md): methods at the
 * chosen level, for the chosen group, within the resources, with the reasons.
 *
 * Reads the methods from the finder's list items (their data attributes) and the Finnish
 * labels from the finder's check boxes. A module script; see finder.js on full page loads.
 */
import { itemParams, loadContract } from "./lib/contract.js";
import { splitValues } from "./lib/finder-logic.js";
import { guideQuery, lowerLabel, rankMethods } from "./lib/guide-logic.js";

const SHORT_LIST = 5;

function start(contract, guide, answer, guideBox) {
  const params = itemParams(contract);
  const labels = {};  // { param: { value: label } }, for the sentences
  document.querySelectorAll("#finder-form input[type=checkbox]").forEach((box) => {
    labels[box.name] = labels[box.name] || {};
    labels[box.name][box.value] = box.parentNode.querySelector(".finder-label").textContent;
  });
  const items = Array.from(document.getElementById("finder-list").children).map((element) => {
    const values = {};
    params.forEach((param) => { values[param] = splitValues(element.getAttribute("data-" + param)); });
    const link = element.querySelector("a");
    return { values, cases: Number(element.getAttribute(contract.caseCountAttribute) || 0),
             title: link.textContent, href: link.getAttribute("href") };
  });
  const questions = contract.guide;

  function suggest(event) {
    event.preventDefault();
    const form = new FormData(guide);
    const answers = { level: form.get(questions.level), group: form.get(questions.group),
                      resources: form.get(questions.resources) };
    const ranked = rankMethods(items, answers, contract, labels, SHORT_LIST);
    const heading = document.createElement("h3");
    heading.tabIndex = -1;
    heading.textContent = ranked.length ? "Ehdotukset" : "Ei sopivia menetelmiä";
    const parts = [heading];
    if (ranked.length) {
      const suggestions = document.createElement("ol");
      suggestions.className = "guide-list";
      ranked.forEach((entry) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = entry.item.href;
        link.textContent = entry.item.title;
        const why = document.createElement("p");
        why.textContent = entry.why;
        item.append(link, why);
        suggestions.appendChild(item);
      });
      parts.push(suggestions);
    } else {
      const none = document.createElement("p");
      none.textContent = "Tällä tasolla ei ole menetelmää näillä resursseilla. Kokeile suurempaa resurssivarausta tai katso kaikki tason menetelmät.";
      parts.push(none);
    }
    // A full page load: the finder reads its filters from the address.
    const more = document.createElement("a");
    more.href = "?" + guideQuery(answers, contract) + "#finder-heading";
    more.textContent = "Näytä kaikki tason " + lowerLabel(labels, questions.level, answers.level) + " menetelmät suodattimissa";
    const paragraph = document.createElement("p");
    paragraph.appendChild(more);
    parts.push(paragraph);
    answer.replaceChildren(...parts);
    heading.focus();
  }

  // Someone who arrives with filters in the address (a level page, a shared link) wants the list.
  guideBox.hidden = false;
  guideBox.open = location.search === "";
  guide.addEventListener("submit", suggest);
}

const contract = await loadContract();
const guide = document.getElementById("guide-form");
const answer = document.getElementById("guide-answer");
const guideBox = document.getElementById("guide");
if (contract && guide && answer && guideBox) start(contract, guide, answer, guideBox);
