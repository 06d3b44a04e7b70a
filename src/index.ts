/**
 * `newsroom-widgets`: classes and types, with no side effects (nothing is registered).
 * Import `newsroom-widgets/define` or a single element's entry to register elements.
 */
export * from './schema/index.js';
