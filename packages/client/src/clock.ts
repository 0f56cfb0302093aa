/** An opaque timer handle: whatever the clock's setTimeout returned. */
export type TimerHandle = unknown

/**
 * Injected time source (client-go's `clock.Clock`): the work queue, informers and leader election take one so unit
 * tests drive time with a fake instead of sleeping. Same shape as `FakeClock` in @kube-ts/testing.
 */
export interface Clock {
  now: () => number
  setTimeout: (fn: () => void, ms: number) => TimerHandle
  clearTimeout: (handle: TimerHandle) => void
}

/** Real time; timers are unref'd so a pending delay never keeps a daemon or a test process alive on its own. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms)
    t.unref()
    return t
  },
  clearTimeout: (h) => { clearTimeout(h as NodeJS.Timeout) }
}

/** Resolves after `ms` on `clock`, or rejects with the signal's reason once it aborts. */
export async function sleep (clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted === true) throw abortReason(signal)
  await new Promise<void>((resolve, reject) => {
    const onAbort = (): void => { clock.clearTimeout(handle); reject(abortReason(signal as AbortSignal)) }
    const handle = clock.setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve() }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** The signal's reason as an Error named AbortError (reasons can be anything; callers test `name`). */
export function abortReason (signal: AbortSignal): Error {
  const r: unknown = signal.reason
  if (r instanceof Error && r.name === 'AbortError') return r
  const e = new Error(r instanceof Error ? r.message : 'the operation was aborted')
  e.name = 'AbortError'
  return e
}
