// Runs before Decap CMS: muokkaa.js registers the Finnish strings and the record format first,
// then starts the editor itself.
window.CMS_MANUAL_INIT = true;
