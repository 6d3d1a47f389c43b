/**
 * When the board's blink may run. The blink itself is a CSS animation; this controller only
 * decides whether it runs or holds, and says so with the host's custom state `blink-held`
 * (`:host(:state(blink-held))` pauses the animation). No work happens per frame: the decision is
 * taken again on the few events that can change it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the blink is allowed to do right now. */
export type BlinkDecision = 'run' | 'hold' | 'off';

export interface BlinkConditions {
  /** The user pressed "Pause blinking". */
  paused: boolean;
  /** The user's stored choice has been read (until then the blink waits, so a paused user never sees it start). */
  choiceKnown: boolean;
  /** The page is in a hidden tab or minimised window. */
  pageHidden: boolean;
  /** Some part of the board is in the viewport. */
  inView: boolean;
  /** A modal dialog that does not hold the board is open on the page. */
  covered: boolean;
}

/**
 * Whether the blink runs: `off` when the user paused it (no animation at all), `hold` while nobody
 * can see it (a hidden tab, the board scrolled out of view or under a modal dialog) or the user's
 * choice is still being read, else `run`. `prefers-reduced-motion` is not a condition here: the
 * stylesheet drops the animation under it, whatever this says.
 * @param c What is known of the page and the user's choice.
 * @returns The decision.
 * @example
 * blinkDecision({ paused: false, choiceKnown: true, pageHidden: false, inView: true, covered: true }); // 'hold'
 */
export function blinkDecision(c: BlinkConditions): BlinkDecision {
  if (c.paused) return 'off';
  if (!c.choiceKnown || c.pageHidden || !c.inView || c.covered) return 'hold';
  return 'run';
}

/** `node`'s parent, crossing from a shadow root to its host. */
function composedParent(node: Node): Node | null {
  return node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
}

/** Whether `inner` is `outer` or inside it, through shadow roots. */
function holds(outer: Node, inner: Node): boolean {
  for (let node: Node | null = inner; node; node = composedParent(node)) if (node === outer) return true;
  return false;
}

/**
 * The modal dialogs open in `root` and in every open shadow root inside it (a widget's own
 * dialog, such as `<fc-mapping-warning>`'s, lives in its shadow root).
 * @param root The document, or a shadow root.
 * @returns The open modal dialogs.
 */
export function openModalDialogs(root: Document | ShadowRoot): HTMLDialogElement[] {
  const found = [...root.querySelectorAll<HTMLDialogElement>('dialog:modal')];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...openModalDialogs(el.shadowRoot));
  return found;
}

export interface BlinkGateOptions {
  /** The user's "Pause blinking" choice, and whether it has been read yet. */
  choice: () => { paused: boolean; known: boolean };
}

/**
 * Watches what hides the board (a hidden tab, scrolling, a modal dialog) and sets the host's
 * `blink-held` state from `blinkDecision`.
 *
 * A modal dialog is found when the board connects, when the page or the board becomes visible
 * again, and when focus moves into one: `showModal()` moves focus into the dialog, and focus
 * events cross shadow roots (their path names the dialog). It counts as gone when it fires `close` or, while any is open, when
 * focus moves again and no modal is left (a dialog taken out of the page fires no `close`).
 */
export class BlinkGate implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: BlinkGateOptions;
  readonly #internals: ElementInternals | null;
  #observer: IntersectionObserver | null = null;
  #inView = false;
  #covering: HTMLDialogElement[] = [];
  #decision: BlinkDecision = 'hold';

  constructor(host: ReactiveControllerHost & HTMLElement, internals: ElementInternals | null, options: BlinkGateOptions) {
    this.#host = host;
    this.#internals = internals;
    this.#options = options;
    host.addController(this);
  }

  /** The current decision. */
  get decision(): BlinkDecision {
    return this.#decision;
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
    document.addEventListener('focusin', this.#onFocus, true);
    document.addEventListener('focusout', this.#onFocus, true);
    if (typeof IntersectionObserver === 'function') {
      this.#inView = false;
      this.#observer = new IntersectionObserver((entries) => {
        const last = entries[entries.length - 1];
        if (!last) return;
        const was = this.#inView;
        this.#inView = last.isIntersecting;
        if (this.#inView && !was) this.#findModals();
        this.decide();
      });
      this.#observer.observe(this.#host);
    } else {
      this.#inView = true;
    }
    this.#findModals();
    this.decide();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    document.removeEventListener('focusin', this.#onFocus, true);
    document.removeEventListener('focusout', this.#onFocus, true);
    this.#observer?.disconnect();
    this.#observer = null;
    this.#watch([]);
  }

  /** Takes the decision again (the host calls it when the user's choice changes). */
  decide(): void {
    const { paused, known } = this.#options.choice();
    this.#decision = blinkDecision({
      paused,
      choiceKnown: known,
      pageHidden: document.visibilityState === 'hidden',
      inView: this.#inView,
      covered: this.#covering.length > 0,
    });
    const states = this.#internals?.states;
    if (!states) return;
    if (this.#decision === 'hold') states.add('blink-held');
    else states.delete('blink-held');
  }

  /**
   * The board's own modal dialog (the source picker) is about to open over it: the blink holds
   * now, so the style pass that opening the dialog costs also pauses the blink.
   */
  opening(dialog: HTMLDialogElement): void {
    if (this.#covering.includes(dialog) || holds(dialog, this.#host)) return;
    this.#watch([...this.#covering, dialog]);
    this.decide();
  }

  #onVisibility = (): void => {
    if (document.visibilityState !== 'hidden') this.#findModals();
    this.decide();
  };

  #onFocus = (event: Event): void => {
    const modal =
      event.type === 'focusin'
        ? event.composedPath().find((n): n is HTMLDialogElement => n instanceof HTMLDialogElement && n.matches(':modal'))
        : undefined;
    if (!modal && !this.#covering.length) return;
    if (modal) {
      // Focus moved into a modal: it names the dialog, so the page (a board's thousands of nodes) is not searched.
      if (this.#covering.includes(modal)) return;
      const open = this.#covering.filter((d) => d.isConnected && d.matches(':modal'));
      this.#watch(holds(modal, this.#host) ? open : [...open, modal]);
    } else {
      this.#findModals();
    }
    this.decide();
  };

  #onClose = (): void => {
    this.#findModals();
    this.decide();
  };

  /** The open modal dialogs that do not hold the board itself (a board inside a dialog is not covered by it). */
  #findModals(): void {
    this.#watch(openModalDialogs(document).filter((d) => !holds(d, this.#host)));
  }

  #watch(dialogs: HTMLDialogElement[]): void {
    for (const d of this.#covering) if (!dialogs.includes(d)) d.removeEventListener('close', this.#onClose);
    for (const d of dialogs) if (!this.#covering.includes(d)) d.addEventListener('close', this.#onClose);
    this.#covering = dialogs;
  }
}
