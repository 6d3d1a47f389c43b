/**
 * Following up "Need Car Locate" customers: which wants are due, because nobody has been in touch
 * with the customer about them for a number of days.
 *
 * Days are plain elapsed days (24 hours each, from the instant of the last contact to `now`), not
 * calendar days in the shop's zone: "no contact in 7 days" means a week has passed, whatever the
 * hour of the call, and a DST change moves the moment a want falls due by at most an hour.
 */
import { AdapterError } from '../errors.js';
import type { IsoDateTime, VehicleWant } from '../model.js';
import { FOLLOW_UP_NOTE_MAX } from '../model.js';

/** A follow-up is due after this many days without contact, unless the host says otherwise. */
export const FOLLOW_UP_DAYS = 7;

const DAY_MS = 86_400_000;

/** Where a want stands for follow-up at one instant. */
export interface FollowUpState {
  /** Whole days since the last contact (or since the want was made, when never contacted). */
  days: number;
  /** True when the customer has never been contacted about it. */
  never: boolean;
  /** True when `days` has reached the limit. */
  due: boolean;
}

/**
 * Where a want stands: whole days since the customer was last contacted about it, or since the
 * want was made when never, and whether that has reached `days`.
 * @param want The want (`lastContactAt` absent or null: never contacted).
 * @param now The instant, epoch ms.
 * @param days Days without contact after which a follow-up is due (a negative or non-finite limit: never due).
 * @returns The state; null when the dates cannot be read (an unreadable date is never due).
 * @example
 * followUpState({ createdAt: '2026-11-01T15:00:00Z', lastContactAt: '2026-11-20T15:00:00Z' }, Date.parse('2026-11-29T16:00:00Z'), 7);
 * // { days: 9, never: false, due: true }
 */
export function followUpState(want: Pick<VehicleWant, 'createdAt' | 'lastContactAt'>, now: number, days: number): FollowUpState | null {
  const never = !want.lastContactAt;
  const since = Date.parse(never ? want.createdAt : want.lastContactAt!);
  if (Number.isNaN(since) || !Number.isFinite(now)) return null;
  // A contact stamped after `now` (a clock ahead of ours) counts as just now.
  const elapsed = Math.max(0, Math.floor((now - since) / DAY_MS));
  return { days: elapsed, never, due: Number.isFinite(days) && days >= 0 && elapsed >= days };
}

/**
 * True when a want is due for follow-up: no contact for `days` days (counted from `createdAt`
 * when never contacted).
 * @example followUpDue({ createdAt: '2026-11-01T15:00:00Z', lastContactAt: null }, Date.parse('2026-11-08T15:00:00Z'), 7); // true
 */
export function followUpDue(want: Pick<VehicleWant, 'createdAt' | 'lastContactAt'>, now: number, days: number): boolean {
  return followUpState(want, now, days)?.due ?? false;
}

/**
 * The wants due for follow-up, longest without contact first (then oldest want, then id).
 * @param wants Any wants (the caller picks the statuses).
 * @param now The instant, epoch ms.
 * @param days Days without contact after which a follow-up is due.
 * @returns The due wants with their state.
 * @example dueForFollowUp(wants, Date.now(), 7).map((d) => d.want.id); // ['want-0003', 'want-0011']
 */
export function dueForFollowUp<W extends Pick<VehicleWant, 'id' | 'createdAt' | 'lastContactAt'>>(
  wants: readonly W[],
  now: number,
  days: number,
): { want: W; state: FollowUpState }[] {
  const due: { want: W; state: FollowUpState }[] = [];
  for (const want of wants) {
    const state = followUpState(want, now, days);
    if (state?.due) due.push({ want, state });
  }
  return due.sort(
    (a, b) => b.state.days - a.state.days || (a.want.createdAt < b.want.createdAt ? -1 : a.want.createdAt > b.want.createdAt ? 1 : 0) || (a.want.id < b.want.id ? -1 : 1),
  );
}

/**
 * A want after a follow-up: contacted at `at`, with the note (blank: none) and the next version.
 * @param want The want as it is now.
 * @param change The note and the version it was based on.
 * @param at The server's time.
 * @throws AdapterError 409 `conflict` with `{ current: want }` when the version is stale; 400 `rejected` for a note over {@link FOLLOW_UP_NOTE_MAX} characters.
 * @example applyFollowUp(want, { note: 'Called', expectedVersion: 1 }, '2026-11-23T17:00:00.000Z').version // 2
 */
export function applyFollowUp(want: VehicleWant, change: { note: string; expectedVersion: number }, at: IsoDateTime): VehicleWant {
  if ((want.version ?? 0) !== change.expectedVersion) {
    throw new AdapterError({ kind: 'conflict', status: 409, message: `The want of ${want.customerName} was changed by someone else.`, body: { current: want } });
  }
  if (typeof change.note !== 'string' || change.note.length > FOLLOW_UP_NOTE_MAX) {
    throw new AdapterError({ kind: 'rejected', status: 400, message: `A follow-up note has at most ${FOLLOW_UP_NOTE_MAX} characters.` });
  }
  return { ...want, lastContactAt: at, followUpNote: change.note.trim() || null, version: (want.version ?? 0) + 1 };
}
