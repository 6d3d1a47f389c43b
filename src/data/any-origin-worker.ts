/**
 * Starting a module worker whose script may be on another origin (a CDN): a page may only start a
 * worker from its own origin, so a script from elsewhere is started through a same-origin `blob:`
 * module that imports it. Used by `createWorkerAdapter` and by the widgets that parse in a worker.
 */

/** A `Worker` that starts a module worker from a URL of any origin. */
export function anyOriginWorker(): typeof Worker {
  return class extends Worker {
    constructor(url: string | URL, options?: WorkerOptions) {
      const href = new URL(url, location.href);
      const script = () => URL.createObjectURL(new Blob([`import ${JSON.stringify(href.href)};`], { type: 'text/javascript' }));
      super(href.origin === location.origin ? href : script(), options);
    }
  };
}
