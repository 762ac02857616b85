/**
 * The home page's headline charts, an editorial choice kept as data in content/home-charts.yaml: the indicator
 * that leads the page and the panels of the small multiples below it. Every indicator id must be one of the
 * catalogue's, so a typo is refused at its line rather than becoming an empty chart.
 */
import { z } from 'zod';
import { loadCuratedYaml, parseCuratedYaml } from './load';

export const HOME_CHARTS_FILE = 'home-charts.yaml';

/** The schema of content/home-charts.yaml, with indicator ids checked against `indicatorIds`. */
export function homeChartsSchema(indicatorIds: readonly string[]) {
  const known = new Set(indicatorIds);
  const IndicatorId = z
    .string()
    .refine((id) => known.has(id), { message: 'not an indicator id of content/indicators.yaml' });
  return z
    .object({
      headline: IndicatorId,
      smallMultiples: z.object({
        id: z
          .string()
          .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
          .refine((id) => !known.has(id), { message: 'a chart id must not be an indicator id' }),
        title: z.string().min(1),
        panels: z.array(z.object({ indicator: IndicatorId, shortName: z.string().min(1) })).min(1),
      }),
    })
    .strict();
}
export type HomeCharts = z.infer<ReturnType<typeof homeChartsSchema>>;

/** Parses home-charts YAML text (tests use this with small fixtures). */
export function parseHomeCharts(text: string, file: string, indicatorIds: readonly string[]): HomeCharts {
  return parseCuratedYaml(text, file, homeChartsSchema(indicatorIds));
}

/** Loads and validates content/home-charts.yaml. */
export function loadHomeCharts(indicatorIds: readonly string[]): HomeCharts {
  return loadCuratedYaml(HOME_CHARTS_FILE, homeChartsSchema(indicatorIds));
}
