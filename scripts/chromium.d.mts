/** Path of a Chromium that accepts --load-extension, or undefined; never installs. */
export function locateChromium(): string | undefined;
/** Path of a Chromium; installs one when missing (apt-get as root on Debian/Ubuntu, else Playwright). Throws if none. */
export function findChromium(opts?: { install?: boolean }): string;
export function chromiumVersion(path: string): string;
