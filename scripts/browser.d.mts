/** Types for scripts/browser.mjs (plain JS so the test-runner config can import it without a build). */
export function findBrowser(): string | undefined;
export function installChromium(log?: (message: string) => void): string | undefined;
export const CHROMIUM_ARGS: string[];
export const HOW_TO_INSTALL: string;
