/*
 * The site search's query engine, apart from the page (docs/javascripts/search.js runs it in
 * the browser, the search benchmark in Node). It reads a query as the build indexed the
 * records (scripts/site/search_index.py): every word becomes its Finnish base forms through
 * the build's word-form table, a word the table does not know is also tried without its
 * ending, a word that finds nothing is corrected to the nearest name (one or two wrong
 * letters), and synonyms from data/synonyms.yml join in at a lower weight. Pagefind answers
 * each base form; a page's score adds up its best match for every query word and is scaled
 * by how much of the query it covers (rarer words count more).
 *
 * Names come first: a method whose name or alias the query is, in any form; then, when the
 * query names a municipality, region or former municipality, the cases there that match the
 * rest of the query; then methods whose names hold every query word; then everything else.
 *
 * Dependencies are passed in: `pagefind` is Pagefind's module (search), `lookup(words)`
 * resolves word forms (formLookup), `vocabulary` is the build's sanasto.json (prepareVocabulary).
 */
import { bucketOf, editDistance, normal, stemsOf, typoLimit, words } from "./search-words.js";

// A word's first base form counts fully; Voikko's other readings of the same form less
// ("vaikuttavat" is the verb vaikuttaa before the adjective vaikuttava).
export const WEIGHTS = { lemma: 1, word: 1, correction: 0.9, reading: 0.7, stem: 0.7, synonym: 0.5 };
// The engine's settings from the page contract (search_index.search_contract): the Pagefind
// filters the build sets and the mark that ends every indexed base form.
function indexSettings(settings) {
  return { filters: settings.filters, wordEnd: settings.wordEnd };
}

export function prepareVocabulary(data) {
  const synonyms = new Map();
  for (const [word, also] of data.synonyms || []) {
    synonyms.set(word, (synonyms.get(word) || []).concat(also.map((sequence) => sequence.split(" "))));
  }
  return {
    pages: data.pages || 1,
    forms: data.forms,
    methods: (data.methods || []).map(([url, title, names, parts]) => ({
      url, title, names: names.map((name) => name.split(" ")), parts: new Set(parts || []),
    })),
    places: (data.places || []).map(([name, sequence]) => ({ name, words: sequence.split(" ") })),
    corrections: data.corrections || [],
    synonyms,
    ignore: new Set(data.ignore || []),
  };
}

// lookup(words) -> Map(word -> base forms) for the words the table knows; fetchJson(path)
// loads one bucket of the table (a path relative to the search folder).
export function formLookup(vocabulary, fetchJson) {
  const buckets = new Map();
  const { folder, buckets: count } = vocabulary.forms;
  return async (list) => {
    const found = new Map();
    await Promise.all(list.map(async (word) => {
      const number = bucketOf(word, count);
      if (!buckets.has(number)) buckets.set(number, fetchJson(folder + number + ".json").catch(() => ({})));
      const table = await buckets.get(number);
      if (Object.prototype.hasOwnProperty.call(table, word)) {
        found.set(word, table[word] === "" ? [word] : table[word].split(" "));
      }
    }));
    return found;
  };
}

function addAlternative(word, term, kind) {
  if (!term || word.alternatives.some((each) => each.term === term)) return;
  word.alternatives.push({ term, kind, weight: WEIGHTS[kind] });
}

function addSynonyms(word, vocabulary) {
  for (const alternative of word.alternatives.slice()) {
    for (const sequence of vocabulary.synonyms.get(alternative.term) || []) {
      for (const term of sequence) addAlternative(word, term, "synonym");
    }
  }
}

// The query's words with the terms to search for each: base forms, or for an unknown word
// the word itself and its stem; then synonyms. Words such as "ja" and "miten" are left out
// of a longer query (data/synonyms.yml, ignore).
export async function readQuery(query, vocabulary, lookup) {
  let list = words(query).map(normal).filter(Boolean);
  if (list.length > 1) {
    const kept = list.filter((word) => !vocabulary.ignore.has(word));
    if (kept.length) list = kept;
  }
  const forms = await lookup(list);
  return list.map((text) => {
    const word = { text, known: forms.has(text), alternatives: [], correction: null };
    if (word.known) {
      forms.get(text).forEach((lemma, index) => addAlternative(word, lemma, index === 0 ? "lemma" : "reading"));
    } else {
      addAlternative(word, text, "word");
      for (const stem of stemsOf(text)) addAlternative(word, stem, "stem");
    }
    addSynonyms(word, vocabulary);
    return word;
  });
}

