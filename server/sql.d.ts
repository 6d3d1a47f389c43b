/** A `.sql` file imported as its text (esbuild's `text` loader). */
declare module '*.sql' {
  const text: string;
  export default text;
}
