/*
 * Words of a query, as the build wrote them (scripts/site/lemmas.py and search_index.py): the
 * same word pattern, the same normal form, the same bucket of the word-form table. The
 * Python tests check both sides against one list of examples.
 */

const WORD = /[\p{L}\p{N}]+/gu;
const KEPT = "åäöÅÄÖ";

// The words of a text as written, in order.
export function words(text) {
  return String(text).match(WORD) || [];
}

// Lower case, accents dropped except from å, ä and ö: "Café" -> "cafe", "Ääni" -> "ääni".
export function normal(word) {
  let out = "";
  for (const char of word) {
    out += KEPT.includes(char) ? char : char.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  return out.toLowerCase();
}

// FNV-1a over the UTF-16 code units, modulo the number of buckets (search_index.bucket).
export function bucketOf(form, buckets) {
  let value = 0x811c9dc5;
  for (let index = 0; index < form.length; index++) {
    value = Math.imul(value ^ form.charCodeAt(index), 0x01000193) >>> 0;
  }
  return value % buckets;
}

// Edits between two words, a swap of neighbours counting as one (optimal string alignment).
// Stops early and returns limit + 1 once the words are further apart than limit.
export function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

// How many wrong letters a word of this length may have and still be corrected.
export function typoLimit(word) {
  return word.length >= 8 ? 2 : word.length >= 5 ? 1 : 0;
}

// Case and possessive endings, longest first. A word the build did not see is also tried
// without them, as a prefix: "rovaniemeltä" -> "rovaniem".
const ENDINGS = ["iltäkin", "issäkin", "ineen", "iden", "itten", "ihin", "issa", "issä", "ista", "istä", "illa",
  "illä", "ilta", "iltä", "ille", "ina", "inä", "iksi", "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä",
  "lle", "ksi", "seen", "ien", "ja", "jä", "na", "nä", "ta", "tä", "en", "in", "n", "t", "a", "ä"];
const VOWELS = "aeiouyäö";

// The stem of an unknown word, and the same with a doubled consonant made single (the
// strong grade of "aloitteet" -> "aloite"): prefixes to try.
export function stemsOf(word) {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) {
      let stem = word.slice(0, -ending.length);
      if (VOWELS.includes(stem[stem.length - 1]) && stem.length > 4) stem = stem.slice(0, -1);
      const single = stem.replace(/(kk|pp|tt)([^kpt]*)$/, (whole, pair, rest) => pair[0] + rest);
      return [stem, single].filter((each, index, all) => each !== word && all.indexOf(each) === index);
    }
  }
  return [];
}
