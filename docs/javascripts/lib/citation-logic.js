/*
 * The reader's access date in a citation. The build writes the reference with a marker
 * ("Viitattu [lukupäivä]", from the page contract) where APA 7 wants the day the reader
 * viewed the page; only the browser knows that day.
 */

// 5.12.2026: day and month without leading zeros, as Finnish writes dates.
export function finnishDate(date) {
  return date.getDate() + "." + (date.getMonth() + 1) + "." + date.getFullYear();
}

// The citation with the marker replaced by "<label> <date>"; unchanged if it has no marker.
export function withAccessDate(text, citation, date) {
  if (!citation || typeof citation.accessedMarker !== "string" || typeof citation.accessedLabel !== "string") {
    return text;
  }
  return text.split(citation.accessedMarker).join(citation.accessedLabel + " " + finnishDate(date));
}
