/**
 * Divisions abolished before the official list's edition (content/former-divisions.yaml): 莱芜市 was merged
 * into 济南市 in 2019, so the 2023 list no longer has it. They join the division index marked `former`, so a
 * plan naming one gets its level and chain like any other, and pages can say what became of it.
 */
import { z } from 'zod';
import { loadCuratedYaml } from '../curated/load';
import { DivisionIndex, type Division, type DivisionLevel } from './divisions';

const Code = z.string().regex(/^\d{2}(\d{2}){0,2}$/, 'a GB/T 2260 code of 2, 4 or 6 digits');

const FormerDivision = z
  .object({
    code: Code,
    name: z.string().min(2),
    level: z.enum(['province', 'city', 'county']),
    parent: Code.nullable().default(null),
    abolished: z.number().int().min(1949).max(2100),
    successors: z.array(Code).min(1),
  })
  .strict();

/** The file's schema, checked against the current list: codes and names new, parents and successors known. */
export function formerDivisionsSchema(current: DivisionIndex) {
  return z
    .object({ divisions: z.array(FormerDivision) })
    .strict()
    .superRefine((file, ctx) => {
      const ownCodes = new Set(file.divisions.map((d) => d.code));
      file.divisions.forEach((division, i) => {
        const issue = (key: string, message: string) =>
          ctx.addIssue({ code: 'custom', path: ['divisions', i, key], message });
        if (current.get(division.code))
          issue('code', `code ${division.code} is ${current.get(division.code)!.name} in the current list`);
        if (current.named(division.name).length > 0)
          issue('name', `${division.name} is in the current list; the current division would be meant`);
        if (division.parent !== null && !current.get(division.parent) && !ownCodes.has(division.parent))
          issue('parent', `unknown parent code ${division.parent}`);
        division.successors.forEach((code) => {
          if (!current.get(code)) issue('successors', `successor ${code} is not in the current list`);
        });
      });
    });
}
export type FormerDivisionsFile = z.infer<ReturnType<typeof formerDivisionsSchema>>;

/** The current list with the former divisions added, each marked with when it was abolished and its successors. */
export function withFormerDivisions(current: DivisionIndex, file: FormerDivisionsFile): DivisionIndex {
  const former: Division[] = file.divisions.map((d) => ({
    code: d.code,
    name: d.name,
    level: d.level as DivisionLevel,
    parentCode: d.parent,
    former: { abolished: d.abolished, successorCodes: d.successors },
  }));
  return new DivisionIndex([...current.all, ...former]);
}

/** Loads content/former-divisions.yaml against the current list. */
export function loadFormerDivisions(
  current: DivisionIndex,
  file = 'former-divisions.yaml',
): FormerDivisionsFile {
  return loadCuratedYaml(file, formerDivisionsSchema(current));
}
