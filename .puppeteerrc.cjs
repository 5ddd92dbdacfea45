// The browser is found on the machine (see src/pdf/find-browser.ts); never download one.
module.exports = { skipDownload: true };
