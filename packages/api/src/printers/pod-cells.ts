import type { KubeObject } from '../meta/object.js'
import { parseTime, timestampSince } from './age.js'
import { asArr, asInt, asObj, asStr } from './format.js'

type Obj = Record<string, unknown>

export interface PodSummary { ready: string, status: string, restarts: string }

/** A container is restartable (a sidecar) when its spec says restartPolicy Always; only init containers can. */
function restartableInitNames (spec: Obj): Set<string> {
  return new Set(asArr(spec.initContainers).map(asObj).filter((c) => c.restartPolicy === 'Always').map((c) => asStr(c.name)))
}

function laterOf (a: Date | undefined, b: Date | undefined): Date | undefined {
  if (a === undefined) return b
  if (b === undefined) return a
  return b > a ? b : a
}

function hasCondition (status: Obj, type: string, reason?: string): boolean {
  const c = asArr(status.conditions).map(asObj).find((x) => x.type === type)
  if (c === undefined) return false
  return reason === undefined ? c.status === 'True' : c.reason === reason
}

function lastTerminated (cs: Obj): Date | undefined {
  return parseTime(asObj(asObj(cs.lastState).terminated).finishedAt)
}

function terminatedReason (t: Obj, prefix: string): string {
  const reason = asStr(t.reason)
  if (reason !== '') return prefix + reason
  const signal = asInt(t.signal)
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${asInt(t.exitCode)}`
}

/** READY, STATUS and RESTARTS of `kubectl get pods`, step by step as upstream's printPod (table-printers.md §4.1). */
export function podSummary (pod: KubeObject, now: Date): PodSummary {
  const spec = asObj(pod.spec)
  const status = asObj(pod.status)
  let reason = asStr(status.reason) !== '' ? asStr(status.reason) : asStr(status.phase)
  if (asArr(status.conditions).map(asObj).some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated'
  const sidecars = restartableInitNames(spec)
  const total = asArr(spec.containers).length + sidecars.size
  let ready = 0
  let restarts = 0
  let sidecarRestarts = 0
  let lastRestart: Date | undefined
  let lastSidecarRestart: Date | undefined
  let initializing = false
  const initStatuses = asArr(status.initContainerStatuses).map(asObj)
  const initCount = asArr(spec.initContainers).length
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i] as Obj
    const state = asObj(cs.state)
    const isSidecar = sidecars.has(asStr(cs.name))
    restarts += asInt(cs.restartCount)
    lastRestart = laterOf(lastRestart, lastTerminated(cs))
    if (isSidecar) {
      sidecarRestarts += asInt(cs.restartCount)
      lastSidecarRestart = laterOf(lastSidecarRestart, lastTerminated(cs))
    }
    const terminated = state.terminated === undefined ? undefined : asObj(state.terminated)
    const waitingReason = asStr(asObj(state.waiting).reason)
    if (terminated !== undefined && asInt(terminated.exitCode) === 0) continue
    if (isSidecar && cs.started === true) {
      if (cs.ready === true) ready++
      continue
    }
    if (terminated !== undefined) reason = terminatedReason(terminated, 'Init:')
    else if (waitingReason !== '' && waitingReason !== 'PodInitializing') reason = `Init:${waitingReason}`
    else reason = `Init:${i}/${initCount}`
    initializing = true
    break
  }
  if (!initializing || hasCondition(status, 'Initialized')) {
    restarts = sidecarRestarts
    lastRestart = lastSidecarRestart
    let hasRunning = false
    const statuses = asArr(status.containerStatuses).map(asObj)
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i] as Obj
      const state = asObj(cs.state)
      restarts += asInt(cs.restartCount)
      lastRestart = laterOf(lastRestart, lastTerminated(cs))
      const waitingReason = asStr(asObj(state.waiting).reason)
      if (waitingReason !== '') reason = waitingReason
      else if (state.terminated !== undefined) reason = terminatedReason(asObj(state.terminated), '')
      else if (cs.ready === true && state.running !== undefined) {
        hasRunning = true
        ready++
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(status, 'Ready') ? 'Running' : 'NotReady'
  }
  const deleting = pod.metadata?.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null
  if (deleting && status.reason === 'NodeLost') reason = 'Unknown'
  else if (deleting && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating'
  const restartText = restarts !== 0 && lastRestart !== undefined ? `${restarts} (${timestampSince(lastRestart, now)} ago)` : String(restarts)
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText }
}

/** The pod IP cell: `status.podIPs[0].ip`, else the v1 `podIP`, else `<none>`. */
export function podIpCell (pod: KubeObject): string {
  const status = asObj(pod.status)
  const first = asStr(asObj(asArr(status.podIPs)[0]).ip)
  if (first !== '') return first
  const ip = asStr(status.podIP)
  return ip === '' ? '<none>' : ip
}

/** `{true gates}/{gates}` where a gate counts when the first condition of its type is True; `<none>` without gates. */
export function readinessGatesCell (pod: KubeObject): string {
  const gates = asArr(asObj(pod.spec).readinessGates).map(asObj)
  if (gates.length === 0) return '<none>'
  const conditions = asArr(asObj(pod.status).conditions).map(asObj)
  const trueCount = gates.filter((g) => conditions.find((c) => c.type === g.conditionType)?.status === 'True').length
  return `${trueCount}/${gates.length}`
}

/** Row conditions of the pod printer: Completed when the pod succeeded or failed. */
export function podRowConditions (pod: KubeObject): Array<{ type: string, status: string, reason: string, message: string }> {
  const phase = asObj(pod.status).phase
  if (phase === 'Succeeded') return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }]
  if (phase === 'Failed') return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]
  return []
}
