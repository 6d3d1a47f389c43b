import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { http, HttpResponse } from 'msw';

describe('test rig', () => {
  const worker = setupWorker(http.get('/api/ping', () => HttpResponse.json({ pong: true })));
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());

  it('intercepts real fetch with MSW and has real IndexedDB', async () => {
    const res = await fetch('/api/ping');
    expect(await res.json()).to.deep.equal({ pong: true });
    const req = indexedDB.open('rig-check');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(db.name).to.equal('rig-check');
    db.close();
    indexedDB.deleteDatabase('rig-check');
  });
});
