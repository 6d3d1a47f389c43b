/**
 * Waiting for something to be on screen, for render benches: a DOM condition (checked on every
 * mutation, so no polling delay), then the next frame, so style, layout and paint are counted.
 */
import { elapsed } from './case.js';

/** Resolves as soon as `ready()` holds, checked now and after every mutation under `root`. */
export function whenInDom(root: Node, ready: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  if (ready()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      finish();
      resolve();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`${what}: not rendered after ${timeoutMs} ms`));
    }, timeoutMs);
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  });
}

export const nextFrame = (): Promise<number> => new Promise((resolve) => requestAnimationFrame(resolve));

/** A task queued now: it runs after the current frame's rendering steps (style, layout, paint). */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/**
 * Resolves after the frame in which `drawn()` first holds (checked in each frame's animation
 * callbacks, i.e. after canvas drawing scheduled for that frame) has been rendered.
 */
export async function painted(drawn: () => boolean = () => true, maxFrames = 120): Promise<void> {
  for (let frame = 0; ; frame++) {
    await nextFrame();
    if (drawn()) break;
    if (frame >= maxFrames) throw new Error(`not drawn after ${maxFrames} frames`);
  }
  await nextTask();
}

/**
 * Runs `work` between User Timing marks (a `bench:<label>` measure), so a trace or profile of the
 * page can find the measured window. Costs microseconds.
 */
export async function marked<T>(label: string, work: () => Promise<T>): Promise<T> {
  performance.mark(`bench:${label}:start`);
  try {
    return await work();
  } finally {
    performance.measure(`bench:${label}`, `bench:${label}:start`);
  }
}

/** `elapsed(work)` inside a `bench:<label>` measure. */
export const timed = (label: string, work: () => Promise<unknown>): Promise<number> => elapsed(() => marked(label, work));
