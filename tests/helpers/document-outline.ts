/**
 * A plan document (src/lib/document) written out for review: one section per block of lines, components as
 * tags, seed text as it is. The notation is the one the site's components render (Front, Clause, Annex,
 * Heading, Table, D, T); golden files compare it.
 */
import type { Block, Inline, Section } from '../../src/lib/document/index';

function inline(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return node.text.replaceAll('\n', '<br />');
        case 'number':
          return `<span class="n">${node.text}</span>`;
        case 'strong':
          return `<strong>${inline(node.children)}</strong>`;
        case 'responsibility':
          return `<span class="resp">${inline(node.children)}</span>`;
        case 'department':
          return `<D id="${node.departmentId}"${node.role === null ? '' : ` r="${node.role}"`}${node.roleWording === null ? '' : ` w="${node.roleWording}"`}>${node.text.replaceAll('\n', '<br />')}</D>`;
        case 'target':
          return `<T id="${node.targetId}">${node.text.replaceAll('\n', '<br />')}</T>`;
      }
    })
    .join('');
}

function block(b: Block): string {
  if (b.kind === 'table') return `<Table id="${b.tableId}" />`;
  if (b.kind === 'heading') return `<Heading level="${b.level}">${inline(b.children)}</Heading>`;
  return inline(b.children);
}

function open(section: Section): string {
  if (section.kind === 'front') return `<Front kind="${section.front}">`;
  if (section.kind === 'clause') return `<Clause id="${section.clauseId}">`;
  return `<Annex id="${section.annexId}">`;
}

const close = { front: '</Front>', clause: '</Clause>', annex: '</Annex>' } as const;

export function documentOutline(sections: readonly Section[]): string {
  const parts = sections.map((s) => [open(s), ...s.blocks.map(block), close[s.kind]].join('\n\n'));
  return `${parts.join('\n\n')}\n`;
}
