/**
 * Arriving at a clause from a search result (`/plans/<plan>/?hl=<words>#<clause>`): the searched words are
 * marked inside that clause, by the same folding and matching as the search page (traditional characters,
 * width, spaces), with a note saying so and a button to clear the marks (which also drops `hl` from the URL).
 * Only the target clause is marked: the reader came for it, and the rest of the plan reads as printed.
 */
import { matchSpans } from '../lib/search/browser/excerpt';
import { foldQuery, foldReady } from '../lib/search/browser/fold-on-demand';
import { runsOf } from '../lib/search/browser/tokens';

/** Elements whose text is not the plan's (tool buttons, screen-reader status). */
const SKIP = 'button, [data-ui], .clause-tools, script, style';

function textNodes(root: Element): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node as Text);
  return out;
}

/** Wraps `[start, end)` spans of the concatenated text of `nodes` in <mark>, splitting nodes where needed. */
function mark(nodes: readonly Text[], spans: readonly [number, number][]): HTMLElement[] {
  const marks: HTMLElement[] = [];
  let offset = 0;
  const pieces: { node: Text; from: number; to: number }[] = [];
  for (const node of nodes) {
    const length = node.data.length;
    for (const [start, end] of spans) {
      const from = Math.max(start, offset) - offset;
      const to = Math.min(end, offset + length) - offset;
      if (to > from) pieces.push({ node, from, to });
    }
    offset += length;
  }
  // Right to left within a node, so earlier offsets stay valid while splitting.
  pieces.sort((a, b) => (a.node === b.node ? b.from - a.from : 0));
  for (const { node, from, to } of pieces) {
    const middle = node.splitText(from);
    middle.splitText(to - from);
    const element = document.createElement('mark');
    element.className = 'search-term';
    middle.replaceWith(element);
    element.append(middle);
    marks.push(element);
  }
  return marks;
}

function clear(marks: readonly HTMLElement[], note: HTMLElement): void {
  for (const element of marks) element.replaceWith(...element.childNodes);
  note.remove();
  const url = new URL(window.location.href);
  url.searchParams.delete('hl');
  history.replaceState(history.state, '', url.href);
}

async function highlight(): Promise<void> {
  const url = new URL(window.location.href);
  const words = (url.searchParams.get('hl') ?? '').trim();
  const id = decodeURIComponent(url.hash.slice(1));
  const target = id ? document.getElementById(id) : null;
  if (!words || !target) return;
  const nodes = textNodes(target);
  const text = nodes.map((n) => n.data).join('');
  await foldReady([words, text]);
  const alternatives = words.split(/\s+/).map((word) => [runsOf(foldQuery(word))]);
  const spans = matchSpans(text, alternatives, foldQuery);
  const note = document.createElement('p');
  note.className = 'search-term-note';
  note.setAttribute('role', 'status');
  const marks = mark(nodes, spans);
  note.append(
    marks.length > 0
      ? `已标出搜索的词：“${words}”（${marks.length} 处）。`
      : `本条原文中没有“${words}”的原样写法（搜索结果可能来自同义词或部门别名）。`,
  );
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'search-term-clear';
  button.textContent = marks.length > 0 ? '清除标记' : '关闭提示';
  button.addEventListener('click', () => clear(marks, note));
  note.append(' ', button);
  target.before(note);
}

highlight().catch((error: unknown) => console.error(error));
