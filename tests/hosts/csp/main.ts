/**
 * A host under a strict Content-Security-Policy with Trusted Types required (the policy is a
 * response header, set by `scripts/check-hosts.mjs`): every widget, inside one
 * `<fc-data-provider>` that holds the page's memory adapter, renders its data with no violation.
 */
// Each widget module itself: a bare import of `src/cdn.ts` is dropped (package.json lists the side-effect modules).
import '../../../src/components/customer-list/fc-customer-list.js';
import '../../../src/components/data-provider/fc-data-provider.js';
import '../../../src/components/deleted-customers/fc-deleted-customers.js';
import '../../../src/components/lead-clock/fc-lead-clock.js';
import '../../../src/components/lead-queue/fc-lead-queue.js';
import '../../../src/components/lead-response-report/fc-lead-response-report.js';
import '../../../src/components/mapping-warning/fc-mapping-warning.js';
import '../../../src/components/needed-vehicles/fc-needed-vehicles.js';
import '../../../src/components/sms-history/fc-sms-history.js';
import '../../../src/components/sms-import/fc-sms-import.js';
import '../../../src/components/sms-summary/fc-sms-summary.js';
import '../../../src/components/source-mapping-editor/fc-source-mapping-editor.js';
import '../../../src/components/source-report/fc-source-report.js';
import '../../../src/components/store-traffic/fc-store-traffic.js';
import '../../../src/components/trade-in-alert/fc-trade-in-alert.js';
import { createHostFixture, createWidget, WIDGET_TAGS } from '../shared/fixture.js';

const fixture = createHostFixture();
const provider = document.createElement('fc-data-provider');
provider.adapter = fixture.adapter;
for (const tag of WIDGET_TAGS) {
  const section = document.createElement('section');
  const heading = document.createElement('h2');
  heading.textContent = `<${tag}>`;
  section.append(heading, createWidget(tag, fixture, { adapter: false }));
  provider.append(section);
}
document.querySelector('#app')!.append(provider);
