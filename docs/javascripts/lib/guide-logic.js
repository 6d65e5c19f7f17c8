/*
 * The three-question guide's logic (overrides/records/_guide.md, docs/javascripts/guide.js),
 * apart from the page. `data` is the guide's own JSON (scripts/site/guide_data.py): methods
 * with the facts the reasons quote, the Finnish labels, the address names and the finder's
 * filter names. `answers` is
 * { level, group, resources }: group "" means any group; an unanswered group or resources
 * (undefined) also leave nothing out, so a link that only names the level is answered too.
 */
const titleOrder = new Intl.Collator("fi");
// Groups named in a reason when the answer was "any group"; the rest are counted.
const GROUPS_NAMED = 3;

function lower(data, question, value) {
  return ((data.labels[question] || {})[value] || value).toLowerCase();
}

function count(data, number) {
  return number + " " + (number === 1 ? data.words.one : data.words.many);
}

// The resource levels a method may need: the chosen one and every lighter one (all if unanswered).
export function resourcesWithin(data, resources) {
  const limit = data.resourceOrder.indexOf(resources);
  return limit < 0 ? data.resourceOrder.slice() : data.resourceOrder.slice(0, limit + 1);
}

// Methods that fit: at the level (main or not), for the group, needing no more than the resources.
export function matching(data, answers) {
  const within = resourcesWithin(data, answers.resources);
  return data.methods.filter((method) => method.levels.indexOf(answers.level) >= 0 &&
    (!answers.group || method.groups.indexOf(answers.group) >= 0) &&
    within.indexOf(method.resources) >= 0);
}

/*
 * The fitting methods in the order orderText() states: those whose main (first) level is the
 * chosen one, then those that also suit it; within each, those used in the most cases on the
 * site first; then Finnish alphabetical order of title.
 */
export function rankMethods(data, answers) {
  const main = (method) => (method.levels[0] === answers.level ? 0 : 1);
  return matching(data, answers).sort((a, b) =>
    main(a) - main(b) || b.caseCount - a.caseCount || titleOrder.compare(a.title, b.title));
}

export function orderText(data, answers) {
  const level = lower(data, "level", answers.level);
  return "Järjestys: ensin menetelmät, joiden päätaso on " + level + ", sitten ne, joille " + level +
    " on yksi muista tasoista. Kummassakin ensin ne, joita on käytetty useimmissa sivuston esimerkeissä," +
    " ja tasatilanteessa aakkosjärjestys.";
}

// What the answers let in, in words: "taso toimintaosallisuus, kohderyhmänä nuoret, resurssitarve kevyt tai kohtalainen".
export function scopeText(data, answers) {
  const parts = ["taso " + lower(data, "level", answers.level)];
  parts.push(answers.group ? "kohderyhmänä " + lower(data, "group", answers.group) : "mikä tahansa kohderyhmä");
  const within = resourcesWithin(data, answers.resources).map((value) => lower(data, "resources", value));
  parts.push(within.length === data.resourceOrder.length ? "mikä tahansa resurssitarve"
    : "resurssitarve " + within.join(" tai "));
  return parts.join(", ");
}

/*
 * Why a method fits these answers, from its own fields: { why: sentences, needs: [{ label,
 * text }] (what it takes), cases: [{ text, url }] (where and when it was used), more: cases
 * not named }.
 */
export function reasons(data, method, answers) {
  const why = [];
  const level = lower(data, "level", answers.level);
  why.push(method.levels[0] === answers.level ? "Päätaso on " + level + "."
    : "Sopii myös tasolle " + level + "; päätaso on " + lower(data, "level", method.levels[0]) + ".");
  if (answers.group) {
    const others = method.groups.length - 1;
    why.push(others ? "Kohderyhmiin kuuluvat " + lower(data, "group", answers.group) + " ja " + others +
      (others === 1 ? " muu ryhmä." : " muuta ryhmää.") : "Kohderyhmänä vain " + lower(data, "group", answers.group) + ".");
  } else {
    // Semicolons, as group labels have commas and "ja" of their own.
    const named = method.groups.slice(0, GROUPS_NAMED).map((group) => lower(data, "group", group));
    const others = method.groups.length - named.length;
    if (others > 0) named.push("lisäksi " + others + (others === 1 ? " muu" : " muuta"));
    why.push("Kohderyhmät: " + named.join("; ") + ".");
  }
  const lighter = data.resourceOrder.indexOf(method.resources) < data.resourceOrder.indexOf(answers.resources);
  why.push("Resurssitarve on " + lower(data, "resources", method.resources) +
    (lighter ? ": menetelmä vaatii vähemmän kuin teillä on käytettävissä." : "."));
  const needs = [];
  Object.keys(data.needs).forEach((key) => {
    const value = method[key];
    if (!value) return;
    const labels = data.labels[key];
    needs.push({ label: data.needs[key], text: labels && labels[value] ? labels[value] : value });
  });
  const cases = method.cases.map((entry) => ({ text: entry.places + " (" + entry.years + ")", url: entry.url }));
  return { why: why.join(" "), needs, cases, more: method.caseCount - cases.length };
}

