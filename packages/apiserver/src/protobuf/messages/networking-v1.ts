import type { MessageTable } from '../message-table.js'

/** Wire layout of the networking/v1 messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const networkingV1Messages: MessageTable = {
  'networking.v1.HTTPIngressPath': [
    { name: 'path', number: 1, type: 'string' },
    { name: 'pathType', number: 3, type: 'string', keepZero: true, nullIfAbsent: true },
    { name: 'backend', number: 2, type: 'networking.v1.IngressBackend' }
  ],
  'networking.v1.HTTPIngressRuleValue': [
    { name: 'paths', number: 1, type: 'networking.v1.HTTPIngressPath', repeated: true, nullIfAbsent: true }
  ],
  'networking.v1.Ingress': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'networking.v1.IngressSpec' },
    { name: 'status', number: 3, type: 'networking.v1.IngressStatus' }
  ],
  'networking.v1.IngressBackend': [
    { name: 'service', number: 4, type: 'networking.v1.IngressServiceBackend' },
    { name: 'resource', number: 3, type: 'core.v1.TypedLocalObjectReference' }
  ],
  'networking.v1.IngressLoadBalancerIngress': [
    { name: 'ip', number: 1, type: 'string' },
    { name: 'hostname', number: 2, type: 'string' },
    { name: 'ports', number: 4, type: 'networking.v1.IngressPortStatus', repeated: true }
  ],
  'networking.v1.IngressLoadBalancerStatus': [
    { name: 'ingress', number: 1, type: 'networking.v1.IngressLoadBalancerIngress', repeated: true }
  ],
  'networking.v1.IngressPortStatus': [
    { name: 'port', number: 1, type: 'int32', keepZero: true },
    { name: 'protocol', number: 2, type: 'string', keepZero: true },
    { name: 'error', number: 3, type: 'string', keepZero: true }
  ],
  'networking.v1.IngressRule': [
    { name: 'host', number: 1, type: 'string' },
    { name: 'ingressRuleValue', number: 2, type: 'networking.v1.IngressRuleValue', inline: true }
  ],
  'networking.v1.IngressRuleValue': [
    { name: 'http', number: 1, type: 'networking.v1.HTTPIngressRuleValue' }
  ],
  'networking.v1.IngressServiceBackend': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'port', number: 2, type: 'networking.v1.ServiceBackendPort' }
  ],
  'networking.v1.IngressSpec': [
    { name: 'ingressClassName', number: 4, type: 'string', keepZero: true },
    { name: 'defaultBackend', number: 1, type: 'networking.v1.IngressBackend' },
    { name: 'tls', number: 2, type: 'networking.v1.IngressTLS', repeated: true },
    { name: 'rules', number: 3, type: 'networking.v1.IngressRule', repeated: true }
  ],
  'networking.v1.IngressStatus': [
    { name: 'loadBalancer', number: 1, type: 'networking.v1.IngressLoadBalancerStatus' }
  ],
  'networking.v1.IngressTLS': [
    { name: 'hosts', number: 1, type: 'string', repeated: true },
    { name: 'secretName', number: 2, type: 'string' }
  ],
  'networking.v1.ServiceBackendPort': [
    { name: 'name', number: 1, type: 'string' },
    { name: 'number', number: 2, type: 'int32' }
  ]
}
