/**
 * Base class for kube-ts failures that are not API Status errors (STYLE.md 2.7). `code` is a stable
 * `ERR_KUBE_TS_*` string for matching; `hint` is an optional sentence telling the operator what to do.
 */
export class KubeTsError extends Error {
  readonly code: string
  readonly hint: string | undefined

  constructor (code: string, message: string, opts: { cause?: unknown, hint?: string } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'KubeTsError'
    this.code = code
    this.hint = opts.hint
  }
}

/** Thrown by a daemon's `validateOptions` step: every problem found, reported at once. `runCommand` exits 2. */
export class InvalidOptionsError extends KubeTsError {
  readonly problems: string[]

  constructor (problems: string[]) {
    super('ERR_KUBE_TS_INVALID_OPTIONS', `invalid options:\n${problems.map(p => `  - ${p}`).join('\n')}`)
    this.name = 'InvalidOptionsError'
    this.problems = problems
  }
}

/** Thrown by a leader-elected daemon when another instance took its lease; it exits 1 and its supervisor restarts it. */
export class LeaderElectionLostError extends KubeTsError {
  constructor () {
    super('ERR_KUBE_TS_LEADER_ELECTION_LOST', 'leaderelection lost')
    this.name = 'LeaderElectionLostError'
  }
}

/** Thrown when a daemon is asked to do something it cannot do yet; `runCommand` exits 1 with the message. */
export class NotImplementedError extends KubeTsError {
  constructor (what: string) {
    super('ERR_KUBE_TS_NOT_IMPLEMENTED', `${what} is not implemented yet`)
    this.name = 'NotImplementedError'
  }
}

/** Checks `code`, not `instanceof` (cross-realm safe under jest, as ApiError's predicates). */
export const isInvalidOptionsError = (e: unknown): e is InvalidOptionsError =>
  (e as KubeTsError | undefined)?.code === 'ERR_KUBE_TS_INVALID_OPTIONS'

/** True for the rejection an aborted AbortSignal produces (DOMException AbortError or our own). */
export const isAbortError = (e: unknown): boolean => (e as Error | undefined)?.name === 'AbortError'