// The nearest correction within the word's typo limit; ties go to the same first letter.
export function closestCorrection(text, corrections) {
  const limit = typoLimit(text);
  if (!limit) return null;
  let best = null;
  let bestDistance = limit + 1;
  for (const candidate of corrections) {
    const distance = editDistance(text, candidate, limit);
    if (distance < bestDistance || (distance === bestDistance && best && best[0] !== text[0] && candidate[0] === text[0])) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : null;
}

// Alternatives that stand for the whole word, not a stem, a synonym or a prefix.
const WHOLE = new Set(["lemma", "reading", "word", "correction"]);

// Does a query word name this word of a name (or part of a compound name)?
function names(word, nameWord, prefixAllowed) {
  if (word.alternatives.some((each) => WHOLE.has(each.kind) && each.term === nameWord)) return true;
  if (word.known) return false;
  return word.alternatives.some((each) =>
    (each.kind === "stem" && nameWord.startsWith(each.term) && nameWord.length - each.term.length <= 3) ||
    (prefixAllowed && each.kind === "word" && each.term.length >= 3 && nameWord.startsWith(each.term)));
}

// Methods whose name or alias is the whole query.
export function exactMethods(query, vocabulary) {
  return vocabulary.methods.filter((method) => method.names.some((name) => name.length === query.length &&
    name.every((nameWord, index) => names(query[index], nameWord, false))));
}

// Places the query names, each with the positions of the words that name it; the longest name
// at a position wins ("Etelä-Pohjanmaa" over "Pohjanmaa").
export function namedPlaces(query, vocabulary) {
  const found = [];
  const covered = new Set();
  const candidates = vocabulary.places.slice().sort((a, b) => b.words.length - a.words.length);
  for (const place of candidates) {
    for (let start = 0; start + place.words.length <= query.length; start++) {
      const positions = place.words.map((_, offset) => start + offset);
      if (positions.some((position) => covered.has(position))) continue;
      if (place.words.every((nameWord, offset) => names(query[start + offset], nameWord, false))) {
        const same = found.find((each) => each.positions.join() === positions.join());
        if (same) same.names.push(place.name);
        else found.push({ names: [place.name], positions });
      }
    }
    for (const each of found) each.positions.forEach((position) => covered.add(position));
  }
  return found;
}

// Methods whose names hold every query word (as a word or a compound part): "raadit".
export function namedMethods(query, vocabulary) {
  const last = query.length - 1;
  return vocabulary.methods.filter((method) => {
    const nameWords = new Set(method.names.flat().concat(Array.from(method.parts)));
    return query.every((word, index) => Array.from(nameWords).some((nameWord) => names(word, nameWord, index === last)));
  });
}

// The terms the first query word was searched with: base forms whole, a typed word as a prefix.
async function namedTerms(word, wordEnd) {
  return word.alternatives.filter((each) => each.kind !== "synonym")
    .map((each) => (each.kind === "word" || each.kind === "stem" ? each.term : each.term + wordEnd));
}

async function scoresOf(word, termResults) {
  const scores = new Map();
  for (const alternative of word.alternatives) {
    const typed = alternative.kind === "word" || alternative.kind === "stem";
    for (const result of await termResults(alternative.term, typed)) {
      const score = alternative.weight * result.score;
      const previous = scores.get(result.id);
      if (!previous || previous.score < score) scores.set(result.id, { score, result });
    }
  }
  return scores;
}

// For a typed word the index does not hold, Pagefind matches the longest indexed words it
// starts with ("kokemusasiantunija" -> "kokemus"). Only results where an indexed word starts
// with what was typed count; the best result tells which kind Pagefind found.
async function genuine(term, results) {
  if (!results.length) return results;
  const data = await results[0].data();
  const indexed = (data.content || "").split(/\s+/);
  const typed = results[0].words.some((position) => normal(indexed[position] || "").replace(/[^\p{L}\p{N}]/gu, "").startsWith(term));
  return typed ? results : [];
}

// Pages with one of these filter values among those a term finds. Always with a term: a
// search by filter alone would load the whole index.
async function filtered(pagefind, term, filter, values) {
  if (!values.length || !term) return new Map();
  const found = await pagefind.search(term, { filters: { [filter]: { any: values } } }).catch(() => null);
  return new Map((found ? found.results : []).map((result) => [result.id, result]));
}

// The term a name was matched by, as Pagefind is asked for it: a base form whole, a typed word
// as a prefix.
function nameTerm(word, nameWord, wordEnd) {
  const whole = word.alternatives.find((each) => WHOLE.has(each.kind) && each.kind !== "word" && each.term === nameWord);
  return whole ? whole.term + wordEnd : nameWord + wordEnd;
}

/*
 * Run a query. Returns { words, results: [{ result, tier, score }], corrected } where result
 * is Pagefind's (with data()), ordered best first, and corrected is the query with corrected
 * words, or null when no word needed correcting.
 */
export async function runQuery(query, { vocabulary, lookup, pagefind, settings }) {
  const { filters, wordEnd } = indexSettings(settings);
  const parsed = await readQuery(query, vocabulary, lookup);
  if (!parsed.length) return { words: [], results: [], corrected: null };
  const searches = new Map();
  const termResults = (term, typed) => {
    // A base form is searched whole (with the mark that ends it in the index); a typed word as
    // a prefix, of which only results that really begin with it count.
    const key = (typed ? "?" : "=") + term;
    if (!searches.has(key)) {
      const found = pagefind.search(typed ? term : term + wordEnd).then((answer) => (answer ? answer.results : []), () => []);
      searches.set(key, typed ? found.then((results) => genuine(term, results)) : found);
    }
    return searches.get(key);
  };
  const perWord = await Promise.all(parsed.map((word) => scoresOf(word, termResults)));

  // A word the table does not know and that no indexed word starts with is corrected to the
  // nearest name, if one is near enough.
  let corrected = false;
  const unmatched = await Promise.all(parsed.map(async (word) =>
    !word.known && (await termResults(word.text, true)).length === 0));
  const fixes = parsed.map((word, index) =>
    (unmatched[index] ? closestCorrection(word.text, vocabulary.corrections) : null));
  if (fixes.some(Boolean)) {
    const fixForms = await lookup(fixes.filter(Boolean));
    for (const [index, fix] of fixes.entries()) {
      if (!fix) continue;
      const word = parsed[index];
      word.correction = fix;
      for (const lemma of fixForms.get(fix) || [fix]) addAlternative(word, lemma, "correction");
      addSynonyms(word, vocabulary);
      perWord[index] = await scoresOf(word, termResults);
      corrected = true;
    }
  }

  // A word still without matches is tried as ever shorter prefixes, down to six tenths of
  // it ("tarinoitaan" -> "tarin", which begins "tarina").
  for (const [index, word] of parsed.entries()) {
    if (word.known || perWord[index].size) continue;
    const shortest = Math.max(4, Math.ceil(word.text.length * 0.6));
    for (let length = word.text.length - 1; length >= shortest && !perWord[index].size; length--) {
      const prefix = word.text.slice(0, length);
      if (word.alternatives.some((each) => each.term === prefix)) continue;
      addAlternative(word, prefix, "stem");
      perWord[index] = await scoresOf(word, termResults);
    }
  }

  // Score: each word's best match, added up, times the square of the share of the query
  // (weighted by rarity) the page matches.
  const rarity = perWord.map((scores) => Math.log(1 + vocabulary.pages / (1 + scores.size)));
  const total = rarity.reduce((sum, value) => sum + value, 0) || 1;
  const pages = new Map();
  perWord.forEach((scores, index) => {
    for (const [id, { score, result }] of scores) {
      const page = pages.get(id) || { result, sum: 0, share: 0, words: new Set() };
      page.sum += score;
      page.share += rarity[index] / total;
      page.words.add(index);
      pages.set(id, page);
    }
  });
  for (const page of pages.values()) page.score = page.sum * page.share * page.share;

  const exact = exactMethods(parsed, vocabulary);
  const places = exact.length ? [] : namedPlaces(parsed, vocabulary);
  const named = namedMethods(parsed, vocabulary).filter((method) => !exact.includes(method));
  // Each method's or place's pages, found by a word of its name (the index chunk is loaded
  // already) and the filter the build gave them.
  const merge = (maps) => new Map(maps.flatMap((map) => Array.from(map)));
  const [exactIds, placeIds, namedIds] = await Promise.all([
    Promise.all(exact.map((method) => {
      const name = method.names.find((each) => each.length === parsed.length &&
        each.every((nameWord, index) => names(parsed[index], nameWord, false)));
      return filtered(pagefind, nameTerm(parsed[0], name[0], wordEnd), filters.method, [method.url]);
    })).then(merge),
    Promise.all(places.map((place) => {
      const first = place.positions[0];
      const placeWord = vocabulary.places.find((each) => each.name === place.names[0]).words[0];
      return filtered(pagefind, nameTerm(parsed[first], placeWord, wordEnd), filters.place, place.names);
    })).then(merge),
    named.length ? namedTerms(parsed[0], wordEnd).then((terms) => Promise.all(terms.map((term) =>
      filtered(pagefind, term, filters.method, named.map((method) => method.url))))).then(merge) : new Map(),
  ]);
  const placeWords = new Set(places.flatMap((place) => place.positions));
  const rest = parsed.map((_, index) => index).filter((index) => !placeWords.has(index));

  const tierOf = (id, page) => {
    if (exactIds.has(id)) return 0;
    if (placeIds.has(id) && rest.every((index) => page.words.has(index))) return 1;
    if (namedIds.has(id)) return 2;
    return 3;
  };
  for (const [id, result] of [...exactIds, ...placeIds, ...namedIds]) {
    if (!pages.has(id) && (exactIds.has(id) || namedIds.has(id) || rest.length === 0)) {
      pages.set(id, { result, sum: 0, share: 0, words: new Set(), score: 0 });
    }
  }
  const results = Array.from(pages, ([id, page]) => ({ result: page.result, tier: tierOf(id, page), score: page.score }))
    .sort((a, b) => a.tier - b.tier || b.score - a.score);
  const correctedQuery = corrected ? parsed.map((word) => word.correction || word.text).join(" ") : null;
  return { words: parsed, results, corrected: correctedQuery };
}

// The terms a shown word is marked for: exact base forms, and prefixes of unknown words.
export function highlightTerms(parsed) {
  const exact = new Set();
  const prefixes = [];
  for (const word of parsed) {
    for (const alternative of word.alternatives) {
      if (alternative.kind === "word" || alternative.kind === "stem") prefixes.push(alternative.term);
      else exact.add(alternative.term);
    }
  }
  return { exact, prefixes };
}

/*
 * A shown text in pieces [{ text, mark }]: a word is marked when one of its base forms or
 * compound parts (keys: the build's "hl" entries for these words, "=" for the word itself)
 * is a query term, or starts with the typed form of a word the table did not know.
 */
export function highlight(text, keys, terms) {
  const pieces = [];
  const pattern = /[\p{L}\p{N}]+/gu;
  let end = 0;
  let index = 0;
  let match;
  while ((match = pattern.exec(text)) !== null) {
    const key = keys[index++];
    const forms = !key || key === "=" ? [normal(match[0])] : key.split("|");
    const marked = forms.some((form) => terms.exact.has(form) ||
      terms.prefixes.some((prefix) => prefix.length >= 3 && form.startsWith(prefix)));
    if (!marked) continue;
    if (match.index > end) pieces.push({ text: text.slice(end, match.index), mark: false });
    pieces.push({ text: match[0], mark: true });
    end = match.index + match[0].length;
  }
  if (end < text.length) pieces.push({ text: text.slice(end), mark: false });
  return pieces;
}

// The build's highlight keys split for the title and the shown summary.
export function highlightKeys(meta) {
  const keys = (meta.hl || "").split(" ");
  const titleWords = words(meta.title || "").length;
  return { title: keys.slice(0, titleWords), summary: keys.slice(titleWords) };
}
