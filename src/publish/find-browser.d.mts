/** Types for find-browser.mjs (plain JS, shared with the test tooling). */
export function findBrowser(env?: Record<string, string | undefined>): string | undefined;
export const CHROMIUM_ARGS: readonly string[];
export function executable(path: string): boolean;
