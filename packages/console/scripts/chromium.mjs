// Debian's Chromium (CI installs it with fonts-noto-cjk), never a downloaded browser.
/** Where the browser is; XINYU_CHROMIUM overrides it. */
export const CHROMIUM = process.env.XINYU_CHROMIUM ?? '/usr/bin/chromium';
/** The machine's network is closed: no background requests, updates, sync or QUIC. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
