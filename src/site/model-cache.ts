/**
 * A few whole plans kept in memory, the most recently used: the pages of one plan (its page, its departments
 * page, its downloads) are made close together, so a small cache reads each model about once per route
 * while memory stays bounded by `size`, not by the number of plans (README "Build memory").
 */
export interface ModelCache<T> {
  get(id: string): T;
}

/**
 * `read` loads one model; `generation` says which load of the corpus the models come from (under
 * `astro dev` the loader writes them again on a change), and a new one empties the cache.
 */
export function modelCache<T>(
  read: (id: string) => T,
  size: number,
  generation: () => number,
): ModelCache<T> {
  const kept = new Map<string, T>();
  let keptGeneration = generation();
  return {
    get(id) {
      const current = generation();
      if (current !== keptGeneration) {
        kept.clear();
        keptGeneration = current;
      }
      const found = kept.get(id);
      if (found !== undefined) {
        // Map order is insertion order: moved to the end, the entry is the most recent.
        kept.delete(id);
        kept.set(id, found);
        return found;
      }
      const model = read(id);
      kept.set(id, model);
      if (kept.size > size) kept.delete(kept.keys().next().value as string);
      return model;
    },
  };
}
