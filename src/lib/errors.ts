/**
 * A seed that cannot become a plan. The message is always `file:line: reason` so an editor or CI log links
 * straight to the spot; `line` is 0 when the problem is the file as a whole and no line applies.
 */
export class SeedError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'SeedError';
  }
}
