/**
 * A Vue 3 host: three widgets rendered with `h()` (no template compiler, no SFC), the adapter
 * passed as a DOM property (`.adapter`), and the deleted-customers report's
 * `fc-deleted-range-change` handled by a Vue listener (`onFcDeletedRangeChange`) that puts the
 * event's detail in a ref. Vue creates `fc-*` tags as plain elements and sets the props they
 * declare as properties, the rest as attributes.
 */
import { createApp, defineComponent, h, ref } from 'vue';
import '../../../src/components/deleted-customers/fc-deleted-customers.js';
import '../../../src/components/lead-clock/fc-lead-clock.js';
import '../../../src/components/source-mapping-editor/fc-source-mapping-editor.js';
import type { DeletedRangeChangeDetail } from '../../../src/components/deleted-customers/deleted-customers.events.js';
import { createHostFixture } from '../shared/fixture.js';
import type { WidgetTag } from '../shared/fixture.js';

const fixture = createHostFixture();

/** A widget's Vue props: its attributes and properties, the adapter as a property, and any listeners. */
function widgetProps(tag: WidgetTag, listeners: Record<string, (event: CustomEvent) => void> = {}): Record<string, unknown> {
  const { attributes, properties } = fixture.setups[tag];
  return { ...attributes, ...properties, '.adapter': fixture.adapter, ...listeners };
}

const App = defineComponent({
  name: 'ForecourtHost',
  setup() {
    const compiled = ref<DeletedRangeChangeDetail | null>(null);
    const onRangeChange = (event: CustomEvent) => {
      compiled.value = event.detail as DeletedRangeChangeDetail;
    };
    return () =>
      h('main', [
        h('h1', 'Forecourt in a Vue 3 page'),
        h('p', { id: 'last-event', role: 'status' }, compiled.value ? `fc-deleted-range-change: ${compiled.value.from} to ${compiled.value.to}` : 'No range compiled yet.'),
        h('section', [h('h2', 'Deleted customers'), h('fc-deleted-customers', widgetProps('fc-deleted-customers', { onFcDeletedRangeChange: onRangeChange }))]),
        h('section', [h('h2', 'Customer source mapping'), h('fc-source-mapping-editor', widgetProps('fc-source-mapping-editor'))]),
        h('section', [h('h2', 'Newest internet lead'), h('fc-lead-clock', widgetProps('fc-lead-clock'))]),
      ]);
  },
});

createApp(App).mount('#app');
