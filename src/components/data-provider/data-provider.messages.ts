import { defineMessages } from '../shared/messages.js';

/** Text of `<fc-data-provider>`: its notice that offline support is off, and why. */
export const t = defineMessages(
  {
    storageOff: (why: string) =>
      `Offline support is off: ${why} Data comes from the server, and changes not sent yet are lost if this page is closed.`,
    storageUnavailable: 'this browser does not let the page store data.',
    storageBlocked: 'the browser storage did not open (another tab may be holding it).',
    storageFull: 'the browser storage for this site is full.',
    storageFailed: 'the browser storage for this site could not be used.',
  },
  {
    storageOff: (why) =>
      `El modo sin conexión está desactivado: ${why} Los datos se cargan del servidor y los cambios aún no enviados se pierden si se cierra esta página.`,
    storageUnavailable: 'este navegador no permite que la página guarde datos.',
    storageBlocked: 'el almacenamiento del navegador no se abrió (puede que otra pestaña lo esté reteniendo).',
    storageFull: 'el almacenamiento del navegador para este sitio está lleno.',
    storageFailed: 'no se pudo usar el almacenamiento del navegador para este sitio.',
  },
);
