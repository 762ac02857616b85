/**
 * Escaping of arbitrary seed text for MDX. Seeds are public documents we do not control: any of their
 * characters may be MDX syntax (`{` starts an expression, `<` a JSX tag, `import`/`export` at a line start an
 * ES module statement) or Markdown syntax (`#`, `>`, `-`, `1.`, `*`, `_`, backticks, `[`, `\`, `&`, `===`…).
 *
 * Every such ASCII character is written as a numeric character reference (`{` → `&#123;`). Character
 * references are never structure in Markdown or MDX, only literal text, so the escaped text renders
 * exactly as printed, while Chinese text (which uses full-width punctuation) stays readable in the file.
 */

/**
 * ASCII characters that are, or may start, MDX/Markdown syntax in some position. Letters, digits, space, `,`,
 * `;`, `:`, `%`, `?`, `/`, `@` and `(` are never syntax once these are escaped (no `<` for autolinks or HTML,
 * no `]` for link destinations, no `&` for entities; GFM and smart punctuation are off).
 */
const SYNTAX = /[\\`*_{}[\]<>#+\-!&|~"'=^$\t]/g;

/** `.` and `)` are syntax only after digits at a line start (an ordered list item: `1.`, `2)`). */
const LIST_MARKER = /^( *[0-9]+)([.)])/;

/** `import`/`export` starting a line would be an ES module statement at the top level of MDX. */
const ESM_AT_START = /^( *)([ie])(?=mport\b|xport\b)/;

const LINE_BREAK = /\r\n|\r|\n/;

function reference(ch: string): string {
  return `&#${ch.codePointAt(0)};`;
}

/**
 * Escapes seed text so that MDX renders it as literal text, on one line: safe as paragraph content or as the
 * children of an inline MDX component. Line breaks inside the text become `<br />`.
 */
export function escapeMdxText(text: string): string {
  return text
    .split(LINE_BREAK)
    .map((line) =>
      line
        .replace(SYNTAX, reference)
        .replace(LIST_MARKER, (_, digits: string, ch: string) => `${digits}${reference(ch)}`)
        .replace(ESM_AT_START, (_, space: string, ch: string) => `${space}${reference(ch)}`),
    )
    .join('<br />');
}

/** True when the text has something to show (Markdown drops blank paragraphs). */
export function hasText(text: string): boolean {
  return text.trim() !== '';
}

/** The value of a JSX string attribute that may only hold an id or an enum member (checked, not escaped). */
/**
 * A short run of Chinese characters (a role word as printed: 按职责分工负责) as a quoted attribute, or null
 * for anything else: such text can hold no quote, brace or angle bracket.
 */
export function wordsAttribute(value: string): string | null {
  return /^[\u3400-\u9fff]{1,16}$/.test(value) ? `"${value}"` : null;
}

export function attribute(value: string): string {
  if (!/^[a-z0-9-]+$/.test(value))
    throw new Error(`planToMdx: refusing attribute value ${JSON.stringify(value)}`);
  return `"${value}"`;
}
