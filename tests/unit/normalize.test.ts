import { describe, expect, it } from 'vitest';
import { foldForRecognition, stripExportLeftovers } from '../../src/lib/read/normalize';

describe('foldForRecognition', () => {
  it.each([
    ['（一）重点行业绿色升级工程。', '(一)重点行业绿色升级工程。'],
    ['1．着力提升', '1.着力提升'],
    ['下降１４．５％', '下降14.5%'],
    ['〔区交通局（黔江）〕', '[区交通局(黔江)]'],
    ['【附件】', '[附件]'],
    ['節能減排', '节能减排'],
    ['萬噸', '万吨'],
    ['公轉鐵', '公转铁'],
    ['省發展改革委、省生態環境廳', '省发展改革委、省生态环境厅'],
    ['到 2025 年', '到 2025 年'],
  ])('%s → %s', (input, expected) => {
    expect(foldForRecognition(input)).toBe(expected);
  });

  it('keeps the length so indexes map back to the original', () => {
    const text = '〔市經信局（黔江）、市發展改革委等按職責分工負責〕到２０２５年，下降１４．５％。';
    expect(foldForRecognition(text)).toHaveLength(text.length);
  });
});

describe('stripExportLeftovers', () => {
  it.each([
    ['[bookmark: _GoBack]（十）环境基础设施', '（十）环境基础设施'],
    ['推进钢铁、水泥、焦化行业**超低排放**改造', '推进钢铁、水泥、焦化行业超低排放改造'],
    ['a * b', 'a * b'],
  ])('%s', (input, expected) => {
    expect(stripExportLeftovers(input)).toBe(expected);
  });
});
