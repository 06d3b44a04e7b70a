import { isServer } from 'lit';

/**
 * True where the elements render to HTML rather than to a live page: Lit's `isServer` (its
 * Node build), or a realm that declares itself a server render by setting
 * `globalThis.nwServerRender` before loading the elements. The embed builder's site.zip worker
 * does: it runs Lit's browser build (no Node there), with Lit SSR's DOM shim.
 */
export const IS_SERVER: boolean = isServer || (globalThis as { nwServerRender?: unknown }).nwServerRender === true;
