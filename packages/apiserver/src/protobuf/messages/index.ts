import type { MessageTable } from '../message-table.js'
import { appsV1Messages } from './apps-v1.js'
import { authenticationV1Messages } from './authentication-v1.js'
import { authorizationV1Messages } from './authorization-v1.js'
import { autoscalingV1Messages } from './autoscaling-v1.js'
import { autoscalingV2Messages } from './autoscaling-v2.js'
import { batchV1Messages } from './batch-v1.js'
import { certificatesV1Messages } from './certificates-v1.js'
import { coreV1Messages } from './core-v1.js'
import { coreV1PodMessages } from './core-v1-pod.js'
import { coreV1VolumesMessages } from './core-v1-volumes.js'
import { metaV1Messages } from './meta-v1.js'
import { networkingV1Messages } from './networking-v1.js'
import { policyV1Messages } from './policy-v1.js'
import { rbacV1Messages } from './rbac-v1.js'
import { schedulingV1Messages } from './scheduling-v1.js'

/** Every message kube-ts can decode, keyed `<group>.<version>.<Name>`; special types live in special-types.ts. */
export const messages: MessageTable = {
  ...metaV1Messages,
  ...coreV1Messages,
  ...coreV1PodMessages,
  ...coreV1VolumesMessages,
  ...appsV1Messages,
  ...batchV1Messages,
  ...rbacV1Messages,
  ...policyV1Messages,
  ...networkingV1Messages,
  ...schedulingV1Messages,
  ...authorizationV1Messages,
  ...authenticationV1Messages,
  ...autoscalingV1Messages,
  ...autoscalingV2Messages,
  ...certificatesV1Messages
}
