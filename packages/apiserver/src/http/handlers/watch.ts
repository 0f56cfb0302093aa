import { errInternal } from '@kube-ts/api'
import type { WatchEvent, WatchQuery } from '../../registry/rest.js'
import { asApiError } from '../errors.js'
import { parseWatchQuery } from '../query.js'
import { negotiateTable, objectToTable } from '../table.js'
import type { HandlerContext } from './context.js'
import { watchEventLine } from '../watch-frame.js'
import { watchWriter, type WatchWriter } from '../watch-writer.js'

/** A registry error arriving this soon after the watch opens is answered as a normal HTTP error (400, 500...). */
const openGraceMs = 50

type Step = { kind: 'event', result: IteratorResult<WatchEvent> } | { kind: 'error', err: unknown }

function nextStep (it: AsyncIterator<WatchEvent>): Promise<Step> {
  return it.next().then((result): Step => ({ kind: 'event', result }), (err: unknown): Step => ({ kind: 'error', err }))
}

/** Legacy `/watch/.../<name>` watches one object: upstream turns the name into a field selector. */
function withNameSelector (query: WatchQuery, name: string): WatchQuery {
  if (name === '') return query
  const byName = `metadata.name=${name}`
  return { ...query, fieldSelector: query.fieldSelector === undefined ? byName : `${query.fieldSelector},${byName}` }
}

/**
 * A watch over HTTP: newline-delimited JSON events on a chunked 200 response, each written (and so flushed) as it
 * arrives. Ends when the client goes away, when timeoutSeconds (or the server's randomized default) passes, or when
 * the registry stream ends; errors after the stream opened become an ERROR event carrying the Status.
 */
export async function handleWatch (ctx: HandlerContext): Promise<void> {
  const query = withNameSelector(parseWatchQuery(ctx.q), ctx.info.name)
  const table = negotiateTable(ctx.req.headers.accept, ctx.q)
  const { res, req } = ctx
  const controller = new AbortController()
  // a plain flag: reading `signal.aborted` per event and watcher showed up in profiles
  let ended = false
  const abort = (): void => { ended = true; controller.abort() }
  res.on('close', abort)
  const min = ctx.limits.minRequestTimeoutMs
  const timeoutMs = query.timeoutSeconds !== undefined ? query.timeoutSeconds * 1000 : min + Math.floor(Math.random() * min)
  const timer = setTimeout(abort, timeoutMs)
  const gaugeLabels = { ...ctx.labels }
  delete gaugeLabels.code
  delete gaugeLabels.dry_run
  ctx.metrics.longRunning.inc(gaugeLabels)
  let it: AsyncIterator<WatchEvent> | undefined
  let out: WatchWriter | undefined
  try {
    let pending: Promise<Step>
    try {
      it = ctx.store.watch(ctx.scope, query, controller.signal)[Symbol.asyncIterator]()
      pending = nextStep(it)
    } catch (err) {
      pending = Promise.resolve({ kind: 'error', err })
    }
    // give the registry a moment to refuse the watch outright, so such refusals keep their HTTP status
    const early = await Promise.race([pending, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), openGraceMs))])
    // a 410 stays in-stream like upstream's etcd watcher reports it; other refusals (bad selector...) are plain errors
    if (early?.kind === 'error' && asApiError(early.err)?.code !== 410) throw early.err
    res.statusCode = 200
    res.setHeader('Content-Type', 'application/json')
    res.setHeader('Cache-Control', 'no-cache, private')
    res.flushHeaders()
    req.socket?.setNoDelay(true)
    out = watchWriter(res)
    let first = true
    // the registry stream ends by itself once `controller` aborts (client gone, timeout), so the loop needs no
    // per-event abort listener: with a thousand watchers those listeners were a large share of the fan-out cost
    const iter = it as AsyncIterator<WatchEvent>
    const firstStep = await pending
    if (firstStep.kind === 'error') {
      if (!ended) writeErrorEvent(ctx, out, firstStep.err)
      return
    }
    for (let result = firstStep.result; !ended && result.done !== true;) {
      const ev = result.value
      let object: unknown = ev.object
      if (table !== undefined && ev.type !== 'ERROR' && ev.type !== 'BOOKMARK') {
        object = objectToTable(ctx.schema, ev.object, table, { noHeaders: !first, now: ctx.now() })
        first = false
      }
      // table rows are per watcher (headers only on the first); plain events share one encoded frame
      const line = object === ev.object ? watchEventLine(ev.type, object) : `${JSON.stringify({ type: ev.type, object })}\n`
      if (!out.write(line)) {
        await out.drained(controller.signal)
      }
      try {
        result = await iter.next()
      } catch (err) {
        if (!ended) writeErrorEvent(ctx, out, err)
        break
      }
    }
  } finally {
    clearTimeout(timer)
    res.off('close', abort)
    controller.abort()
    ctx.metrics.longRunning.dec(gaugeLabels)
    it?.return?.().catch(() => undefined)
    out?.flush()
    if (res.headersSent && !res.writableEnded) res.end()
  }
}

function writeErrorEvent (ctx: HandlerContext, out: WatchWriter, err: unknown): void {
  const api = asApiError(err)
  if (api === undefined) ctx.logger.error({ err }, 'watch failed')
  const status = (api ?? errInternal('the watch ended unexpectedly')).toStatus()
  out.write(`${JSON.stringify({ type: 'ERROR', object: status })}\n`)
}
