/**
 * What one edit of the search box put in: the characters of the new value between the part it shares with the
 * old value at its start and the part it shares at its end. A key typed puts in one character (zero for a
 * deletion); a Chinese input method's committed word, a paste or an autocompletion put in several at once.
 *
 * Pure (no DOM): the search page (src/browser/search/main.ts) uses it, tests check it.
 */
export function insertedCharacters(before: string, after: string): number {
  const old = Array.from(before);
  const now = Array.from(after);
  let start = 0;
  while (start < old.length && start < now.length && old[start] === now[start]) start++;
  let end = 0;
  while (
    end < old.length - start &&
    end < now.length - start &&
    old[old.length - 1 - end] === now[now.length - 1 - end]
  )
    end++;
  return now.length - start - end;
}

/** Whether an edit put in a whole word at once (two characters or more): searched at once, not after a pause. */
export function typedAtOnce(before: string, after: string): boolean {
  return insertedCharacters(before, after) >= 2;
}
