import type { EventHandlers, IndexFunc, Lister } from '@kube-ts/client'
import type { ResourceRef } from './kube-client.js'

/**
 * What a controller needs from a shared informer. @kube-ts/client's Informer satisfies it; unit tests pass
 * FakeInformer (controller-utils/testing) seeded with objects.
 */
export interface SharedInformer<T> {
  lister: () => Lister<T>
  addEventHandler: (h: EventHandlers<T>) => void
  addIndexer: (name: string, fn: IndexFunc<T>) => void
  hasSynced: () => boolean
}

/** One informer per resource shared by every controller (client-go's SharedInformerFactory). */
export interface InformerFactory {
  forResource: <T>(desc: ResourceRef) => SharedInformer<T>
}
