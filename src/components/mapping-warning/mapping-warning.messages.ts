import { defineMessages, formatCount } from '../shared/messages.js';

const n = formatCount;

/** Text of `<fc-mapping-warning>`. */
export const t = defineMessages(
  {
    headingMissing: 'Customer sources are not mapped',
    textMissing: (total: number, unknown: number) =>
      `Your reports can't tell where customers come from until the customer sources from your PoS are mapped to categories. ` +
      `None of your ${n(total)} ${total === 1 ? 'source is' : 'sources are'} mapped yet; ` +
      `${n(unknown)} ${unknown === 1 ? 'customer shows' : 'customers show'} as unknown.`,
    headingIncomplete: 'Some customer sources are not mapped',
    textIncomplete: (unmapped: number, total: number, unknown: number) =>
      `${n(unmapped)} of ${n(total)} customer sources ${unmapped === 1 ? 'is' : 'are'} not mapped yet; ` +
      `${n(unknown)} ${unknown === 1 ? 'customer shows' : 'customers show'} as unknown. ` +
      `Map them so the source report is complete.`,
    mapNow: 'Map sources now',
    later: 'Later',
    dontShowAgain: "Don't show again",
    checking: 'Checking the customer source mapping…',
    checkFailed: (message: string) => `Could not check the source mapping: ${message}`,
    unreadable: 'The mapping status has counts that cannot be right.',
  },
  {
    headingMissing: 'Los orígenes de clientes no están asignados',
    textMissing: (total, unknown) =>
      `Sus informes no pueden saber de dónde vienen los clientes hasta que los orígenes de clientes de su PoS estén asignados a categorías. ` +
      `${total === 1 ? 'Su único origen no está asignado' : `Ninguno de sus ${n(total)} orígenes está asignado`} todavía; ` +
      `${n(unknown)} ${unknown === 1 ? 'cliente aparece como desconocido' : 'clientes aparecen como desconocidos'}.`,
    headingIncomplete: 'Algunos orígenes de clientes no están asignados',
    textIncomplete: (unmapped, total, unknown) =>
      `${n(unmapped)} de ${n(total)} orígenes de clientes ${unmapped === 1 ? 'no está asignado' : 'no están asignados'} todavía; ` +
      `${n(unknown)} ${unknown === 1 ? 'cliente aparece como desconocido' : 'clientes aparecen como desconocidos'}. ` +
      `Asígnelos para que el informe de orígenes esté completo.`,
    mapNow: 'Asignar orígenes ahora',
    later: 'Más tarde',
    dontShowAgain: 'No volver a mostrar',
    checking: 'Comprobando la asignación de orígenes de clientes…',
    checkFailed: (message) => `No se pudo comprobar la asignación de orígenes: ${message}`,
    unreadable: 'El estado de la asignación tiene recuentos imposibles.',
  },
);
