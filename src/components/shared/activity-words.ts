/**
 * An activity's name in the current locale ("email sent", "correo enviado"), as the lead clock and
 * the lead queue name what stopped a clock and what can stop it. The English names are the logic
 * layer's (`ACTIVITY_WORDS`), so text a report writes without a widget reads the same.
 */
import { ACTIVITY_WORDS } from '../../data/logic/leads-rules.js';
import type { ActivityKind } from '../../data/model.js';
import { defineMessages } from './messages.js';

const es: Record<ActivityKind, string> = {
  'email-sent': 'correo enviado',
  'ebrochure-sent': 'folleto electrónico enviado',
  'email-received': 'correo recibido',
  'call-completed': 'llamada completada',
  'call-incoming': 'llamada entrante',
  'text-sent': 'mensaje enviado',
  'text-received': 'mensaje recibido',
  'auto-response': 'respuesta automática',
};

const t = defineMessages<Record<ActivityKind, string>>(ACTIVITY_WORDS, es);

/**
 * @param kind The activity.
 * @returns Its name in the current locale.
 * @example activityWords('ebrochure-sent') // 'e-brochure sent'
 */
export const activityWords = (kind: ActivityKind): string => t(kind);
