/**
 * findFullNames: full official division names in running text, leftmost-longest, not overlapping; ordinary
 * words that are also division names (城区) never read from prose.
 */
import { describe, expect, it } from 'vitest';
import { loadDivisions } from '../../src/lib/regions/divisions';
import { findFullNames } from '../../src/lib/regions/find';

const divisions = loadDivisions();
const names = (text: string) =>
  findFullNames(text, divisions).map((hit) => [text.slice(hit.start, hit.end), hit.divisions.length]);

describe('findFullNames', () => {
  it.each([
    ['', []],
    ['省', []],
    ['贵州省', [['贵州省', 1]]],
    ['全省：贵州省人民政府', [['贵州省', 1]]],
    [
      '重庆市黔江区',
      [
        ['重庆市', 1],
        ['黔江区', 1],
      ],
    ],
    [
      '按照济南市要求，莱芜区',
      [
        ['济南市', 1],
        ['莱芜区', 1],
      ],
    ],
    ['鼓楼区', [['鼓楼区', 4]]], // one name, several divisions: the caller tells them apart
    ['推进城区改造', []], // an ordinary word, never a division in prose
    ['𠁞贵州省𠁞', [['贵州省', 1]]], // an astral character beside a name
    ['贵州', []], // a bare proper name is not read from prose
    [
      '贵州省贵州省',
      [
        ['贵州省', 1],
        ['贵州省', 1],
      ],
    ],
  ] as const)('%s', (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});
