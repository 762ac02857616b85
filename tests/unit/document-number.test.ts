import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findDocumentNumber } from '../../src/lib/frontmatter/document-number';
import { ingestSeeds } from '../../src/lib/ingest';
import { enrichments, loadKnowledge } from '../../src/lib/knowledge';
import type { FrontBlock } from '../../src/lib/model/plan';
import { parseSidecar } from '../../src/lib/sidecar';

const block = (kind: FrontBlock['kind'], text: string, line = 1): FrontBlock => ({
  kind,
  text,
  line,
  endLine: line,
});

describe('findDocumentNumber: the plan’s own 文号 from its notice', () => {
  it.each<[string, FrontBlock[], string | null]>([
    [
      'a line of its own',
      [block('notice', '某某县人民政府'), block('notice', '某府发〔2023〕12号')],
      '某府发〔2023〕12号',
    ],
    ['half-width brackets and spaces', [block('notice', '某政办发 [2022] 7 号')], '某政办发 [2022] 7 号'],
    ['round brackets', [block('notice', '某府发（2023）3号')], '某府发（2023）3号'],
    [
      'with the 签发人 on the same line',
      [block('notice', '某府发〔2023〕5号 签发人：张三')],
      '某府发〔2023〕5号',
    ],
    [
      'after the notice title in a web copy',
      [block('notice', '某市人民政府关于印发某市节能减排方案的通知（某政字〔2023〕9号）')],
      '某政字〔2023〕9号',
    ],
    [
      'in a news lead after the notice title',
      [
        block('lead', '日前，某市人民政府印发《关于印发…的通知》……'),
        block('lead', '某市人民政府关于印发…的通知(某政发〔2023〕1号)指出'),
      ],
      '某政发〔2023〕1号',
    ],
    [
      'a cited document’s number is not the plan’s',
      [block('notice', '根据《国务院关于印发…的通知》（国发〔2021〕33号），现将《某方案》印发给你们。')],
      null,
    ],
    ['a number in the body title is not read', [block('title', '某府发〔2023〕12号')], null],
    ['no number', [block('notice', '某某县人民政府'), block('notice', '2023年5月4日')], null],
    ['a sentence is not a number line', [block('notice', '请各地参照某府发〔2023〕12号执行。')], null],
  ])('%s', (_name, front, expected) => {
    expect(findDocumentNumber(front)).toBe(expected);
  });
});

describe('sidecar: number, source_url, retrieved', () => {
  it('reaches the plan, overriding nothing the text printed', () => {
    const knowledge = loadKnowledge();
    const sidecar = {
      file: 'meta.yaml',
      bytes: new TextEncoder().encode(
        'number: 黔江府发〔2023〕12号\nsource_url: https://www.example.gov.cn/zwgk/2023/plan.html\nretrieved: 2024-03-01\n',
      ),
    };
    const { plans, errors } = ingestSeeds(
      [{ file: 'meta.txt', bytes: readFileSync('seeds/000_5b537b9a7be6a6a5.txt'), sidecar }],
      knowledge.plan,
      { enrichments: enrichments(knowledge) },
    );
    expect(errors).toEqual([]);
    expect(plans[0]).toMatchObject({
      documentNumber: '黔江府发〔2023〕12号',
      sourceUrl: 'https://www.example.gov.cn/zwgk/2023/plan.html',
      retrieved: '2024-03-01',
    });
  });

  it.each([
    ['source_url: javascript:alert(1)\n', 'meta.yaml:1: sidecar key "source_url" ignored: '],
    ['source_url: www.example.gov.cn/plan\n', 'meta.yaml:1: sidecar key "source_url" ignored: '],
    ['province: 重庆市\nretrieved: 2024/03/01\n', 'meta.yaml:2: sidecar key "retrieved" ignored: '],
  ])('reports and ignores %j (the rest of the sidecar applies)', (text, message) => {
    const { sidecar, warnings } = parseSidecar(new TextEncoder().encode(text), 'meta.yaml');
    expect(warnings.map((w) => `${w.file}:${w.line}: ${w.message}`)).toEqual([
      expect.stringContaining(message),
    ]);
    expect(sidecar.source_url).toBeUndefined();
    expect(sidecar.retrieved).toBeUndefined();
  });
});
