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

/**
 * The page as a puskesmas PC shows it: 1366×768, Indonesian, the clock in WIB. The renderer reads
 * today from the PC's time zone, the tests from WIB; without the zone they disagree for seven
 * hours a day (17:00–24:00 UTC), e.g. "31 hr lagi" on screen where the test expects 30.
 */
export const PUSKESMAS_PC = {
  viewport: { width: 1366, height: 768 },
  locale: 'id-ID',
  timezoneId: 'Asia/Jakarta',
} as const;
