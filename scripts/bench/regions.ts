/**
 * Distinct region names for a synthetic national-scale corpus, one per generated plan.
 *
 * Stand-in until the official division list is in the project: names are made of two characters from a fixed
 * list plus the level's suffix (省/市/区/县, as the template seed's own region ends), so every name is distinct
 * and reads like a region to the recognisers; provinces of lower-level plans cycle through the real province
 * list in content/jurisdictions.yaml. Swapping in the official list means replacing `syntheticRegions` only:
 * its callers need a distinct `region` and a `province` per plan.
 */

/** Characters common in Chinese place names; their ordered pairs give over 3,000 names per suffix. */
const NAME_CHARACTERS = [
  ...new Set(
    '安宁平远清河阳山江城德丰泰和兴华新昌永康乐通化文武东西南北中长春明光金石临海白云青松林桥宝庆福寿嘉定',
  ),
];

export interface SyntheticRegion {
  region: string;
  province: string;
}

/**
 * The `index`-th distinct name ending in `suffix` (the template plan's own region suffix), with a province:
 * the region itself for a province-level plan, else one of `provinces` in turn.
 */
export function syntheticRegion(
  index: number,
  suffix: string,
  provinceLevel: boolean,
  provinces: readonly string[],
): SyntheticRegion {
  const n = NAME_CHARACTERS.length;
  const first = NAME_CHARACTERS[Math.floor(index / (n - 1)) % n] as string;
  const rest = NAME_CHARACTERS.filter((ch) => ch !== first);
  const second = rest[index % (n - 1)] as string;
  const region = `${first}${second}${suffix}`;
  return { region, province: provinceLevel ? region : (provinces[index % provinces.length] as string) };
}
