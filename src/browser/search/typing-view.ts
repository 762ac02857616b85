/**
 * Room for the results while the reader types on a phone. The on-screen keyboard leaves about 300 px of a
 * 360 × 640 screen; the box sat at its bottom edge (under the header, the breadcrumbs and the title) and every
 * result it found as the reader typed was drawn below the keyboard. Focusing the box on a narrow screen brings
 * the search form to the top of the screen, so the box and the first results share what the keyboard leaves.
 */

/** search.css's phone layout (filters and help folded behind a line each). */
const NARROW = '(max-width: 35.99rem)';
/** Space kept above the form, in CSS px: its focus ring stays in sight. */
const ABOVE = 8;

export function installTypingView(form: HTMLElement, input: HTMLInputElement): void {
  const narrow = window.matchMedia(NARROW);
  input.addEventListener('focus', () => {
    if (!narrow.matches) return;
    const top = Math.max(0, form.getBoundingClientRect().top + window.scrollY - ABOVE);
    // Instant, not smooth: the browser scrolls the focused box into the space above the keyboard as it opens,
    // and a smooth scroll still under way would be cut short by it.
    if (Math.abs(window.scrollY - top) > 1) window.scrollTo({ top, behavior: 'instant' });
  });
}
