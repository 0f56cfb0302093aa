import type { MessageTable } from '../message-table.js'

/** Wire layout of the core/v1 pod, container and scheduling messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const coreV1PodMessages: MessageTable = {
  'core.v1.Affinity': [
    { name: 'nodeAffinity', number: 1, type: 'core.v1.NodeAffinity' },
    { name: 'podAffinity', number: 2, type: 'core.v1.PodAffinity' },
    { name: 'podAntiAffinity', number: 3, type: 'core.v1.PodAntiAffinity' }
  ],
  'core.v1.AppArmorProfile': [
    { name: 'type', number: 1, type: 'string', keepZero: true },
    { name: 'localhostProfile', number: 2, type: 'string', keepZero: true }
  ],
  'core.v1.Capabilities': [
    { name: 'add', number: 1, type: 'string', repeated: true },
    { name: 'drop', number: 2, type: 'string', repeated: true }
  ],
  'core.v1.ConfigMapEnvSource': [
    { name: 'localObjectReference', number: 1, type: 'core.v1.LocalObjectReference', inline: true },
    { name: 'optional', number: 2, type: 'bool', keepZero: true }
  ],
  'core.v1.ConfigMapKeySelector': [
    { name: 'localObjectReference', number: 1, type: 'core.v1.LocalObjectReference', inline: true },
    { name: 'key', number: 2, type: 'string', keepZero: true },
    { name: 'optional', number: 3, type: 'bool', keepZero: true }
  ],
  'core.v1.Container': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'image', number: 2, type: 'string' },
    { name: 'command', number: 3, type: 'string', repeated: true },
    { name: 'args', number: 4, type: 'string', repeated: true },
    { name: 'workingDir', number: 5, type: 'string' },
    { name: 'ports', number: 6, type: 'core.v1.ContainerPort', repeated: true },
    { name: 'envFrom', number: 19, type: 'core.v1.EnvFromSource', repeated: true },
    { name: 'env', number: 7, type: 'core.v1.EnvVar', repeated: true },
    { name: 'resources', number: 8, type: 'core.v1.ResourceRequirements' },
    { name: 'resizePolicy', number: 23, type: 'core.v1.ContainerResizePolicy', repeated: true },
    { name: 'restartPolicy', number: 24, type: 'string', keepZero: true },
    { name: 'restartPolicyRules', number: 25, type: 'core.v1.ContainerRestartRule', repeated: true },
    { name: 'volumeMounts', number: 9, type: 'core.v1.VolumeMount', repeated: true },
    { name: 'volumeDevices', number: 21, type: 'core.v1.VolumeDevice', repeated: true },
    { name: 'livenessProbe', number: 10, type: 'core.v1.Probe' },
    { name: 'readinessProbe', number: 11, type: 'core.v1.Probe' },
    { name: 'startupProbe', number: 22, type: 'core.v1.Probe' },
    { name: 'lifecycle', number: 12, type: 'core.v1.Lifecycle' },
    { name: 'terminationMessagePath', number: 13, type: 'string' },
    { name: 'terminationMessagePolicy', number: 20, type: 'string' },
    { name: 'imagePullPolicy', number: 14, type: 'string' },
    { name: 'securityContext', number: 15, type: 'core.v1.SecurityContext' },
    { name: 'stdin', number: 16, type: 'bool' },
    { name: 'stdinOnce', number: 17, type: 'bool' },
    { name: 'tty', number: 18, type: 'bool' }
  ],
  'core.v1.ContainerExtendedResourceRequest': [
    { name: 'containerName', number: 1, type: 'string', keepZero: true },
    { name: 'resourceName', number: 2, type: 'string', keepZero: true },
    { name: 'requestName', number: 3, type: 'string', keepZero: true }
  ],
  'core.v1.ContainerPort': [
    { name: 'name', number: 1, type: 'string' },
    { name: 'hostPort', number: 2, type: 'int32' },
    { name: 'containerPort', number: 3, type: 'int32', keepZero: true },
    { name: 'protocol', number: 4, type: 'string' },
    { name: 'hostIP', number: 5, type: 'string' }
  ],
  'core.v1.ContainerResizePolicy': [
    { name: 'resourceName', number: 1, type: 'string', keepZero: true },
    { name: 'restartPolicy', number: 2, type: 'string', keepZero: true }
  ],
  'core.v1.ContainerRestartRule': [
    { name: 'action', number: 1, type: 'string' },
    { name: 'exitCodes', number: 2, type: 'core.v1.ContainerRestartRuleOnExitCodes' }
  ],
  'core.v1.ContainerRestartRuleOnExitCodes': [
    { name: 'operator', number: 1, type: 'string' },
    { name: 'values', number: 2, type: 'int32', repeated: true }
  ],
  'core.v1.ContainerState': [
    { name: 'waiting', number: 1, type: 'core.v1.ContainerStateWaiting' },
    { name: 'running', number: 2, type: 'core.v1.ContainerStateRunning' },
    { name: 'terminated', number: 3, type: 'core.v1.ContainerStateTerminated' }
  ],
  'core.v1.ContainerStateRunning': [
    { name: 'startedAt', number: 1, type: 'meta.v1.Time' }
  ],
  'core.v1.ContainerStateTerminated': [
    { name: 'exitCode', number: 1, type: 'int32', keepZero: true },
    { name: 'signal', number: 2, type: 'int32' },
    { name: 'reason', number: 3, type: 'string' },
    { name: 'message', number: 4, type: 'string' },
    { name: 'startedAt', number: 5, type: 'meta.v1.Time' },
    { name: 'finishedAt', number: 6, type: 'meta.v1.Time' },
    { name: 'containerID', number: 7, type: 'string' }
  ],
  'core.v1.ContainerStateWaiting': [
    { name: 'reason', number: 1, type: 'string' },
    { name: 'message', number: 2, type: 'string' }
  ],
  'core.v1.ContainerStatus': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'state', number: 2, type: 'core.v1.ContainerState' },
    { name: 'lastState', number: 3, type: 'core.v1.ContainerState' },
    { name: 'ready', number: 4, type: 'bool', keepZero: true },
    { name: 'restartCount', number: 5, type: 'int32', keepZero: true },
    { name: 'image', number: 6, type: 'string', keepZero: true },
    { name: 'imageID', number: 7, type: 'string', keepZero: true },
    { name: 'containerID', number: 8, type: 'string' },
    { name: 'started', number: 9, type: 'bool', keepZero: true },
    { name: 'allocatedResources', number: 10, type: 'map<string, resource.Quantity>' },
    { name: 'resources', number: 11, type: 'core.v1.ResourceRequirements' },
    { name: 'volumeMounts', number: 12, type: 'core.v1.VolumeMountStatus', repeated: true },
    { name: 'user', number: 13, type: 'core.v1.ContainerUser' },
    { name: 'allocatedResourcesStatus', number: 14, type: 'core.v1.ResourceStatus', repeated: true },
    { name: 'stopSignal', number: 15, type: 'string', keepZero: true }
  ],
  'core.v1.ContainerUser': [
    { name: 'linux', number: 1, type: 'core.v1.LinuxContainerUser' }
  ],
  'core.v1.EnvFromSource': [
    { name: 'prefix', number: 1, type: 'string' },
    { name: 'configMapRef', number: 2, type: 'core.v1.ConfigMapEnvSource' },
    { name: 'secretRef', number: 3, type: 'core.v1.SecretEnvSource' }
  ],
  'core.v1.EnvVar': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'value', number: 2, type: 'string' },
    { name: 'valueFrom', number: 3, type: 'core.v1.EnvVarSource' }
  ],
  'core.v1.EnvVarSource': [
    { name: 'fieldRef', number: 1, type: 'core.v1.ObjectFieldSelector' },
    { name: 'resourceFieldRef', number: 2, type: 'core.v1.ResourceFieldSelector' },
    { name: 'configMapKeyRef', number: 3, type: 'core.v1.ConfigMapKeySelector' },
    { name: 'secretKeyRef', number: 4, type: 'core.v1.SecretKeySelector' },
    { name: 'fileKeyRef', number: 5, type: 'core.v1.FileKeySelector' }
  ],
  'core.v1.EphemeralContainer': [
    { name: 'ephemeralContainerCommon', number: 1, type: 'core.v1.EphemeralContainerCommon', inline: true },
    { name: 'targetContainerName', number: 2, type: 'string' }
  ],
  'core.v1.EphemeralContainerCommon': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'image', number: 2, type: 'string' },
    { name: 'command', number: 3, type: 'string', repeated: true },
    { name: 'args', number: 4, type: 'string', repeated: true },
    { name: 'workingDir', number: 5, type: 'string' },
    { name: 'ports', number: 6, type: 'core.v1.ContainerPort', repeated: true },
    { name: 'envFrom', number: 19, type: 'core.v1.EnvFromSource', repeated: true },
    { name: 'env', number: 7, type: 'core.v1.EnvVar', repeated: true },
    { name: 'resources', number: 8, type: 'core.v1.ResourceRequirements' },
    { name: 'resizePolicy', number: 23, type: 'core.v1.ContainerResizePolicy', repeated: true },
    { name: 'restartPolicy', number: 24, type: 'string', keepZero: true },
    { name: 'restartPolicyRules', number: 25, type: 'core.v1.ContainerRestartRule', repeated: true },
    { name: 'volumeMounts', number: 9, type: 'core.v1.VolumeMount', repeated: true },
    { name: 'volumeDevices', number: 21, type: 'core.v1.VolumeDevice', repeated: true },
    { name: 'livenessProbe', number: 10, type: 'core.v1.Probe' },
    { name: 'readinessProbe', number: 11, type: 'core.v1.Probe' },
    { name: 'startupProbe', number: 22, type: 'core.v1.Probe' },
    { name: 'lifecycle', number: 12, type: 'core.v1.Lifecycle' },
    { name: 'terminationMessagePath', number: 13, type: 'string' },
    { name: 'terminationMessagePolicy', number: 20, type: 'string' },
    { name: 'imagePullPolicy', number: 14, type: 'string' },
    { name: 'securityContext', number: 15, type: 'core.v1.SecurityContext' },
    { name: 'stdin', number: 16, type: 'bool' },
    { name: 'stdinOnce', number: 17, type: 'bool' },
    { name: 'tty', number: 18, type: 'bool' }
  ],
  'core.v1.ExecAction': [
    { name: 'command', number: 1, type: 'string', repeated: true }
  ],
  'core.v1.FileKeySelector': [
    { name: 'volumeName', number: 1, type: 'string', keepZero: true },
    { name: 'path', number: 2, type: 'string', keepZero: true },
    { name: 'key', number: 3, type: 'string', keepZero: true },
    { name: 'optional', number: 4, type: 'bool', keepZero: true }
  ],
  'core.v1.GRPCAction': [
    { name: 'port', number: 1, type: 'int32', keepZero: true },
    { name: 'service', number: 2, type: 'string', keepZero: true, nullIfAbsent: true }
  ],
  'core.v1.HTTPGetAction': [
    { name: 'path', number: 1, type: 'string' },
    { name: 'port', number: 2, type: 'intstr.IntOrString' },
    { name: 'host', number: 3, type: 'string' },
    { name: 'scheme', number: 4, type: 'string' },
    { name: 'httpHeaders', number: 5, type: 'core.v1.HTTPHeader', repeated: true }
  ],
  'core.v1.HTTPHeader': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'value', number: 2, type: 'string', keepZero: true }
  ],
  'core.v1.HostAlias': [
    { name: 'ip', number: 1, type: 'string', keepZero: true },
    { name: 'hostnames', number: 2, type: 'string', repeated: true }
  ],
  'core.v1.HostIP': [
    { name: 'ip', number: 1, type: 'string', keepZero: true }
  ],
  'core.v1.Lifecycle': [
    { name: 'postStart', number: 1, type: 'core.v1.LifecycleHandler' },
    { name: 'preStop', number: 2, type: 'core.v1.LifecycleHandler' },
    { name: 'stopSignal', number: 3, type: 'string', keepZero: true }
  ],
  'core.v1.LifecycleHandler': [
    { name: 'exec', number: 1, type: 'core.v1.ExecAction' },
    { name: 'httpGet', number: 2, type: 'core.v1.HTTPGetAction' },
    { name: 'tcpSocket', number: 3, type: 'core.v1.TCPSocketAction' },
    { name: 'sleep', number: 4, type: 'core.v1.SleepAction' }
  ],
  'core.v1.LinuxContainerUser': [
    { name: 'uid', number: 1, type: 'int64', keepZero: true },
    { name: 'gid', number: 2, type: 'int64', keepZero: true },
    { name: 'supplementalGroups', number: 3, type: 'int64', repeated: true }
  ],
  'core.v1.NodeAffinity': [
    { name: 'requiredDuringSchedulingIgnoredDuringExecution', number: 1, type: 'core.v1.NodeSelector' },
    { name: 'preferredDuringSchedulingIgnoredDuringExecution', number: 2, type: 'core.v1.PreferredSchedulingTerm', repeated: true }
  ],
  'core.v1.NodeAllocatableResourceClaimStatus': [
    { name: 'resourceClaimName', number: 1, type: 'string', keepZero: true },
    { name: 'containers', number: 2, type: 'string', repeated: true },
    { name: 'resources', number: 3, type: 'map<string, resource.Quantity>', nullIfAbsent: true }
  ],
  'core.v1.NodeSelector': [
    { name: 'nodeSelectorTerms', number: 1, type: 'core.v1.NodeSelectorTerm', repeated: true, nullIfAbsent: true }
  ],
  'core.v1.NodeSelectorRequirement': [
    { name: 'key', number: 1, type: 'string', keepZero: true },
    { name: 'operator', number: 2, type: 'string', keepZero: true },
    { name: 'values', number: 3, type: 'string', repeated: true }
  ],
  'core.v1.NodeSelectorTerm': [
    { name: 'matchExpressions', number: 1, type: 'core.v1.NodeSelectorRequirement', repeated: true },
    { name: 'matchFields', number: 2, type: 'core.v1.NodeSelectorRequirement', repeated: true }
  ],
  'core.v1.Pod': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'core.v1.PodSpec' },
    { name: 'status', number: 3, type: 'core.v1.PodStatus' }
  ],
  'core.v1.PodAffinity': [
    { name: 'requiredDuringSchedulingIgnoredDuringExecution', number: 1, type: 'core.v1.PodAffinityTerm', repeated: true },
    { name: 'preferredDuringSchedulingIgnoredDuringExecution', number: 2, type: 'core.v1.WeightedPodAffinityTerm', repeated: true }
  ],
  'core.v1.PodAffinityTerm': [
    { name: 'labelSelector', number: 1, type: 'meta.v1.LabelSelector' },
    { name: 'namespaces', number: 2, type: 'string', repeated: true },
    { name: 'topologyKey', number: 3, type: 'string', keepZero: true },
    { name: 'namespaceSelector', number: 4, type: 'meta.v1.LabelSelector' },
    { name: 'matchLabelKeys', number: 5, type: 'string', repeated: true },
    { name: 'mismatchLabelKeys', number: 6, type: 'string', repeated: true }
  ],
  'core.v1.PodAntiAffinity': [
    { name: 'requiredDuringSchedulingIgnoredDuringExecution', number: 1, type: 'core.v1.PodAffinityTerm', repeated: true },
    { name: 'preferredDuringSchedulingIgnoredDuringExecution', number: 2, type: 'core.v1.WeightedPodAffinityTerm', repeated: true }
  ],
  'core.v1.PodCondition': [
    { name: 'type', number: 1, type: 'string', keepZero: true },
    { name: 'observedGeneration', number: 7, type: 'int64' },
    { name: 'status', number: 2, type: 'string', keepZero: true },
    { name: 'lastProbeTime', number: 3, type: 'meta.v1.Time' },
    { name: 'lastTransitionTime', number: 4, type: 'meta.v1.Time' },
    { name: 'reason', number: 5, type: 'string' },
    { name: 'message', number: 6, type: 'string' }
  ],
  'core.v1.PodDNSConfig': [
    { name: 'nameservers', number: 1, type: 'string', repeated: true },
    { name: 'searches', number: 2, type: 'string', repeated: true },
    { name: 'options', number: 3, type: 'core.v1.PodDNSConfigOption', repeated: true }
  ],
  'core.v1.PodDNSConfigOption': [
    { name: 'name', number: 1, type: 'string' },
    { name: 'value', number: 2, type: 'string', keepZero: true }
  ],
  'core.v1.PodExtendedResourceClaimStatus': [
    { name: 'requestMappings', number: 1, type: 'core.v1.ContainerExtendedResourceRequest', repeated: true, nullIfAbsent: true },
    { name: 'resourceClaimName', number: 2, type: 'string', keepZero: true }
  ],
  'core.v1.PodIP': [
    { name: 'ip', number: 1, type: 'string', keepZero: true }
  ],
  'core.v1.PodOS': [
    { name: 'name', number: 1, type: 'string', keepZero: true }
  ],
  'core.v1.PodReadinessGate': [
    { name: 'conditionType', number: 1, type: 'string', keepZero: true }
  ],
  'core.v1.PodResourceClaim': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'resourceClaimName', number: 3, type: 'string', keepZero: true },
    { name: 'resourceClaimTemplateName', number: 4, type: 'string', keepZero: true }
  ],
  'core.v1.PodResourceClaimStatus': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'resourceClaimName', number: 2, type: 'string', keepZero: true }
  ],
  'core.v1.PodSchedulingGate': [
    { name: 'name', number: 1, type: 'string', keepZero: true }
  ],
  'core.v1.PodSchedulingGroup': [
    { name: 'podGroupName', number: 1, type: 'string', keepZero: true }
  ],
  'core.v1.PodSecurityContext': [
    { name: 'seLinuxOptions', number: 1, type: 'core.v1.SELinuxOptions' },
    { name: 'windowsOptions', number: 8, type: 'core.v1.WindowsSecurityContextOptions' },
    { name: 'runAsUser', number: 2, type: 'int64', keepZero: true },
    { name: 'runAsGroup', number: 6, type: 'int64', keepZero: true },
    { name: 'runAsNonRoot', number: 3, type: 'bool', keepZero: true },
    { name: 'supplementalGroups', number: 4, type: 'int64', repeated: true },
    { name: 'supplementalGroupsPolicy', number: 12, type: 'string', keepZero: true },
    { name: 'fsGroup', number: 5, type: 'int64', keepZero: true },
    { name: 'sysctls', number: 7, type: 'core.v1.Sysctl', repeated: true },
    { name: 'fsGroupChangePolicy', number: 9, type: 'string', keepZero: true },
    { name: 'seccompProfile', number: 10, type: 'core.v1.SeccompProfile' },
    { name: 'appArmorProfile', number: 11, type: 'core.v1.AppArmorProfile' },
    { name: 'seLinuxChangePolicy', number: 13, type: 'string', keepZero: true }
  ],
  'core.v1.PodSpec': [
    { name: 'volumes', number: 1, type: 'core.v1.Volume', repeated: true },
    { name: 'initContainers', number: 20, type: 'core.v1.Container', repeated: true },
    { name: 'containers', number: 2, type: 'core.v1.Container', repeated: true, nullIfAbsent: true },
    { name: 'ephemeralContainers', number: 34, type: 'core.v1.EphemeralContainer', repeated: true },
    { name: 'restartPolicy', number: 3, type: 'string' },
    { name: 'terminationGracePeriodSeconds', number: 4, type: 'int64', keepZero: true },
    { name: 'activeDeadlineSeconds', number: 5, type: 'int64', keepZero: true },
    { name: 'dnsPolicy', number: 6, type: 'string' },
    { name: 'nodeSelector', number: 7, type: 'map<string, string>' },
    { name: 'serviceAccountName', number: 8, type: 'string' },
    { name: 'serviceAccount', number: 9, type: 'string' },
    { name: 'automountServiceAccountToken', number: 21, type: 'bool', keepZero: true },
    { name: 'nodeName', number: 10, type: 'string' },
    { name: 'hostNetwork', number: 11, type: 'bool' },
    { name: 'hostPID', number: 12, type: 'bool' },
    { name: 'hostIPC', number: 13, type: 'bool' },
    { name: 'shareProcessNamespace', number: 27, type: 'bool', keepZero: true },
    { name: 'securityContext', number: 14, type: 'core.v1.PodSecurityContext' },
    { name: 'imagePullSecrets', number: 15, type: 'core.v1.LocalObjectReference', repeated: true },
    { name: 'hostname', number: 16, type: 'string' },
    { name: 'subdomain', number: 17, type: 'string' },
    { name: 'affinity', number: 18, type: 'core.v1.Affinity' },
    { name: 'schedulerName', number: 19, type: 'string' },
    { name: 'tolerations', number: 22, type: 'core.v1.Toleration', repeated: true },
    { name: 'hostAliases', number: 23, type: 'core.v1.HostAlias', repeated: true },
    { name: 'priorityClassName', number: 24, type: 'string' },
    { name: 'priority', number: 25, type: 'int32', keepZero: true },
    { name: 'dnsConfig', number: 26, type: 'core.v1.PodDNSConfig' },
    { name: 'readinessGates', number: 28, type: 'core.v1.PodReadinessGate', repeated: true },
    { name: 'runtimeClassName', number: 29, type: 'string', keepZero: true },
    { name: 'enableServiceLinks', number: 30, type: 'bool', keepZero: true },
    { name: 'preemptionPolicy', number: 31, type: 'string', keepZero: true },
    { name: 'overhead', number: 32, type: 'map<string, resource.Quantity>' },
    { name: 'topologySpreadConstraints', number: 33, type: 'core.v1.TopologySpreadConstraint', repeated: true },
    { name: 'setHostnameAsFQDN', number: 35, type: 'bool', keepZero: true },
    { name: 'os', number: 36, type: 'core.v1.PodOS' },
    { name: 'hostUsers', number: 37, type: 'bool', keepZero: true },
    { name: 'schedulingGates', number: 38, type: 'core.v1.PodSchedulingGate', repeated: true },
    { name: 'resourceClaims', number: 39, type: 'core.v1.PodResourceClaim', repeated: true },
    { name: 'resources', number: 40, type: 'core.v1.ResourceRequirements' },
    { name: 'hostnameOverride', number: 41, type: 'string', keepZero: true },
    { name: 'schedulingGroup', number: 43, type: 'core.v1.PodSchedulingGroup' }
  ],
  'core.v1.PodStatus': [
    { name: 'observedGeneration', number: 17, type: 'int64' },
    { name: 'phase', number: 1, type: 'string' },
    { name: 'conditions', number: 2, type: 'core.v1.PodCondition', repeated: true },
    { name: 'message', number: 3, type: 'string' },
    { name: 'reason', number: 4, type: 'string' },
    { name: 'nominatedNodeName', number: 11, type: 'string' },
    { name: 'hostIP', number: 5, type: 'string' },
    { name: 'hostIPs', number: 16, type: 'core.v1.HostIP', repeated: true },
    { name: 'podIP', number: 6, type: 'string' },
    { name: 'podIPs', number: 12, type: 'core.v1.PodIP', repeated: true },
    { name: 'startTime', number: 7, type: 'meta.v1.Time' },
    { name: 'initContainerStatuses', number: 10, type: 'core.v1.ContainerStatus', repeated: true },
    { name: 'containerStatuses', number: 8, type: 'core.v1.ContainerStatus', repeated: true },
    { name: 'qosClass', number: 9, type: 'string' },
    { name: 'ephemeralContainerStatuses', number: 13, type: 'core.v1.ContainerStatus', repeated: true },
    { name: 'resize', number: 14, type: 'string' },
    { name: 'resourceClaimStatuses', number: 15, type: 'core.v1.PodResourceClaimStatus', repeated: true },
    { name: 'extendedResourceClaimStatus', number: 18, type: 'core.v1.PodExtendedResourceClaimStatus' },
    { name: 'allocatedResources', number: 19, type: 'map<string, resource.Quantity>' },
    { name: 'resources', number: 20, type: 'core.v1.ResourceRequirements' },
    { name: 'nodeAllocatableResourceClaimStatuses', number: 21, type: 'core.v1.NodeAllocatableResourceClaimStatus', repeated: true }
  ],
  'core.v1.PodTemplateSpec': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'core.v1.PodSpec' }
  ],
  'core.v1.PreferredSchedulingTerm': [
    { name: 'weight', number: 1, type: 'int32', keepZero: true },
    { name: 'preference', number: 2, type: 'core.v1.NodeSelectorTerm' }
  ],
  'core.v1.Probe': [
    { name: 'handler', number: 1, type: 'core.v1.ProbeHandler', inline: true },
    { name: 'initialDelaySeconds', number: 2, type: 'int32' },
    { name: 'timeoutSeconds', number: 3, type: 'int32' },
    { name: 'periodSeconds', number: 4, type: 'int32' },
    { name: 'successThreshold', number: 5, type: 'int32' },
    { name: 'failureThreshold', number: 6, type: 'int32' },
    { name: 'terminationGracePeriodSeconds', number: 7, type: 'int64', keepZero: true }
  ],
  'core.v1.ProbeHandler': [
    { name: 'exec', number: 1, type: 'core.v1.ExecAction' },
    { name: 'httpGet', number: 2, type: 'core.v1.HTTPGetAction' },
    { name: 'tcpSocket', number: 3, type: 'core.v1.TCPSocketAction' },
    { name: 'grpc', number: 4, type: 'core.v1.GRPCAction' }
  ],
  'core.v1.ResourceClaim': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'request', number: 2, type: 'string' }
  ],
  'core.v1.ResourceHealth': [
    { name: 'resourceID', number: 1, type: 'string', keepZero: true },
    { name: 'health', number: 2, type: 'string' },
    { name: 'message', number: 6, type: 'string', keepZero: true }
  ],
  'core.v1.ResourceRequirements': [
    { name: 'limits', number: 1, type: 'map<string, resource.Quantity>' },
    { name: 'requests', number: 2, type: 'map<string, resource.Quantity>' },
    { name: 'claims', number: 3, type: 'core.v1.ResourceClaim', repeated: true }
  ],
  'core.v1.ResourceStatus': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'resources', number: 2, type: 'core.v1.ResourceHealth', repeated: true }
  ],
  'core.v1.SELinuxOptions': [
    { name: 'user', number: 1, type: 'string' },
    { name: 'role', number: 2, type: 'string' },
    { name: 'type', number: 3, type: 'string' },
    { name: 'level', number: 4, type: 'string' }
  ],
  'core.v1.ScopeSelector': [
    { name: 'matchExpressions', number: 1, type: 'core.v1.ScopedResourceSelectorRequirement', repeated: true }
  ],
  'core.v1.ScopedResourceSelectorRequirement': [
    { name: 'scopeName', number: 1, type: 'string', keepZero: true },
    { name: 'operator', number: 2, type: 'string', keepZero: true },
    { name: 'values', number: 3, type: 'string', repeated: true }
  ],
  'core.v1.SeccompProfile': [
    { name: 'type', number: 1, type: 'string', keepZero: true },
    { name: 'localhostProfile', number: 2, type: 'string', keepZero: true }
  ],
  'core.v1.SecretEnvSource': [
    { name: 'localObjectReference', number: 1, type: 'core.v1.LocalObjectReference', inline: true },
    { name: 'optional', number: 2, type: 'bool', keepZero: true }
  ],
  'core.v1.SecretKeySelector': [
    { name: 'localObjectReference', number: 1, type: 'core.v1.LocalObjectReference', inline: true },
    { name: 'key', number: 2, type: 'string', keepZero: true },
    { name: 'optional', number: 3, type: 'bool', keepZero: true }
  ],
  'core.v1.SecurityContext': [
    { name: 'capabilities', number: 1, type: 'core.v1.Capabilities' },
    { name: 'privileged', number: 2, type: 'bool', keepZero: true },
    { name: 'seLinuxOptions', number: 3, type: 'core.v1.SELinuxOptions' },
    { name: 'windowsOptions', number: 10, type: 'core.v1.WindowsSecurityContextOptions' },
    { name: 'runAsUser', number: 4, type: 'int64', keepZero: true },
    { name: 'runAsGroup', number: 8, type: 'int64', keepZero: true },
    { name: 'runAsNonRoot', number: 5, type: 'bool', keepZero: true },
    { name: 'readOnlyRootFilesystem', number: 6, type: 'bool', keepZero: true },
    { name: 'allowPrivilegeEscalation', number: 7, type: 'bool', keepZero: true },
    { name: 'procMount', number: 9, type: 'string', keepZero: true },
    { name: 'seccompProfile', number: 11, type: 'core.v1.SeccompProfile' },
    { name: 'appArmorProfile', number: 12, type: 'core.v1.AppArmorProfile' }
  ],
  'core.v1.SleepAction': [
    { name: 'seconds', number: 1, type: 'int64', keepZero: true }
  ],
  'core.v1.Sysctl': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'value', number: 2, type: 'string', keepZero: true }
  ],
  'core.v1.TCPSocketAction': [
    { name: 'port', number: 1, type: 'intstr.IntOrString' },
    { name: 'host', number: 2, type: 'string' }
  ],
  'core.v1.Toleration': [
    { name: 'key', number: 1, type: 'string' },
    { name: 'operator', number: 2, type: 'string' },
    { name: 'value', number: 3, type: 'string' },
    { name: 'effect', number: 4, type: 'string' },
    { name: 'tolerationSeconds', number: 5, type: 'int64', keepZero: true }
  ],
  'core.v1.TopologySpreadConstraint': [
    { name: 'maxSkew', number: 1, type: 'int32', keepZero: true },
    { name: 'topologyKey', number: 2, type: 'string', keepZero: true },
    { name: 'whenUnsatisfiable', number: 3, type: 'string', keepZero: true },
    { name: 'labelSelector', number: 4, type: 'meta.v1.LabelSelector' },
    { name: 'minDomains', number: 5, type: 'int32', keepZero: true },
    { name: 'nodeAffinityPolicy', number: 6, type: 'string', keepZero: true },
    { name: 'nodeTaintsPolicy', number: 7, type: 'string', keepZero: true },
    { name: 'matchLabelKeys', number: 8, type: 'string', repeated: true }
  ],
  'core.v1.WeightedPodAffinityTerm': [
    { name: 'weight', number: 1, type: 'int32', keepZero: true },
    { name: 'podAffinityTerm', number: 2, type: 'core.v1.PodAffinityTerm' }
  ],
  'core.v1.WindowsSecurityContextOptions': [
    { name: 'gmsaCredentialSpecName', number: 1, type: 'string', keepZero: true },
    { name: 'gmsaCredentialSpec', number: 2, type: 'string', keepZero: true },
    { name: 'runAsUserName', number: 3, type: 'string', keepZero: true },
    { name: 'hostProcess', number: 4, type: 'bool', keepZero: true }
  ]
}
