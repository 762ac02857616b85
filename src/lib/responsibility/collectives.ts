/**
 * Collective phrases: names in a responsibility note that stand for a group of bodies rather than one
 * department (各有关部门, 区级相关单位, 各有关部门（单位）, 领导小组各成员单位). They are dropped from a note's
 * departments, never shown as one. The words are curated data (`collectives` in content/departments.yaml);
 * this module compiles them into the matchers the note parser uses.
 */
import { z } from 'zod';
import { foldForRecognition } from '../read/normalize';

const Words = z.array(z.string().min(1)).min(1);

/** The grammar of a collective phrase, as word lists; see content/departments.yaml. */
export const CollectiveWords = z
  .object({
    /** Words that may open the phrase: 各, 其他. */
    scopes: Words,
    /** Levels of government that may follow: 区级, 市直. */
    levels: Words,
    /** Qualifiers before the noun: 有关, 相关. */
    qualifiers: Words,
    /** What the group is made of: 部门, 单位. */
    nouns: Words,
    /** Coordinating bodies whose members are a group: 领导小组 (…领导小组各成员单位). */
    coordinatingBodies: Words,
    /** What their members are called: 成员单位. */
    members: Words,
    /** Phrases that must read as collectives (checked when the data is loaded). */
    examples: Words,
    /** Names that must not (one department; a government, which is an implementer). */
    counterexamples: Words,
  })
  .strict();
export type CollectiveWords = z.infer<typeof CollectiveWords>;

export interface CollectiveMatcher {
  /** True when a folded name, as a whole, is a collective phrase. */
  isCollective(foldedName: string): boolean;
  /** The "and the others" tail closing a list (等, 等有关部门, 等区级相关单位), matched at the end of folded text. */
  etCetera: RegExp;
}

const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An alternation of the words, folded like the text they are matched against, longest first. */
const anyOf = (words: readonly string[]) =>
  `(?:${[...new Set(words.map((w) => foldForRecognition(w)))]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join('|')})`;

export function compileCollectives(words: CollectiveWords): CollectiveMatcher {
  const scope = `${anyOf(words.scopes)}?`;
  const level = `${anyOf(words.levels)}?`;
  const qualifier = `${anyOf(words.qualifiers)}?`;
  const noun = anyOf([...words.nouns, ...words.members]);
  // 各有关部门, 区级各相关单位, 各有关部门和单位, 各有关部门（单位）.
  const group = `${scope}${level}(?:各)?${qualifier}${noun}(?:[和及与、]?(?:各)?${qualifier}${noun})?(?:\\(${noun}\\))?`;
  // 市节能减排工作领导小组各成员单位: the members of a named coordinating body.
  const membersOf = `[^、,]{0,40}${anyOf(words.coordinatingBodies)}(?:各)?${anyOf(words.members)}`;
  const whole = new RegExp(`^(?:${group}|${membersOf})$`);
  return {
    isCollective: (foldedName) => whole.test(foldedName),
    etCetera: new RegExp(`等${scope}${level}${qualifier}${anyOf(words.nouns)}?$`),
  };
}

/** Every example that the compiled grammar misreads, as messages (empty when the data holds together). */
export function collectiveExampleProblems(
  words: CollectiveWords,
): { path: (string | number)[]; message: string }[] {
  const matcher = compileCollectives(words);
  return [
    ...words.examples.flatMap((example, i) =>
      matcher.isCollective(foldForRecognition(example))
        ? []
        : [
            {
              path: ['examples', i],
              message: `“${example}” is not read as a collective phrase by these words`,
            },
          ],
    ),
    ...words.counterexamples.flatMap((name, i) =>
      matcher.isCollective(foldForRecognition(name))
        ? [
            {
              path: ['counterexamples', i],
              message: `“${name}” is read as a collective phrase by these words`,
            },
          ]
        : [],
    ),
  ];
}
