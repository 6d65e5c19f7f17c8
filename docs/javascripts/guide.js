/*
 * The three-question guide on "Löydä menetelmä" (overrides/records/_guide.md): methods at the
 * chosen level, for the chosen group, within the resources, each with why it fits and what
 * it takes, in an order the page states.
 *
 * The answers live in the address fragment (#tavoite=…&ryhma=…&varat=…), so an answered
 * guide can be reloaded, shared and linked from the front page; the finder keeps the
 * fragment and reads only its query. Answering sets the fragment; every change of the
 * fragment (an answer, an alternative, Back) shows the suggestions. The methods come from the
 * guide's own data file (scripts/site/guide_data.py), loaded when first needed; it also names
 * the finder's filters, so the guide needs no other file. A module script; see finder.js on
 * full page loads.
 */
import {
  alternatives, answersToFragment, casesText, finderQuery, fragmentToAnswers, orderText, rankMethods,
  reasons, statusText,
} from "./lib/guide-logic.js";

const SHORT_LIST = 5;
const QUESTIONS = ["level", "group", "resources"];

function element(name, properties, children) {
  const node = Object.assign(document.createElement(name), properties || {});
  if (children) node.append(...children);
  return node;
}

function start(form, answerBox, statusBox, guideBox) {
  const source = new URL(form.getAttribute("data-source"), location.href);
  let loading = null;
  function load() {
    loading = loading || fetch(source).then((response) => {
      if (!response.ok) throw new Error(response.status);
      return response.json();
    }).catch((error) => {
      loading = null;  // the next answer tries again
      throw error;
    });
    return loading;
  }

  function suggestion(data, method, answers) {
    const reason = reasons(data, method, answers);
    const title = element("h4", {}, [element("a", { href: new URL(method.url, source).href, textContent: method.title })]);
    const needs = element("dl", { className: "guide-needs" }, reason.needs.map((need) =>
      element("div", {}, [element("dt", { textContent: need.label }), element("dd", { textContent: need.text })])));
    const cases = element("p", { className: "guide-cases" });
    if (reason.cases.length) {
      cases.append("Esimerkit: ");
      reason.cases.forEach((entry, index) => {
        if (index) cases.append("; ");
        cases.append(element("a", { href: new URL(entry.url, source).href, textContent: entry.text }));
      });
      cases.append((reason.more > 0 ? " ja " + reason.more + " muuta" : "") + ".");
    } else {
      cases.textContent = casesText(reason);
    }
    return element("li", {}, [title, element("p", { className: "guide-why", textContent: reason.why }), needs, cases]);
  }

  function show(data, answers) {
    const ranked = rankMethods(data, answers);
    const shown = ranked.slice(0, SHORT_LIST);
    const heading = element("h3", { tabIndex: -1, textContent: ranked.length ? "Ehdotukset" : "Ei sopivia menetelmiä" });
    const parts = [heading];
    if (answers.group === undefined || answers.resources === undefined) {
      parts.push(element("p", { className: "guide-partial", textContent: "Vastasitte vain osaan kysymyksistä, " +
        "joten mukana ovat kaikki kohderyhmät tai resurssitarpeet. Valitkaa yllä kohderyhmä ja resurssit ja " +
        "painakaa Ehdota menetelmiä, niin ehdotukset tarkentuvat." }));
    }
    if (ranked.length) {
      parts.push(element("p", { className: "guide-order", textContent: orderText(data, answers) }));
      parts.push(element("ol", { className: "guide-list" }, shown.map((method) => suggestion(data, method, answers))));
      const more = element("a", {
        href: "?" + finderQuery(data, answers) + "#finder-heading",
        textContent: ranked.length === 1 ? "Näytä sopiva menetelmä suodattimissa"
          : "Näytä kaikki " + ranked.length + " sopivaa menetelmää suodattimissa",
      });
      parts.push(element("p", {}, [more]));
    } else {
      const near = alternatives(data, answers);
      parts.push(element("p", { textContent: near.length ? "Lähimmät vaihtoehdot, joilla menetelmiä löytyy:"
        : "Kokeilkaa toista tasoa tai katsokaa kaikki menetelmät suodattimissa." }));
      parts.push(element("ul", { className: "guide-alternatives" }, near.map((entry) =>
        element("li", {}, [element("a", { href: "#" + answersToFragment(data, entry.answers), textContent: entry.text })]))));
    }
    answerBox.replaceChildren(...parts);
    statusBox.textContent = statusText(data, answers, shown.length);
    return heading;
  }

  // The answers in the address: check them in the form and show the suggestions.
  function fromAddress(focus) {
    if (location.hash.length < 2) return;
    load().then((data) => {
      const answers = fragmentToAnswers(data, location.hash);
      if (!answers) return;
      QUESTIONS.forEach((question) => {
        form.querySelectorAll("input[name=" + data.finder[question] + "]").forEach((input) => {
          input.checked = input.value === answers[question];
        });
      });
      guideBox.open = true;
      const heading = show(data, answers);
      if (focus) heading.focus();
    }, () => { statusBox.textContent = "Ehdotuksia ei voitu ladata. Ladatkaa sivu uudelleen."; });
  }

  function answer(event) {
    event.preventDefault();
    const filled = new FormData(form);
    load().then((data) => {
      const answers = {};
      QUESTIONS.forEach((question) => { answers[question] = filled.get(data.finder[question]); });
      const hash = "#" + answersToFragment(data, answers);
      if (location.hash === hash) fromAddress(true);
      else location.hash = hash;  // hashchange shows them
    }, () => { statusBox.textContent = "Ehdotuksia ei voitu ladata. Ladatkaa sivu uudelleen."; });
  }

  // Someone who arrives with filters but no answers in the address (a level page) wants the
  // list; answers in the address open the guide again (fromAddress).
  guideBox.hidden = false;
  guideBox.open = location.search === "";
  // Fetched ahead while the questions are answered; a failure is reported on answering.
  form.addEventListener("focusin", () => { load().catch(() => {}); }, { once: true });
  form.addEventListener("submit", answer);
  window.addEventListener("hashchange", () => fromAddress(true));
  fromAddress(true);
}

const form = document.getElementById("guide-form");
const answerBox = document.getElementById("guide-answer");
const statusBox = document.getElementById("guide-status");
const guideBox = document.getElementById("guide");
if (form && answerBox && statusBox && guideBox) start(form, answerBox, statusBox, guideBox);
