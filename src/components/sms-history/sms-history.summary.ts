import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { ForecourtAdapter } from '../../data/adapter.js';
import type { SmsErrorCategory, SmsFilter } from '../../data/model.js';
import { errorView, loadingView } from '../shared/states.js';

let defineSummary: (() => Promise<unknown>) | null = null;
let summaryModule: Promise<unknown> | null = null;

/**
 * How `<fc-sms-summary>` gets defined: `fc-sms-history.ts` hands in an `import()` of the summary's
 * element (only a define module may import another widget), so its charts and the zone library it
 * counts days with stay out of the grid's first load.
 */
export function setSummaryLoader(load: () => Promise<unknown>): void {
  defineSummary = load;
}

/** The summary's chunk, loaded once for every instance; a failed load is tried again on Retry. */
function loadSummary(): Promise<unknown> {
  summaryModule ??= (defineSummary ?? (() => Promise.resolve()))().catch((error: unknown) => {
    summaryModule = null;
    throw error;
  });
  return summaryModule;
}

/** What the history hands the summary (see its template). */
export interface SummaryProps {
  theme: string | typeof nothing;
  locale: string | undefined;
  adapter: ForecourtAdapter | undefined;
  filter: SmsFilter;
  readyWhen: () => Promise<void>;
  zone: string;
  onCategorySelect: (event: CustomEvent<{ category: SmsErrorCategory }>) => void;
}

/**
 * The summary above the grid, defined on first render from a chunk loaded after the widget's
 * own. Until then the tag holds a skeleton (the summary's shadow root hides it once defined; the
 * properties set meanwhile carry over on upgrade); a failed load shows its error and Retry.
 * @internal
 */
export class SmsSummaryLoader {
  readonly #host: ReactiveControllerHost;
  #state: 'idle' | 'loading' | 'ready' | { error: unknown } = 'idle';

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  #load(): void {
    this.#state = 'loading';
    loadSummary().then(
      () => (this.#state = 'ready'),
      (error: unknown) => (this.#state = { error }),
    ).finally(() => this.#host.requestUpdate());
  }

  render(props: SummaryProps): TemplateResult {
    if (this.#state === 'idle') {
      // Defined by the host already, or by nobody (the element module imported on its own).
      if (customElements.get('fc-sms-summary') || !defineSummary) this.#state = 'ready';
      else this.#load();
    }
    const state = this.#state;
    if (typeof state === 'object') return html`<div part="summary">${errorView(state.error, () => this.#load())}</div>`;
    return html`<fc-sms-summary
      part="summary"
      exportparts="state: summary-state"
      theme=${props.theme}
      .locale=${props.locale}
      .adapter=${props.adapter}
      .filter=${props.filter}
      .readyWhen=${props.readyWhen}
      time-zone=${props.zone}
      @fc-sms-category-select=${props.onCategorySelect}
      >${state === 'ready' ? nothing : loadingView(3)}</fc-sms-summary
    >`;
  }
}
