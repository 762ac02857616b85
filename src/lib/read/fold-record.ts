/**
 * The folds recorded for one plan's reading (`readingOnce` in normalize.ts): text → its fold, like a Map, but a
 * long text is found by its length and compared, never hashed. A plan's lines are recorded once each and most
 * are never asked for again, so hashing each line's text (every character of the plan, in V8's string hash)
 * cost more than the lookups it served; the paragraphs looked up are new strings, hashed again on each lookup.
 * Strings of one length rarely share more than a few first characters, so comparing the few texts of that
 * length costs little; short texts (names, markers), many to a length, stay in a hashed map.
 */

/** Texts shorter than this are hashed (cheap for them, and there are many of each length). */
const LONG_TEXT = 32;

export class FoldRecord {
  private readonly short = new Map<string, string>();
  /** For each length, its texts and their folds, alternating: [text, fold, text, fold, …]. */
  private readonly long = new Map<number, string[]>();

  get(text: string): string | undefined {
    if (text.length < LONG_TEXT) return this.short.get(text);
    const entries = this.long.get(text.length);
    if (entries === undefined) return undefined;
    for (let k = 0; k < entries.length; k += 2) if (entries[k] === text) return entries[k + 1];
    return undefined;
  }

  /** Records `folded` as the fold of `text`, replacing what an equal text had, as `Map.set` does. */
  set(text: string, folded: string): void {
    if (text.length < LONG_TEXT) {
      this.short.set(text, folded);
      return;
    }
    const entries = this.long.get(text.length);
    if (entries === undefined) {
      this.long.set(text.length, [text, folded]);
      return;
    }
    for (let k = 0; k < entries.length; k += 2) {
      if (entries[k] === text) {
        entries[k + 1] = folded;
        return;
      }
    }
    entries.push(text, folded);
  }
}
