/**
 * The walk up the page from a node across shadow boundaries: an element composed inside
 * another's shadow root (<nw-stances> inside <nw-analysis>) belongs to that element, so
 * language, data and "which copy is nearest" all look past the shadow root to its host.
 *
 * It follows parents, not slots: a slotted child's ancestors are its light-DOM parents,
 * which is where a page puts `lang`, `data-nw-for` and the wrapper a marker belongs to.
 */

/** A node's parent in that walk: a shadow root's is its host. */
function composedParent(node: Node): Node | null {
  return node instanceof ShadowRoot ? node.host : node.parentNode;
}

/**
 * The ancestors of `node`, nearest first, shadow roots and their hosts included, up to the
 * document; `inclusive` starts with `node` itself. Lazy: a caller that stops early walks no
 * further.
 */
export function* composedAncestors(node: Node | null, inclusive = false): Generator<Node, void, undefined> {
  for (let at = node && (inclusive ? node : composedParent(node)); at; at = composedParent(at)) yield at;
}
