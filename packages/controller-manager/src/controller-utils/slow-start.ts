/**
 * Calls `fn` `count` times in batches of 1, 2, 4, ... (upstream slowStartBatch), all calls of a batch in parallel,
 * stopping after the first batch with a failure so a broken quota or webhook costs one call, not hundreds.
 * Returns how many calls succeeded and the first error seen.
 */
export async function slowStartBatch (count: number, initialBatchSize: number, fn: (index: number) => Promise<void>): Promise<{ successes: number, error: unknown }> {
  let remaining = count
  let successes = 0
  let index = 0
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    const results = await Promise.allSettled(Array.from({ length: batch }, async () => await fn(index++)))
    let error: unknown
    for (const r of results) {
      if (r.status === 'fulfilled') successes++
      else error ??= r.reason
    }
    if (error !== undefined) return { successes, error }
    remaining -= batch
  }
  return { successes, error: undefined }
}
