/**
 * Plan slugs: the `<slug>` of `/plans/<slug>/` and `/departments/<slug>/…`, public URLs that must stay put.
 *
 * How a slug is made (from the region's name, or a sidecar's `slug:`) lives with the front matter; this module
 * says which slugs are acceptable and who keeps one that two seeds claim (`assignSlugs`, the rule documented in
 * the README): a plan already published keeps its URL, and a newcomer that claims it is refused.
 */

/** Lowercase ASCII words joined by single hyphens. */
const SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Long enough for any jurisdiction's name in pinyin with its parents' (the longest county names run to about
 * 40 letters), short enough that a URL can be read aloud and every path stays far below file-system limits.
 */
export const MAX_SLUG_LENGTH = 64;

/**
 * Words a plan slug may not be, with the URL they would collide with: department category pages live beside
 * a plan's department pages (`/departments/category/<category>/`).
 */
export const RESERVED_SLUGS: Readonly<Record<string, string>> = {
  category: '/departments/category/ (department category pages)',
};

/** Why `slug` cannot be a plan's slug, or null when it can. */
export function slugProblem(slug: string): string | null {
  if (slug.length > MAX_SLUG_LENGTH)
    return `slug is ${slug.length} characters long (at most ${MAX_SLUG_LENGTH})`;
  if (!SHAPE.test(slug)) return `slug "${slug}" is not lowercase letters and digits joined by single hyphens`;
  const reserved = RESERVED_SLUGS[slug];
  if (reserved !== undefined) return `slug "${slug}" is reserved: it would collide with ${reserved}`;
  return null;
}

/** A seed that wants a slug. */
export interface SlugClaim {
  /** The seed's file name. */
  file: string;
  slug: string;
}

/** The outcome for one claim: kept, or refused with the reason. */
export type SlugDecision = { file: string; slug: string; refused: string | null };

/**
 * Decides who keeps each slug. `published` maps a slug to the seed file it was published for
 * (content/published-plans.yaml). The rule:
 * 1. a published slug belongs to its seed: any other seed claiming it is refused, whatever the file names;
 * 2. among seeds claiming a slug nobody published, the file name that sorts first keeps it, the others are
 *    refused.
 * A refused seed is told which seed keeps the slug and how to choose another (`slug:` in its sidecar).
 */
export function assignSlugs(
  claims: readonly SlugClaim[],
  published: ReadonlyMap<string, string>,
): SlugDecision[] {
  const keeper = new Map<string, string>();
  const claimed = new Set(claims.map((c) => `${c.file}\n${c.slug}`));
  for (const claim of claims) {
    const owner = published.get(claim.slug);
    if (owner !== undefined && claimed.has(`${owner}\n${claim.slug}`)) keeper.set(claim.slug, owner);
  }
  for (const claim of [...claims].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    if (!keeper.has(claim.slug)) keeper.set(claim.slug, claim.file);
  }
  return claims.map((claim) => {
    const owner = keeper.get(claim.slug) as string;
    if (owner === claim.file) return { ...claim, refused: null };
    const why =
      published.get(claim.slug) === owner
        ? `it was published for ${owner} (content/published-plans.yaml)`
        : `${owner} sorts first and keeps it`;
    const stem = claim.file.replace(/\.txt$/i, '');
    return {
      ...claim,
      refused: `slug "${claim.slug}" belongs to another plan: ${why}; give this plan its own with \`slug:\` in ${stem}.yaml`,
    };
  });
}
