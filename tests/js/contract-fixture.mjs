// The contract as the build writes it (javascripts/site-contract.json), shared by the tests.
export const CONTRACT_TEXT = JSON.stringify({
  kinds: {
    method: { label: "Menetelmä", plural: "Menetelmät", one: "menetelmä", many: "menetelmää" },
    case: { label: "Esimerkki", plural: "Esimerkit", one: "esimerkki", many: "esimerkkiä" },
  },
  kindParam: "tyyppi",
});

export function contract(changes = {}) {
  return Object.assign(JSON.parse(CONTRACT_TEXT), changes);
}
