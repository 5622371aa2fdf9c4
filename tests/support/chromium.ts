/** Debian's Chromium (package `chromium`); Playwright never downloads a browser here. */
export const CHROMIUM_PATH = process.env.SIKLUS_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
