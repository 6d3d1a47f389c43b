/** The viewer's zone, and whether a time in another zone must name it: no dependencies, for any widget. */

let known: string | undefined;

/** The viewer's IANA zone (the browser's): asked once a task, as asking costs a formatter and the zone can change (a laptop that travels). */
export function viewerZone(): string {
  if (known === undefined) {
    known = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    setTimeout(() => (known = undefined));
  }
  return known;
}

/**
 * Whether times in `zone` need the zone's name beside them: the zone is not the viewer's. Asking
 * costs a formatter: ask once per update, not per time shown.
 * @example isForeignZone('America/Chicago') // true in a browser set to Asia/Tokyo
 */
export const isForeignZone = (zone: string): boolean => !!zone && zone !== viewerZone();
