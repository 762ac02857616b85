/**
 * Collective phrases (content/departments.yaml `collectives`): a name standing for a group of bodies is no
 * department, however a plan words it; one department, a coordinating body's own office or a government is
 * not a collective. Phrases are written for the test in the ways notes print them.
 */
import { describe, expect, it } from 'vitest';
import { loadDepartmentCatalogue } from '../../src/lib/departments/catalogue';
import { foldForRecognition } from '../../src/lib/read/normalize';
import { compileCollectives } from '../../src/lib/responsibility/collectives';
import { parseResponsibility } from '../../src/lib/responsibility/parse';

const words = loadDepartmentCatalogue().collectives;
const matcher = compileCollectives(words);
const isCollective = (name: string) => matcher.isCollective(foldForRecognition(name));

describe('collective phrases', () => {
  it.each([
    ['各有关部门', true],
    ['各相关部门', true],
    ['有关部门', true],
    ['相关单位', true],
    ['区级有关部门', true],
    ['市直各相关单位', true],
    ['县直各部门', true],
    ['全市各有关部门', true],
    ['各有关部门和单位', true],
    ['各有关部门及单位', true],
    ['有关部门、单位', true],
    ['各有关部门（单位）', true],
    ['各有關部門', true], // traditional characters fold to simplified
    ['其他有关部门', true],
    ['各责任单位', true],
    ['有关方面', true],
    ['领导小组各成员单位', true],
    ['市节能减排工作领导小组成员单位', true],
    ['区生态环境保护委员会各成员单位', true],
    ['联席会议成员单位', true],
    ['区财政局', false],
    ['市发展改革委', false],
    ['市节能减排工作领导小组办公室', false],
    ['区机关事务中心', false],
    ['各县（市、区）人民政府', false], // a government: an implementer, not a collective
    ['正阳工业园区管委会', false],
    ['区应急管理局', false],
  ])('%s → %s', (name, expected) => {
    expect(isCollective(name)).toBe(expected);
  });

  it.each([
    ['区发展改革委、区财政局等', '区发展改革委、区财政局'],
    ['区发展改革委、区财政局等有关部门', '区发展改革委、区财政局'],
    ['区发展改革委等区级相关部门', '区发展改革委'],
    ['区发展改革委等其他相关单位', '区发展改革委'],
    ['区发展改革委、区财政局', '区发展改革委、区财政局'],
  ])('the list %s ends its names at %s', (list, names) => {
    const match = matcher.etCetera.exec(foldForRecognition(list));
    expect(match ? list.slice(0, match.index) : list).toBe(names);
  });

  it('every curated example reads as a collective and no counterexample does', () => {
    for (const example of words.examples) expect(isCollective(example), example).toBe(true);
    for (const name of words.counterexamples) expect(isCollective(name), name).toBe(false);
  });

  it.each([
    ['（市发展改革委牵头，全市各有关部门按职责分工负责）', ['市发展改革委']],
    ['（区生态环境局牵头，区级相关单位、各有关部门（单位）配合）', ['区生态环境局']],
    [
      '（县发展改革局、县财政局等有关部门按职责分工负责，各乡镇人民政府负责落实）',
      ['县发展改革局', '县财政局'],
    ],
  ])('a note drops its collective phrases: %s', (note, departments) => {
    expect(parseResponsibility(note, matcher).mentions.map((m) => m.name)).toEqual(departments);
  });
});
