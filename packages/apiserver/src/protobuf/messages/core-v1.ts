import type { MessageTable } from '../message-table.js'

/** Wire layout of the core/v1 object messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const coreV1Messages: MessageTable = {
  'core.v1.ClientIPConfig': [
    { name: 'timeoutSeconds', number: 1, type: 'int32', keepZero: true }
  ],
  'core.v1.ConfigMap': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'immutable', number: 4, type: 'bool', keepZero: true },
    { name: 'data', number: 2, type: 'map<string, string>' },
    { name: 'binaryData', number: 3, type: 'map<string, bytes>' }
  ],
  'core.v1.LoadBalancerIngress': [
    { name: 'ip', number: 1, type: 'string' },
    { name: 'hostname', number: 2, type: 'string' },
    { name: 'ipMode', number: 3, type: 'string', keepZero: true },
    { name: 'ports', number: 4, type: 'core.v1.PortStatus', repeated: true }
  ],
  'core.v1.LoadBalancerStatus': [
    { name: 'ingress', number: 1, type: 'core.v1.LoadBalancerIngress', repeated: true }
  ],
  'core.v1.LocalObjectReference': [
    { name: 'name', number: 1, type: 'string' }
  ],
  'core.v1.Namespace': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'core.v1.NamespaceSpec' },
    { name: 'status', number: 3, type: 'core.v1.NamespaceStatus' }
  ],
  'core.v1.NamespaceCondition': [
    { name: 'type', number: 1, type: 'string', keepZero: true },
    { name: 'status', number: 2, type: 'string', keepZero: true },
    { name: 'lastTransitionTime', number: 4, type: 'meta.v1.Time' },
    { name: 'reason', number: 5, type: 'string' },
    { name: 'message', number: 6, type: 'string' }
  ],
  'core.v1.NamespaceSpec': [
    { name: 'finalizers', number: 1, type: 'string', repeated: true }
  ],
  'core.v1.NamespaceStatus': [
    { name: 'phase', number: 1, type: 'string' },
    { name: 'conditions', number: 2, type: 'core.v1.NamespaceCondition', repeated: true }
  ],
  'core.v1.ObjectReference': [
    { name: 'kind', number: 1, type: 'string' },
    { name: 'namespace', number: 2, type: 'string' },
    { name: 'name', number: 3, type: 'string' },
    { name: 'uid', number: 4, type: 'string' },
    { name: 'apiVersion', number: 5, type: 'string' },
    { name: 'resourceVersion', number: 6, type: 'string' },
    { name: 'fieldPath', number: 7, type: 'string' }
  ],
  'core.v1.PortStatus': [
    { name: 'port', number: 1, type: 'int32', keepZero: true },
    { name: 'protocol', number: 2, type: 'string', keepZero: true },
    { name: 'error', number: 3, type: 'string', keepZero: true }
  ],
  'core.v1.ResourceQuota': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'core.v1.ResourceQuotaSpec' },
    { name: 'status', number: 3, type: 'core.v1.ResourceQuotaStatus' }
  ],
  'core.v1.ResourceQuotaSpec': [
    { name: 'hard', number: 1, type: 'map<string, resource.Quantity>' },
    { name: 'scopes', number: 2, type: 'string', repeated: true },
    { name: 'scopeSelector', number: 3, type: 'core.v1.ScopeSelector' }
  ],
  'core.v1.ResourceQuotaStatus': [
    { name: 'hard', number: 1, type: 'map<string, resource.Quantity>' },
    { name: 'used', number: 2, type: 'map<string, resource.Quantity>' }
  ],
  'core.v1.Secret': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'immutable', number: 5, type: 'bool', keepZero: true },
    { name: 'data', number: 2, type: 'map<string, bytes>' },
    { name: 'stringData', number: 4, type: 'map<string, string>' },
    { name: 'type', number: 3, type: 'string' }
  ],
  'core.v1.Service': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'core.v1.ServiceSpec' },
    { name: 'status', number: 3, type: 'core.v1.ServiceStatus' }
  ],
  'core.v1.ServiceAccount': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'secrets', number: 2, type: 'core.v1.ObjectReference', repeated: true },
    { name: 'imagePullSecrets', number: 3, type: 'core.v1.LocalObjectReference', repeated: true },
    { name: 'automountServiceAccountToken', number: 4, type: 'bool', keepZero: true }
  ],
  'core.v1.ServicePort': [
    { name: 'name', number: 1, type: 'string' },
    { name: 'protocol', number: 2, type: 'string' },
    { name: 'appProtocol', number: 6, type: 'string', keepZero: true },
    { name: 'port', number: 3, type: 'int32', keepZero: true },
    { name: 'targetPort', number: 4, type: 'intstr.IntOrString' },
    { name: 'nodePort', number: 5, type: 'int32' }
  ],
  'core.v1.ServiceSpec': [
    { name: 'ports', number: 1, type: 'core.v1.ServicePort', repeated: true },
    { name: 'selector', number: 2, type: 'map<string, string>' },
    { name: 'clusterIP', number: 3, type: 'string' },
    { name: 'clusterIPs', number: 18, type: 'string', repeated: true },
    { name: 'type', number: 4, type: 'string' },
    { name: 'externalIPs', number: 5, type: 'string', repeated: true },
    { name: 'sessionAffinity', number: 7, type: 'string' },
    { name: 'loadBalancerIP', number: 8, type: 'string' },
    { name: 'loadBalancerSourceRanges', number: 9, type: 'string', repeated: true },
    { name: 'externalName', number: 10, type: 'string' },
    { name: 'externalTrafficPolicy', number: 11, type: 'string' },
    { name: 'healthCheckNodePort', number: 12, type: 'int32' },
    { name: 'publishNotReadyAddresses', number: 13, type: 'bool' },
    { name: 'sessionAffinityConfig', number: 14, type: 'core.v1.SessionAffinityConfig' },
    { name: 'ipFamilies', number: 19, type: 'string', repeated: true },
    { name: 'ipFamilyPolicy', number: 17, type: 'string', keepZero: true },
    { name: 'allocateLoadBalancerNodePorts', number: 20, type: 'bool', keepZero: true },
    { name: 'loadBalancerClass', number: 21, type: 'string', keepZero: true },
    { name: 'internalTrafficPolicy', number: 22, type: 'string', keepZero: true },
    { name: 'trafficDistribution', number: 23, type: 'string', keepZero: true }
  ],
  'core.v1.ServiceStatus': [
    { name: 'loadBalancer', number: 1, type: 'core.v1.LoadBalancerStatus' },
    { name: 'conditions', number: 2, type: 'meta.v1.Condition', repeated: true }
  ],
  'core.v1.SessionAffinityConfig': [
    { name: 'clientIP', number: 1, type: 'core.v1.ClientIPConfig' }
  ]
}
