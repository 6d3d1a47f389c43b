import type { Locale } from '../shared/messages.js';

/** The gauge's meter in words; loaded with the gauge. */
const en = {
  gauge: 'Response time used',
  meterUsed: (used: string, limit: string, real: boolean) => `${used} of ${limit} ${real ? 'minutes' : 'business minutes'} used`,
  meterLeft: (left: string) => `${left} left`,
  meterOver: (over: string) => `${over} over`,
  meterSoFar: (grade: string) => `${grade} so far`,
  meterStopped: (what: string) => `stopped by ${what}`,
  meterPaused: 'paused',
  meterNotStarted: 'not started',
  'band-green': 'green',
  'band-yellow': 'yellow',
  'band-red': 'red',
};

const es: typeof en = {
  gauge: 'Tiempo de respuesta usado',
  meterUsed: (used, limit, real) => `${used} de ${limit} ${real ? 'minutos' : 'minutos hábiles'} usados`,
  meterLeft: (left) => `quedan ${left}`,
  meterOver: (over) => `${over} de más`,
  meterSoFar: (grade) => `${grade} hasta ahora`,
  meterStopped: (what) => `detenido por ${what}`,
  meterPaused: 'en pausa',
  meterNotStarted: 'sin empezar',
  'band-green': 'verde',
  'band-yellow': 'amarillo',
  'band-red': 'rojo',
};

/** The gauge's text by locale: the meter's words and the bands' names. */
export const gaugeMessages: Record<Locale, typeof en> = { en, es };
