/**
 * `/` focuses search from anywhere on a page: the search page's own box when there is one, else the header
 * box. Ignored while the reader types into a field, and with modifier keys (Ctrl+/ and friends belong to the
 * browser and to screen readers).
 */

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/** Installs the shortcut once per document. */
export function installSearchShortcut(doc: Document = document): void {
  if (doc.documentElement.dataset['searchShortcut'] === 'on') return;
  doc.documentElement.dataset['searchShortcut'] = 'on';
  doc.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (isEditable(event.target)) return;
    const input =
      doc.querySelector<HTMLInputElement>('[data-search-input]') ??
      doc.querySelector<HTMLInputElement>('#site-search');
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}

installSearchShortcut();
