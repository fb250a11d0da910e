/** Never download a browser at install: the machine's Chromium (or @sparticuz/chromium) is used. See src/pdf/browser.ts. */
module.exports = { skipDownload: true };
