/**
 * Resolves once the browser has painted the current frame (the next animation frame, then a task),
 * so secondary reads (a summary beside a table, a comparison period) start after what the user
 * waits for is on screen. A hidden tab paints nothing: it resolves after `fallbackMs` there.
 */
export function afterPaint(fallbackMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, fallbackMs);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}
