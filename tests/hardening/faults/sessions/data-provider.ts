/**
 * `<fc-data-provider api-base tenant user>` under chaos, embedded with markup alone: it builds
 * the cached REST adapter (its own timeouts and backoff) for the board inside it, on which the
 * advisor works as in the customer-list session. A reload takes the provider away and puts a
 * new one on the page: the new provider's adapter finds the writes the old one left unsent and
 * sends them.
 */
import '../../../../src/components/data-provider/fc-data-provider.js';
import type { Session } from '../harness.js';
import { customerListActions, customerListSession, mountCustomerList } from './customer-list.js';

export const dataProviderSession: Session = {
  tag: 'fc-data-provider',
  writes: true,
  ownAdapter: true,
  mount(s) {
    let provider = document.querySelector<HTMLElement>(`fc-data-provider[tenant="${s.tenant}"]`);
    if (!provider) {
      provider = document.createElement('fc-data-provider');
      provider.setAttribute('api-base', s.server.baseUrl);
      provider.setAttribute('tenant', s.tenant);
      provider.setAttribute('user', s.user);
      document.body.append(provider);
    }
    return mountCustomerList(s, null, provider);
  },
  actions: customerListActions,
  settle: customerListSession.settle,
  showsData: customerListSession.showsData,
  verify: customerListSession.verify,
};
