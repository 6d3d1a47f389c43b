/**
 * A React 19 host: three widgets rendered by React, the adapter passed as a property, and the
 * customer list's `fc-source-change` handled by a React listener that puts the event's detail in
 * React state. React 19 sets a custom element's known properties as properties (objects too) and
 * adds an `on<event-name>` prop as a listener of that event.
 */
import { createElement as h, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import '../../../src/components/customer-list/fc-customer-list.js';
import '../../../src/components/needed-vehicles/fc-needed-vehicles.js';
import '../../../src/components/trade-in-alert/fc-trade-in-alert.js';
import type { SourceChangeDetail } from '../../../src/components/customer-list/customer-list.events.js';
import { createHostFixture } from '../shared/fixture.js';
import type { WidgetTag } from '../shared/fixture.js';

const fixture = createHostFixture();

/** A widget's React props: its attributes and properties, the adapter, and any listeners. */
function widgetProps(tag: WidgetTag, listeners: Record<string, (event: CustomEvent) => void> = {}): Record<string, unknown> {
  const { attributes, properties } = fixture.setups[tag];
  return { ...attributes, ...properties, adapter: fixture.adapter, ...listeners };
}

/** What the host shows of the last source saved in the customer list. */
function savedText(saved: SourceChangeDetail | null): string {
  if (!saved) return 'No source saved yet.';
  const customer = fixture.dataset.customers.find((c) => c.id === saved.customerId);
  const name = customer ? `${customer.firstName} ${customer.lastName}` : '?';
  return `fc-source-change: ${name} (${saved.customerId}) → ${saved.sourceId}`;
}

function App() {
  const [saved, setSaved] = useState<SourceChangeDetail | null>(null);
  const onSourceChange = (event: CustomEvent) => setSaved(event.detail as SourceChangeDetail);
  return h(
    'main',
    null,
    h('h1', null, 'Forecourt in a React 19 page'),
    h('p', { id: 'last-event', role: 'status' }, savedText(saved)),
    h('section', null, h('h2', null, "Today's vehicles"), h('fc-customer-list', widgetProps('fc-customer-list', { 'onfc-source-change': onSourceChange }))),
    h('section', null, h('h2', null, 'Needed vehicles'), h('fc-needed-vehicles', widgetProps('fc-needed-vehicles'))),
    h('section', null, h('h2', null, 'Trade-in alert'), h('fc-trade-in-alert', widgetProps('fc-trade-in-alert'))),
  );
}

createRoot(document.querySelector('#root')!).render(h(StrictMode, null, h(App, {})));
