/**
 * The little of React 19 this page uses: React ships no types and `@types/react` is not a
 * dependency, so the page declares the calls it makes.
 */
declare module 'react' {
  export type ReactNode = ReactElement | string | number | boolean | null | undefined | readonly ReactNode[];
  export interface ReactElement {
    readonly type: unknown;
    readonly props: unknown;
  }
  export type FunctionComponent<P> = (props: P) => ReactNode;
  export function createElement<P>(type: string | FunctionComponent<P>, props?: P | null, ...children: ReactNode[]): ReactElement;
  export function useState<S>(initial: S | (() => S)): [S, (next: S | ((previous: S) => S)) => void];
  export const StrictMode: FunctionComponent<{ children?: ReactNode }>;
}

declare module 'react-dom/client' {
  import type { ReactNode } from 'react';
  export interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }
  export function createRoot(container: Element): Root;
}
