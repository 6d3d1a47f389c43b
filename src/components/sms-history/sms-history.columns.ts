/** Row, header and card heights in CSS pixels; the same figures as in the styles. */
export const ROW_HEIGHT = 40;
export const HEADER_HEIGHT = 40;
export const CARD_HEIGHT = 168;
/** Container width under which rows are stacked cards (the styles' container query). */
export const NARROW_WIDTH = 600;

/** The table's columns, in order, with their default and smallest widths in CSS pixels. */
export const COLUMNS = [
  { key: 'time', label: 'colTime', width: 178, min: 110 },
  { key: 'direction', label: 'colDirection', width: 108, min: 72 },
  { key: 'customer', label: 'colCustomer', width: 136, min: 80 },
  { key: 'phone', label: 'colPhone', width: 128, min: 90 },
  { key: 'employee', label: 'colEmployee', width: 112, min: 72 },
  { key: 'body', label: 'colBody', width: 160, min: 120 },
  { key: 'status', label: 'colStatus', width: 104, min: 72 },
  { key: 'error', label: 'colError', width: 188, min: 90 },
  { key: 'segments', label: 'colSegments', width: 84, min: 64 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];
/** The custom property the styles size each column's cells by, and its column. */
export const WIDTH_PROPERTIES = {
  '--_w-time': 'time',
  '--_w-direction': 'direction',
  '--_w-customer': 'customer',
  '--_w-phone': 'phone',
  '--_w-employee': 'employee',
  '--_w-body': 'body',
  '--_w-status': 'status',
  '--_w-error': 'error',
  '--_w-segments': 'segments',
} as const satisfies Record<string, ColumnKey>;
export const ERROR_COLUMN = COLUMNS.findIndex((c) => c.key === 'error');
export const MAX_COLUMN_WIDTH = 800;

/**
 * Gives the grid each column's width, read by its cells (a fixed-width flex item lays out faster
 * than a grid track), and their sum.
 */
export function applyColumnWidths(grid: HTMLElement, widths: readonly number[]): void {
  for (const [property, key] of Object.entries(WIDTH_PROPERTIES)) {
    grid.style.setProperty(property, `${widths[COLUMNS.findIndex((c) => c.key === key)]}px`);
  }
  grid.style.setProperty('--_total-w', `${widths.reduce((a, b) => a + b, 0)}px`);
}

/**
 * Tallest scroll body. Chromium stops growing an element at 33,554,431 px (Firefox near 17.9M):
 * past this the scrollbar is scaled and scroll positions map to rows proportionally.
 */
export const MAX_BODY_HEIGHT = 15_000_000;
