import type { MessageTable } from '../message-table.js'

/** Wire layout of the core/v1 volume messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const coreV1VolumesMessages: MessageTable = {
  'core.v1.AWSElasticBlockStoreVolumeSource': [
    { name: 'volumeID', number: 1, type: 'string', keepZero: true },
    { name: 'fsType', number: 2, type: 'string' },
    { name: 'partition', number: 3, type: 'int32' },
    { name: 'readOnly', number: 4, type: 'bool' }
  ],
  'core.v1.AzureDiskVolumeSource': [
    { name: 'diskName', number: 1, type: 'string', keepZero: true },
    { name: 'diskURI', number: 2, type: 'string', keepZero: true },
    { name: 'cachingMode', number: 3, type: 'string', keepZero: true },
    { name: 'fsType', number: 4, type: 'string', keepZero: true },
    { name: 'readOnly', number: 5, type: 'bool', keepZero: true },
    { name: 'kind', number: 6, type: 'string', keepZero: true }
  ],
  'core.v1.AzureFileVolumeSource': [
    { name: 'secretName', number: 1, type: 'string', keepZero: true },
    { name: 'shareName', number: 2, type: 'string', keepZero: true },
    { name: 'readOnly', number: 3, type: 'bool' }
  ],
  'core.v1.CSIVolumeSource': [
    { name: 'driver', number: 1, type: 'string', keepZero: true },
    { name: 'readOnly', number: 2, type: 'bool', keepZero: true },
    { name: 'fsType', number: 3, type: 'string', keepZero: true },
    { name: 'volumeAttributes', number: 4, type: 'map<string, string>' },
    { name: 'nodePublishSecretRef', number: 5, type: 'core.v1.LocalObjectReference' }
  ],
  'core.v1.CephFSVolumeSource': [
    { name: 'monitors', number: 1, type: 'string', repeated: true, nullIfAbsent: true },
    { name: 'path', number: 2, type: 'string' },
    { name: 'user', number: 3, type: 'string' },
    { name: 'secretFile', number: 4, type: 'string' },
    { name: 'secretRef', number: 5, type: 'core.v1.LocalObjectReference' },
    { name: 'readOnly', number: 6, type: 'bool' }
  ],
  'core.v1.CinderVolumeSource': [
    { name: 'volumeID', number: 1, type: 'string', keepZero: true },
    { name: 'fsType', number: 2, type: 'string' },
    { name: 'readOnly', number: 3, type: 'bool' },
    { name: 'secretRef', number: 4, type: 'core.v1.LocalObjectReference' }
  ],
  'core.v1.ClusterTrustBundleProjection': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'signerName', number: 2, type: 'string', keepZero: true },
    { name: 'labelSelector', number: 3, type: 'meta.v1.LabelSelector' },
    { name: 'optional', number: 5, type: 'bool', keepZero: true },
    { name: 'path', number: 4, type: 'string', keepZero: true }
  ],
  'core.v1.ConfigMapProjection': [
    { name: 'localObjectReference', number: 1, type: 'core.v1.LocalObjectReference', inline: true },
    { name: 'items', number: 2, type: 'core.v1.KeyToPath', repeated: true },
    { name: 'optional', number: 4, type: 'bool', keepZero: true }
  ],
  'core.v1.ConfigMapVolumeSource': [
    { name: 'localObjectReference', number: 1, type: 'core.v1.LocalObjectReference', inline: true },
    { name: 'items', number: 2, type: 'core.v1.KeyToPath', repeated: true },
    { name: 'defaultMode', number: 3, type: 'int32', keepZero: true },
    { name: 'optional', number: 4, type: 'bool', keepZero: true }
  ],
  'core.v1.DownwardAPIProjection': [
    { name: 'items', number: 1, type: 'core.v1.DownwardAPIVolumeFile', repeated: true }
  ],
  'core.v1.DownwardAPIVolumeFile': [
    { name: 'path', number: 1, type: 'string', keepZero: true },
    { name: 'fieldRef', number: 2, type: 'core.v1.ObjectFieldSelector' },
    { name: 'resourceFieldRef', number: 3, type: 'core.v1.ResourceFieldSelector' },
    { name: 'mode', number: 4, type: 'int32', keepZero: true }
  ],
  'core.v1.DownwardAPIVolumeSource': [
    { name: 'items', number: 1, type: 'core.v1.DownwardAPIVolumeFile', repeated: true },
    { name: 'defaultMode', number: 2, type: 'int32', keepZero: true }
  ],
  'core.v1.EmptyDirVolumeSource': [
    { name: 'medium', number: 1, type: 'string' },
    { name: 'sizeLimit', number: 2, type: 'resource.Quantity' }
  ],
  'core.v1.EphemeralVolumeSource': [
    { name: 'volumeClaimTemplate', number: 1, type: 'core.v1.PersistentVolumeClaimTemplate' }
  ],
  'core.v1.FCVolumeSource': [
    { name: 'targetWWNs', number: 1, type: 'string', repeated: true },
    { name: 'lun', number: 2, type: 'int32', keepZero: true },
    { name: 'fsType', number: 3, type: 'string' },
    { name: 'readOnly', number: 4, type: 'bool' },
    { name: 'wwids', number: 5, type: 'string', repeated: true }
  ],
  'core.v1.FlexVolumeSource': [
    { name: 'driver', number: 1, type: 'string', keepZero: true },
    { name: 'fsType', number: 2, type: 'string' },
    { name: 'secretRef', number: 3, type: 'core.v1.LocalObjectReference' },
    { name: 'readOnly', number: 4, type: 'bool' },
    { name: 'options', number: 5, type: 'map<string, string>' }
  ],
  'core.v1.FlockerVolumeSource': [
    { name: 'datasetName', number: 1, type: 'string' },
    { name: 'datasetUUID', number: 2, type: 'string' }
  ],
  'core.v1.GCEPersistentDiskVolumeSource': [
    { name: 'pdName', number: 1, type: 'string', keepZero: true },
    { name: 'fsType', number: 2, type: 'string' },
    { name: 'partition', number: 3, type: 'int32' },
    { name: 'readOnly', number: 4, type: 'bool' }
  ],
  'core.v1.GitRepoVolumeSource': [
    { name: 'repository', number: 1, type: 'string', keepZero: true },
    { name: 'revision', number: 2, type: 'string' },
    { name: 'directory', number: 3, type: 'string' }
  ],
  'core.v1.GlusterfsVolumeSource': [
    { name: 'endpoints', number: 1, type: 'string', keepZero: true },
    { name: 'path', number: 2, type: 'string', keepZero: true },
    { name: 'readOnly', number: 3, type: 'bool' }
  ],
  'core.v1.HostPathVolumeSource': [
    { name: 'path', number: 1, type: 'string', keepZero: true },
    { name: 'type', number: 2, type: 'string', keepZero: true }
  ],
  'core.v1.ISCSIVolumeSource': [
    { name: 'targetPortal', number: 1, type: 'string', keepZero: true },
    { name: 'iqn', number: 2, type: 'string', keepZero: true },
    { name: 'lun', number: 3, type: 'int32', keepZero: true },
    { name: 'iscsiInterface', number: 4, type: 'string' },
    { name: 'fsType', number: 5, type: 'string' },
    { name: 'readOnly', number: 6, type: 'bool' },
    { name: 'portals', number: 7, type: 'string', repeated: true },
    { name: 'chapAuthDiscovery', number: 8, type: 'bool' },
    { name: 'chapAuthSession', number: 11, type: 'bool' },
    { name: 'secretRef', number: 10, type: 'core.v1.LocalObjectReference' },
    { name: 'initiatorName', number: 12, type: 'string', keepZero: true }
  ],
  'core.v1.ImageVolumeSource': [
    { name: 'reference', number: 1, type: 'string' },
    { name: 'pullPolicy', number: 2, type: 'string' }
  ],
  'core.v1.ImageVolumeStatus': [
    { name: 'imageRef', number: 1, type: 'string' }
  ],
  'core.v1.KeyToPath': [
    { name: 'key', number: 1, type: 'string', keepZero: true },
    { name: 'path', number: 2, type: 'string', keepZero: true },
    { name: 'mode', number: 3, type: 'int32', keepZero: true }
  ],
  'core.v1.NFSVolumeSource': [
    { name: 'server', number: 1, type: 'string', keepZero: true },
    { name: 'path', number: 2, type: 'string', keepZero: true },
    { name: 'readOnly', number: 3, type: 'bool' }
  ],
  'core.v1.ObjectFieldSelector': [
    { name: 'apiVersion', number: 1, type: 'string' },
    { name: 'fieldPath', number: 2, type: 'string', keepZero: true }
  ],
  'core.v1.PersistentVolumeClaimSpec': [
    { name: 'accessModes', number: 1, type: 'string', repeated: true },
    { name: 'selector', number: 4, type: 'meta.v1.LabelSelector' },
    { name: 'resources', number: 2, type: 'core.v1.VolumeResourceRequirements' },
    { name: 'volumeName', number: 3, type: 'string' },
    { name: 'storageClassName', number: 5, type: 'string', keepZero: true },
    { name: 'volumeMode', number: 6, type: 'string', keepZero: true },
    { name: 'dataSource', number: 7, type: 'core.v1.TypedLocalObjectReference' },
    { name: 'dataSourceRef', number: 8, type: 'core.v1.TypedObjectReference' },
    { name: 'volumeAttributesClassName', number: 9, type: 'string', keepZero: true }
  ],
  'core.v1.PersistentVolumeClaimTemplate': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'core.v1.PersistentVolumeClaimSpec' }
  ],
  'core.v1.PersistentVolumeClaimVolumeSource': [
    { name: 'claimName', number: 1, type: 'string', keepZero: true },
    { name: 'readOnly', number: 2, type: 'bool' }
  ],
  'core.v1.PhotonPersistentDiskVolumeSource': [
    { name: 'pdID', number: 1, type: 'string', keepZero: true },
    { name: 'fsType', number: 2, type: 'string' }
  ],
  'core.v1.PodCertificateProjection': [
    { name: 'signerName', number: 1, type: 'string' },
    { name: 'keyType', number: 2, type: 'string' },
    { name: 'maxExpirationSeconds', number: 3, type: 'int32', keepZero: true },
    { name: 'credentialBundlePath', number: 4, type: 'string' },
    { name: 'keyPath', number: 5, type: 'string' },
    { name: 'certificateChainPath', number: 6, type: 'string' },
    { name: 'userAnnotations', number: 7, type: 'map<string, string>' }
  ],
  'core.v1.PortworxVolumeSource': [
    { name: 'volumeID', number: 1, type: 'string', keepZero: true },
    { name: 'fsType', number: 2, type: 'string' },
    { name: 'readOnly', number: 3, type: 'bool' }
  ],
  'core.v1.ProjectedVolumeSource': [
    { name: 'sources', number: 1, type: 'core.v1.VolumeProjection', repeated: true, nullIfAbsent: true },
    { name: 'defaultMode', number: 2, type: 'int32', keepZero: true }
  ],
  'core.v1.QuobyteVolumeSource': [
    { name: 'registry', number: 1, type: 'string', keepZero: true },
    { name: 'volume', number: 2, type: 'string', keepZero: true },
    { name: 'readOnly', number: 3, type: 'bool' },
    { name: 'user', number: 4, type: 'string' },
    { name: 'group', number: 5, type: 'string' },
    { name: 'tenant', number: 6, type: 'string' }
  ],
  'core.v1.RBDVolumeSource': [
    { name: 'monitors', number: 1, type: 'string', repeated: true, nullIfAbsent: true },
    { name: 'image', number: 2, type: 'string', keepZero: true },
    { name: 'fsType', number: 3, type: 'string' },
    { name: 'pool', number: 4, type: 'string' },
    { name: 'user', number: 5, type: 'string' },
    { name: 'keyring', number: 6, type: 'string' },
    { name: 'secretRef', number: 7, type: 'core.v1.LocalObjectReference' },
    { name: 'readOnly', number: 8, type: 'bool' }
  ],
  'core.v1.ResourceFieldSelector': [
    { name: 'containerName', number: 1, type: 'string' },
    { name: 'resource', number: 2, type: 'string', keepZero: true },
    { name: 'divisor', number: 3, type: 'resource.Quantity' }
  ],
  'core.v1.ScaleIOVolumeSource': [
    { name: 'gateway', number: 1, type: 'string', keepZero: true },
    { name: 'system', number: 2, type: 'string', keepZero: true },
    { name: 'secretRef', number: 3, type: 'core.v1.LocalObjectReference', nullIfAbsent: true },
    { name: 'sslEnabled', number: 4, type: 'bool' },
    { name: 'protectionDomain', number: 5, type: 'string' },
    { name: 'storagePool', number: 6, type: 'string' },
    { name: 'storageMode', number: 7, type: 'string' },
    { name: 'volumeName', number: 8, type: 'string' },
    { name: 'fsType', number: 9, type: 'string' },
    { name: 'readOnly', number: 10, type: 'bool' }
  ],
  'core.v1.SecretProjection': [
    { name: 'localObjectReference', number: 1, type: 'core.v1.LocalObjectReference', inline: true },
    { name: 'items', number: 2, type: 'core.v1.KeyToPath', repeated: true },
    { name: 'optional', number: 4, type: 'bool', keepZero: true }
  ],
  'core.v1.SecretVolumeSource': [
    { name: 'secretName', number: 1, type: 'string' },
    { name: 'items', number: 2, type: 'core.v1.KeyToPath', repeated: true },
    { name: 'defaultMode', number: 3, type: 'int32', keepZero: true },
    { name: 'optional', number: 4, type: 'bool', keepZero: true }
  ],
  'core.v1.ServiceAccountTokenProjection': [
    { name: 'audience', number: 1, type: 'string' },
    { name: 'expirationSeconds', number: 2, type: 'int64', keepZero: true },
    { name: 'path', number: 3, type: 'string', keepZero: true }
  ],
  'core.v1.StorageOSVolumeSource': [
    { name: 'volumeName', number: 1, type: 'string' },
    { name: 'volumeNamespace', number: 2, type: 'string' },
    { name: 'fsType', number: 3, type: 'string' },
    { name: 'readOnly', number: 4, type: 'bool' },
    { name: 'secretRef', number: 5, type: 'core.v1.LocalObjectReference' }
  ],
  'core.v1.TypedLocalObjectReference': [
    { name: 'apiGroup', number: 1, type: 'string', keepZero: true, nullIfAbsent: true },
    { name: 'kind', number: 2, type: 'string', keepZero: true },
    { name: 'name', number: 3, type: 'string', keepZero: true }
  ],
  'core.v1.TypedObjectReference': [
    { name: 'apiGroup', number: 1, type: 'string', keepZero: true, nullIfAbsent: true },
    { name: 'kind', number: 2, type: 'string', keepZero: true },
    { name: 'name', number: 3, type: 'string', keepZero: true },
    { name: 'namespace', number: 4, type: 'string', keepZero: true }
  ],
  'core.v1.Volume': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'volumeSource', number: 2, type: 'core.v1.VolumeSource', inline: true }
  ],
  'core.v1.VolumeDevice': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'devicePath', number: 2, type: 'string', keepZero: true }
  ],
  'core.v1.VolumeMount': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'readOnly', number: 2, type: 'bool' },
    { name: 'recursiveReadOnly', number: 7, type: 'string', keepZero: true },
    { name: 'mountPath', number: 3, type: 'string', keepZero: true },
    { name: 'subPath', number: 4, type: 'string' },
    { name: 'mountPropagation', number: 5, type: 'string', keepZero: true },
    { name: 'subPathExpr', number: 6, type: 'string' }
  ],
  'core.v1.VolumeMountStatus': [
    { name: 'name', number: 1, type: 'string', keepZero: true },
    { name: 'mountPath', number: 2, type: 'string', keepZero: true },
    { name: 'readOnly', number: 3, type: 'bool' },
    { name: 'recursiveReadOnly', number: 4, type: 'string', keepZero: true },
    { name: 'volumeStatus', number: 5, type: 'core.v1.VolumeStatus' }
  ],
  'core.v1.VolumeProjection': [
    { name: 'secret', number: 1, type: 'core.v1.SecretProjection' },
    { name: 'downwardAPI', number: 2, type: 'core.v1.DownwardAPIProjection' },
    { name: 'configMap', number: 3, type: 'core.v1.ConfigMapProjection' },
    { name: 'serviceAccountToken', number: 4, type: 'core.v1.ServiceAccountTokenProjection' },
    { name: 'clusterTrustBundle', number: 5, type: 'core.v1.ClusterTrustBundleProjection' },
    { name: 'podCertificate', number: 6, type: 'core.v1.PodCertificateProjection' }
  ],
  'core.v1.VolumeResourceRequirements': [
    { name: 'limits', number: 1, type: 'map<string, resource.Quantity>' },
    { name: 'requests', number: 2, type: 'map<string, resource.Quantity>' }
  ],
  'core.v1.VolumeSource': [
    { name: 'hostPath', number: 1, type: 'core.v1.HostPathVolumeSource' },
    { name: 'emptyDir', number: 2, type: 'core.v1.EmptyDirVolumeSource' },
    { name: 'gcePersistentDisk', number: 3, type: 'core.v1.GCEPersistentDiskVolumeSource' },
    { name: 'awsElasticBlockStore', number: 4, type: 'core.v1.AWSElasticBlockStoreVolumeSource' },
    { name: 'gitRepo', number: 5, type: 'core.v1.GitRepoVolumeSource' },
    { name: 'secret', number: 6, type: 'core.v1.SecretVolumeSource' },
    { name: 'nfs', number: 7, type: 'core.v1.NFSVolumeSource' },
    { name: 'iscsi', number: 8, type: 'core.v1.ISCSIVolumeSource' },
    { name: 'glusterfs', number: 9, type: 'core.v1.GlusterfsVolumeSource' },
    { name: 'persistentVolumeClaim', number: 10, type: 'core.v1.PersistentVolumeClaimVolumeSource' },
    { name: 'rbd', number: 11, type: 'core.v1.RBDVolumeSource' },
    { name: 'flexVolume', number: 12, type: 'core.v1.FlexVolumeSource' },
    { name: 'cinder', number: 13, type: 'core.v1.CinderVolumeSource' },
    { name: 'cephfs', number: 14, type: 'core.v1.CephFSVolumeSource' },
    { name: 'flocker', number: 15, type: 'core.v1.FlockerVolumeSource' },
    { name: 'downwardAPI', number: 16, type: 'core.v1.DownwardAPIVolumeSource' },
    { name: 'fc', number: 17, type: 'core.v1.FCVolumeSource' },
    { name: 'azureFile', number: 18, type: 'core.v1.AzureFileVolumeSource' },
    { name: 'configMap', number: 19, type: 'core.v1.ConfigMapVolumeSource' },
    { name: 'vsphereVolume', number: 20, type: 'core.v1.VsphereVirtualDiskVolumeSource' },
    { name: 'quobyte', number: 21, type: 'core.v1.QuobyteVolumeSource' },
    { name: 'azureDisk', number: 22, type: 'core.v1.AzureDiskVolumeSource' },
    { name: 'photonPersistentDisk', number: 23, type: 'core.v1.PhotonPersistentDiskVolumeSource' },
    { name: 'projected', number: 26, type: 'core.v1.ProjectedVolumeSource' },
    { name: 'portworxVolume', number: 24, type: 'core.v1.PortworxVolumeSource' },
    { name: 'scaleIO', number: 25, type: 'core.v1.ScaleIOVolumeSource' },
    { name: 'storageos', number: 27, type: 'core.v1.StorageOSVolumeSource' },
    { name: 'csi', number: 28, type: 'core.v1.CSIVolumeSource' },
    { name: 'ephemeral', number: 29, type: 'core.v1.EphemeralVolumeSource' },
    { name: 'image', number: 30, type: 'core.v1.ImageVolumeSource' }
  ],
  'core.v1.VolumeStatus': [
    { name: 'image', number: 1, type: 'core.v1.ImageVolumeStatus' }
  ],
  'core.v1.VsphereVirtualDiskVolumeSource': [
    { name: 'volumePath', number: 1, type: 'string', keepZero: true },
    { name: 'fsType', number: 2, type: 'string' },
    { name: 'storagePolicyName', number: 3, type: 'string' },
    { name: 'storagePolicyID', number: 4, type: 'string' }
  ]
}
