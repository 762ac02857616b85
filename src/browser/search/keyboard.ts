/**
 * Keyboard navigation of the results: ↓ from the box to the first result, ↓/↑ between results, ↑ from the
 * first back to the box. Enter opens a result (it is a link).
 */
export function installResultKeys(input: HTMLInputElement, list: HTMLElement): void {
  const hits = () => [...list.querySelectorAll<HTMLAnchorElement>('a[data-search-hit]')];
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = hits();
    if (links.length === 0) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (document.activeElement === input) {
      if (event.key !== 'ArrowDown') return;
      event.preventDefault();
      links[0]?.focus();
      return;
    }
    if (at === -1) return;
    event.preventDefault();
    if (event.key === 'ArrowDown') links[Math.min(at + 1, links.length - 1)]?.focus();
    else if (at === 0) input.focus();
    else links[at - 1]?.focus();
  });
}
