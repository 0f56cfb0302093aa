import { systemClock } from './clock.js'
import type { Clock } from './clock.js'
import { Informer, waitForCacheSync } from './informer.js'
import type { ListerWatcher } from './informer.js'
import { noopLogger } from './logger.js'
import type { Logger } from './logger.js'
import type { RestClient } from './rest-client.js'
import type { ResourceDescriptor } from './resources.js'

export interface InformerScope {
  namespace?: string
  labelSelector?: string
  fieldSelector?: string
}

export interface SharedInformerFactoryOptions {
  /** Default resync for every informer (sample-controller uses 30 s); 0 = none. */
  resyncPeriodMs?: number
  clock?: Clock
  logger?: Logger
  /** Builds the list/watch source; defaults to `client.resource(desc)`. Tests inject fakes here. */
  listerWatcher?: (desc: ResourceDescriptor) => ListerWatcher<unknown>
}

/**
 * One informer per resource + namespace + selectors, shared by every controller that asks (client-go's
 * SharedInformerFactory). Ask for informers first, then `start(signal)`; later requests can be started by
 * calling `start` again.
 */
export class SharedInformerFactory {
  private readonly informers = new Map<string, Informer<unknown>>()
  private readonly runs = new Map<string, Promise<void>>()
  private readonly logger: Logger

  constructor (private readonly client: RestClient | undefined, private readonly opts: SharedInformerFactoryOptions = {}) {
    this.logger = opts.logger ?? noopLogger
    if (client === undefined && opts.listerWatcher === undefined) throw new Error('SharedInformerFactory needs a client or a listerWatcher')
  }

  forResource<T> (desc: ResourceDescriptor, scope: InformerScope = {}): Informer<T> {
    const key = [desc.group, desc.version, desc.resource, scope.namespace ?? '', scope.labelSelector ?? '', scope.fieldSelector ?? ''].join('|')
    let inf = this.informers.get(key)
    if (inf === undefined) {
      const lw = this.opts.listerWatcher?.(desc) ?? (this.client as RestClient).resource<object>(desc)
      inf = new Informer<unknown>(lw as ListerWatcher<unknown>, {
        ...scope,
        resyncPeriodMs: this.opts.resyncPeriodMs,
        clock: this.opts.clock ?? systemClock,
        logger: this.logger,
        name: desc.group === '' ? desc.resource : `${desc.resource}.${desc.group}`,
        typeMeta: desc.kind === undefined ? undefined : { apiVersion: desc.group === '' ? desc.version : `${desc.group}/${desc.version}`, kind: desc.kind }
      })
      this.informers.set(key, inf)
    }
    return inf as Informer<T>
  }

  /** Starts informers not yet running; they stop when `signal` aborts. Does not block. */
  start (signal: AbortSignal): void {
    for (const [key, inf] of this.informers) {
      if (this.runs.has(key)) continue
      this.runs.set(key, inf.run(signal).catch((err: unknown) => { this.logger.error({ err, informer: key }, 'informer stopped with an error') }))
    }
  }

  async waitForCacheSync (signal: AbortSignal): Promise<boolean> {
    return await waitForCacheSync(signal, ...this.informers.values())
  }

  /** Resolves once every started informer has returned (after the start signal aborted). */
  async shutdown (): Promise<void> {
    await Promise.all(this.runs.values())
  }
}
