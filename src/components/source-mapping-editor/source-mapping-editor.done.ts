import type { CompletionPlan } from '../../data/logic/source-mapping.js';
import type { FcElement } from '../shared/fc-element.js';
import { formatCount } from '../shared/messages.js';
import { FC_MAPPING_COMPLETE } from './source-mapping-editor.events.js';
import type { FocusAfterRender } from './source-mapping-editor.focus.js';
import type { ConfirmActions } from './source-mapping-editor.own.js';
import { t } from './source-mapping-editor.messages.js';
import type { sourceWrites } from './source-mapping-editor.writes.js';

/** "Customer source mapping done" as the editor drives it (see {@link mappingDone}); also what its confirmation's buttons do. */
export interface MappingDone extends ConfirmActions {
  /** What the confirmation counts. */
  plan: CompletionPlan;
  /** Opens the confirmation of `plan`. */
  open(plan: CompletionPlan): Promise<void>;
  /** Waits for the write that maps the rest, and says what the server mapped. */
  send(sent: Promise<{ mapped: number } | undefined>, accepted?: number): Promise<void>;
}

/**
 * "Customer source mapping done": the confirmation (what it will map, and the suggestions it can
 * accept first; the `<dialog>` in the host's render root), then the write that maps the rest to Other New Customers, what it says while it
 * is sent and once the server has mapped them, and where focus goes.
 * @param acceptAll Accepts the suggestions of these sources; resolves with how many the server confirmed.
 * @param otherNew The name of the category the rest is mapped to.
 * @param say Puts a text in the editor's status line.
 */
export function mappingDone(
  host: FcElement,
  focus: FocusAfterRender,
  writes: ReturnType<typeof sourceWrites>['completion'],
  acceptAll: (ids: readonly string[]) => Promise<number>,
  otherNew: () => string,
  say: (text: string) => void,
): MappingDone {
  /** The confirmation closed because the user chose to finish (focus then goes to what happens next). */
  let finishing = false;
  /** The confirmation. */
  const dialog = () => host.renderRoot.querySelector('dialog');
  const done: MappingDone = {
    plan: { unmapped: [], suggested: [], rest: [] },
    async open(plan) {
      done.plan = plan;
      finishing = false;
      host.requestUpdate();
      // The dialog shows the new counts, and its `autofocus` the right default, before it opens.
      await host.updateComplete;
      const box = dialog();
      if (!box || box.open || !host.isConnected) return;
      box.showModal();
    },
    cancel() {
      const box = dialog();
      if (box?.open) box.close();
    },
    closed() {
      // Cancelled: back to the button that opened it. Confirmed: that button is disabled while the
      // mapping is sent, so focus goes to the status line that says what happens.
      if (finishing) focus.then(() => focus.find('.notice'));
      else focus.then(() => focus.find('button[data-action="done"]'));
      finishing = false;
      host.requestUpdate();
    },
    async confirm() {
      finishing = true;
      done.cancel();
      await done.send(writes.save(undefined));
    },
    // Accepts the suggestions first, and once the server has them all, sends the rest to Other New
    // Customers. When one is refused, nothing is sent: "done" would map that source to Other New
    // Customers too.
    async acceptFirst() {
      const plan = done.plan;
      finishing = true;
      done.cancel();
      say(host.inLocale(() => t('completing')));
      const accepted = await acceptAll(plan.suggested);
      if (accepted < plan.suggested.length) {
        say(host.inLocale(() => t('acceptFailed', otherNew())));
        return;
      }
      if (plan.rest.length === 0) return;
      await done.send(writes.save(undefined), accepted);
    },
    // Says how many sources the server mapped (not how many this page counted).
    async send(sent, accepted = 0) {
      say(host.inLocale(() => t('completing')));
      const result = await sent;
      if (!result) {
        say('');
        return;
      }
      const mapped = Number(result.mapped) || 0;
      say(host.inLocale(() => `${accepted ? `${t('acceptedAll', formatCount(accepted))} ` : ''}${t('completed', formatCount(mapped), otherNew())}`));
      host.emit(FC_MAPPING_COMPLETE, { mapped });
    },
  };
  return done;
}
