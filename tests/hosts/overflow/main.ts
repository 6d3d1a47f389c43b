/**
 * A host that puts each widget in a small card with `overflow: hidden` and a `transform`
 * (`overflow.css`): the widgets' dialogs and popovers must still show in full, above the card.
 * `?widget=<tag>` renders that widget's card alone.
 */
import '../../../src/components/customer-list/fc-customer-list.js';
import '../../../src/components/deleted-customers/fc-deleted-customers.js';
import '../../../src/components/mapping-warning/fc-mapping-warning.js';
import '../../../src/components/sms-history/fc-sms-history.js';
import '../../../src/components/source-mapping-editor/fc-source-mapping-editor.js';
import { createHostFixture, createWidget } from '../shared/fixture.js';
import type { WidgetTag } from '../shared/fixture.js';

/** The widgets that open a dialog or a popover. */
const WITH_POPUPS: WidgetTag[] = ['fc-customer-list', 'fc-sms-history', 'fc-deleted-customers', 'fc-mapping-warning', 'fc-source-mapping-editor'];

const fixture = createHostFixture();
const only = new URLSearchParams(location.search).get('widget');
const tags = WITH_POPUPS.filter((tag) => !only || tag === only);
for (const tag of tags) {
  const card = document.createElement('section');
  card.className = 'clip';
  card.dataset['widget'] = tag;
  const heading = document.createElement('h2');
  heading.textContent = `<${tag}> in a clipping, transformed card`;
  card.append(heading, createWidget(tag, fixture));
  document.querySelector('#app')!.append(card);
}
