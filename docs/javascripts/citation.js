/*
 * "Viittaa tähän sivuun": writes today's date into the citation, so that the copied
 * reference says when the reader viewed the page (APA 7's "Viitattu"). Relies on full page
 * loads, as the other page scripts do (navigation.instant stays off).
 */
import { loadContract } from "./lib/contract.js";
import { withAccessDate } from "./lib/citation-logic.js";

const contract = await loadContract();
if (contract) {
  const today = new Date();
  document.querySelectorAll(".record-cite code").forEach((code) => {
    code.textContent = withAccessDate(code.textContent, contract.citation, today);
  });
}
