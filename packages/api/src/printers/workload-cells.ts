import type { KubeObject } from '../meta/object.js'
import type { PrinterColumn } from '../schema/resource-schema.js'
import { CONTAINERS_DESCRIPTION, IMAGES_DESCRIPTION, wide } from './columns.js'
import { at, asInt, containerCells } from './format.js'

/** The wide CONTAINERS and IMAGES columns of a workload whose pod spec sits at `specPath`. */
export function containerColumns (specPath: string): PrinterColumn[] {
  return [
    wide('Containers', CONTAINERS_DESCRIPTION, (o) => containerCells(at(o, `${specPath}.containers`)).names),
    wide('Images', IMAGES_DESCRIPTION, (o) => containerCells(at(o, `${specPath}.containers`)).images)
  ]
}

/** An integer cell read from a dotted path; missing counts are 0. */
export const intAt = (path: string) => (o: KubeObject): number => asInt(at(o, path))

/** `"{status.readyReplicas}/{spec.replicas}"` (Deployment, StatefulSet); spec.replicas defaults to 1. */
export function readyOfDesired (o: KubeObject): string {
  const replicas = at(o, 'spec.replicas')
  return `${asInt(at(o, 'status.readyReplicas'))}/${replicas === undefined ? 1 : asInt(replicas)}`
}
