/** The viewer's zone, and whether a time in another zone must name it: no dependencies, for any widget. */

/** The viewer's IANA zone (the browser's). */
export const viewerZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * Whether times in `zone` need the zone's name beside them: the zone is not the viewer's. Asking
 * costs a formatter: ask once per update, not per time shown.
 * @example isForeignZone('America/Chicago') // true in a browser set to Asia/Tokyo
 */
export const isForeignZone = (zone: string): boolean => !!zone && zone !== viewerZone();