// The cases as one sentence, as the page shows it (links aside).
export function casesText(reason) {
  if (!reason.cases.length) return "Sivustolla ei vielä ole esimerkkejä menetelmän käytöstä.";
  const parts = reason.cases.map((entry) => entry.text);
  return "Esimerkit: " + parts.join("; ") + (reason.more > 0 ? " ja " + reason.more + " muuta" : "") + ".";
}

/*
 * The nearest answers that do find methods, when these find none: the next resource level
 * that has any, the same level for any group, and only when neither helps, the other levels
 * for this group and these resources. [{ answers, count, text }]
 */
export function alternatives(data, answers) {
  const found = [];
  const offer = (changed, text) => {
    const number = matching(data, changed).length;
    if (number > 0) found.push({ answers: changed, count: number, text: text + " (" + count(data, number) + ")" });
    return number > 0;
  };
  const limit = data.resourceOrder.indexOf(answers.resources);
  if (limit >= 0) {
    data.resourceOrder.slice(limit + 1).some((resources) =>
      offer(Object.assign({}, answers, { resources }), "Resurssitarve enintään " + lower(data, "resources", resources)));
  }
  if (answers.group) offer(Object.assign({}, answers, { group: "" }), "Mikä tahansa kohderyhmä");
  if (!found.length) {
    Object.keys(data.labels.level).filter((level) => level !== answers.level).forEach((level) =>
      offer(Object.assign({}, answers, { level }), "Taso " + lower(data, "level", level)));
  }
  return found;
}

// The answers as an address fragment (without "#"): "tavoite=…&ryhma=…&varat=…".
export function answersToFragment(data, answers) {
  const fragment = new URLSearchParams();
  ["level", "group", "resources"].forEach((question) => {
    if (answers[question] !== undefined) fragment.set(data.address[question], answers[question]);
  });
  return fragment.toString();
}

/*
 * The answers in an address fragment ("#tavoite=…"), or null when it holds no known level.
 * An unknown group or resource level counts as unanswered; "ryhma=" is "any group".
 */
export function fragmentToAnswers(data, hash) {
  const fragment = new URLSearchParams((hash || "").replace(/^#/, ""));
  const level = fragment.get(data.address.level);
  if (!Object.prototype.hasOwnProperty.call(data.labels.level, level)) return null;
  const answers = { level };
  const group = fragment.get(data.address.group);
  if (group === "" || Object.prototype.hasOwnProperty.call(data.labels.group, group)) answers.group = group;
  const resources = fragment.get(data.address.resources);
  if (data.resourceOrder.indexOf(resources) >= 0) answers.resources = resources;
  return answers;
}

// The finder query behind "Näytä kaikki": methods at the level, for the group, needing the
// resources or fewer (any of those resource levels).
export function finderQuery(data, answers) {
  const names = data.finder;
  const query = new URLSearchParams();
  query.append(names.kind, "method");
  query.append(names.level, answers.level);
  if (answers.group) query.append(names.group, answers.group);
  const within = resourcesWithin(data, answers.resources);
  if (within.length < data.resourceOrder.length) within.forEach((value) => query.append(names.resources, value));
  return query.toString();
}

// What the live region says: how many suggestions, or that there are none and what is near.
export function statusText(data, answers, shown) {
  const total = matching(data, answers).length;
  if (total > 0) {
    return count(data, total) + " sopii vastauksiinne: " + scopeText(data, answers) + "." +
      (shown < total ? " Alla niistä " + shown + " ensimmäistä." : "");
  }
  const near = alternatives(data, answers).map((entry) => entry.text);
  return "Vastauksiinne (" + scopeText(data, answers) + ") ei sovi yhtään menetelmää." +
    (near.length ? " Lähimmät vaihtoehdot: " + near.join(", ") + "." : "");
}
