// The contract as the build writes it (javascripts/site-contract.json), shared by the tests.
export const CONTRACT_TEXT = JSON.stringify({
  kinds: {
    method: { label: "Menetelmä", plural: "Menetelmät", one: "menetelmä", many: "menetelmää" },
    case: { label: "Esimerkki", plural: "Esimerkit", one: "esimerkki", many: "esimerkkiä" },
  },
  kindParam: "tyyppi",
  facets: [
    { param: "taso", field: "levels" },
    { param: "kohderyhma", field: "target_groups" },
    { param: "palvelualue", field: "service_areas" },
    { param: "maakunta", field: "regions" },
    { param: "menetelma", field: "methods" },
    { param: "ymparisto", field: "setting" },
    { param: "kesto", field: "duration" },
    { param: "resurssit", field: "resources.level" },
  ],
  guide: { level: "taso", group: "kohderyhma", resources: "resurssit" },
  resourceOrder: ["kevyt", "kohtalainen", "vaativa"],
  nameWeight: 10,
  caseCountAttribute: "data-esimerkit",
});

export function contract(changes = {}) {
  return Object.assign(JSON.parse(CONTRACT_TEXT), changes);
}
