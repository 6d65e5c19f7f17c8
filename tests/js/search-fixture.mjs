// The search part of the page contract (scripts/site/search_index.search_contract) and a small
// word table and Pagefind stand-in for the query engine's tests.
export const SEARCH = {
  bundle: "pagefind/",
  folder: "haku/",
  vocabulary: "sanasto.json",
  filters: { place: "paikka", method: "menetelma" },
  wordEnd: "_",
  page: 5,
  texts: {
    prompt: "Kirjoita hakusana.",
    none: "Ei osumia haulla ”{query}”.",
    one: "1 osuma haulla ”{query}”.",
    many: "{count} osumaa haulla ”{query}”.",
    shown: "Näytetään {shown} parasta.",
    corrected: "Tarkoititko ”{corrected}”?",
    unavailable: "Haku ei ole käytettävissä.",
    levels: "Tasot",
  },
};
