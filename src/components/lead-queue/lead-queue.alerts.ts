/**
 * Desktop alerts through the browser's Notification API. Permission is asked for only from a
 * user's click (`askForAlerts`), never on load: browsers ignore or penalise a request made without
 * one, and an unasked prompt is a nuisance.
 */

/** Whether this browser can show desktop alerts at all. */
export function alertsSupported(): boolean {
  return typeof Notification !== 'undefined';
}

/**
 * The permission, asking the user when it has not been decided yet. Call only from a click.
 * @returns `granted`, `denied` or `default` (the user closed the prompt).
 */
export async function askForAlerts(): Promise<NotificationPermission> {
  if (!alertsSupported()) return 'denied';
  if (Notification.permission !== 'default') return Notification.permission;
  try {
    return await Notification.requestPermission();
  } catch {
    return 'denied';
  }
}

/**
 * Shows one alert when the browser allows it; `tag` replaces an earlier alert with the same tag
 * instead of stacking. Does nothing where alerts cannot be constructed (some mobile browsers
 * allow them only through a service worker).
 */
export function showAlert(title: string, body: string, tag: string): void {
  if (!alertsSupported() || Notification.permission !== 'granted') return;
  try {
    new Notification(title, { body, tag });
  } catch {
    // No alert rather than an error: the live region and the events have said it already.
  }
}
