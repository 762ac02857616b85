/**
 * The national template plans are compared against (国发〔2021〕33号: ten key projects, eight policy
 * mechanisms), kept as curated data in `content/national-template.yaml`.
 */
import { z } from 'zod';
import { loadCuratedYaml } from '../curated/load';
import type { PlanPart } from '../model/plan';

export const TopicKind = z.enum(['project', 'mechanism']);
export type TopicKind = z.infer<typeof TopicKind>;

/**
 * The plan part a topic of each kind is expected in: a key project under 重点工程, a policy mechanism under
 * 政策机制. The kind's name shown is that part's name (content/plan-parts.yaml).
 */
export const KIND_PART = { project: 'projects', mechanism: 'policies' } as const satisfies Record<
  TopicKind,
  PlanPart
>;

const Term = z.string().min(1);

export const Topic = z.object({
  /** English kebab-case slug; the public URL `/compare/<id>/`. */
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  /** `project` (重点工程) or `mechanism` (政策机制). */
  kind: TopicKind,
  /** Position in the national plan, 1-based. */
  order: z.number().int().positive(),
  /** Where the national plan states it, e.g. 三（一）. */
  citation: z.string().min(1),
  /** The national title, e.g. 重点行业绿色升级工程. */
  title: z.string().min(1),
  /** One line in our words for the compare pages. */
  description: z.string().min(1),
  /** Other titles for the same topic, compared with headings like the title. */
  aliases: z.array(Term).default([]),
  /** Words that, in a heading, name this topic even when the title differs. */
  headingTerms: z.array(Term).min(1),
  /** Vocabulary of the topic's body text. */
  keywords: z.array(Term).min(3),
});
export type Topic = z.infer<typeof Topic>;

export const NationalTemplate = z
  .object({
    source: z.object({
      title: z.string().min(1),
      number: z.string().min(1),
      issued: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    }),
    /** Words ignored when headings are compared (how, not what). */
    headingStopwords: z.array(Term),
    topics: z.array(Topic).min(1),
  })
  .superRefine((template, ctx) => {
    const ids = new Set<string>();
    const orders = new Set<number>();
    template.topics.forEach((topic, i) => {
      if (ids.has(topic.id))
        ctx.addIssue({ code: 'custom', path: ['topics', i, 'id'], message: `duplicate id ${topic.id}` });
      if (orders.has(topic.order)) {
        ctx.addIssue({
          code: 'custom',
          path: ['topics', i, 'order'],
          message: `duplicate order ${topic.order}`,
        });
      }
      ids.add(topic.id);
      orders.add(topic.order);
    });
  })
  .transform((template) => ({ ...template, topics: [...template.topics].sort((a, b) => a.order - b.order) }));
export type NationalTemplate = z.infer<typeof NationalTemplate>;

export const NATIONAL_TEMPLATE_FILE = 'national-template.yaml';

/** Loads and validates `content/national-template.yaml`; topics come back in national order. */
export function loadNationalTemplate(): NationalTemplate {
  return loadCuratedYaml(NATIONAL_TEMPLATE_FILE, NationalTemplate);
}
