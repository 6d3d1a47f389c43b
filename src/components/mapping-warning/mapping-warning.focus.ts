/**
 * Where focus goes when the prompt closes. It opens on entering the board, usually with nothing
 * focused, so the browser's own return (to the element focused before `showModal()`) lands on the
 * page body; the prompt then sends focus to the first control after it on the page: the board it
 * sits in front of.
 */

const FOCUSABLE = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';

/** The focused element, looked for through open shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Whether focus is nowhere useful: on the body, on nothing, or inside `within`. */
export function focusLost(within: Node): boolean {
  const active = deepActiveElement();
  if (!active || active === document.body || active === document.documentElement) return true;
  for (let node: Node | null = active; node; node = node instanceof ShadowRoot ? node.host : node.parentNode) {
    if (node === within) return true;
  }
  return false;
}

function focusable(el: Element): el is HTMLElement {
  return (
    el instanceof HTMLElement &&
    el.matches(FOCUSABLE) &&
    el.tabIndex >= 0 &&
    !(el as HTMLButtonElement).disabled &&
    !el.closest('[inert]') &&
    el.checkVisibility({ visibilityProperty: true })
  );
}

/** The first element of `el`'s flattened subtree (its shadow root, slotted children) that takes focus. */
function firstFocusable(el: Element): HTMLElement | null {
  if (focusable(el)) return el;
  if (el instanceof HTMLSlotElement) {
    const assigned = el.assignedElements({ flatten: true });
    if (assigned.length) {
      for (const a of assigned) {
        const found = firstFocusable(a);
        if (found) return found;
      }
      return null;
    }
  }
  for (const child of (el.shadowRoot ?? el).children) {
    const found = firstFocusable(child);
    if (found) return found;
  }
  return null;
}

/**
 * The first element after `from` on the page that takes focus, through shadow roots (the controls
 * inside a widget such as the board), or null.
 */
export function nextFocusable(from: Element): HTMLElement | null {
  let node: Element | null = from;
  while (node) {
    for (let sibling = node.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
      const found = firstFocusable(sibling);
      if (found) return found;
    }
    const root = node.getRootNode();
    node = node.parentElement ?? (root instanceof ShadowRoot ? root.host : null);
  }
  return null;
}
