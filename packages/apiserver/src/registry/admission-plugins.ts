/**
 * Upstream kube-apiserver's registered admission plugin names (1.32), so `--disable-admission-plugins` accepts what
 * upstream accepts and reports a typo as upstream does. Of these, kube-ts can turn off `Priority`, `LimitRanger` and `ResourceQuota`; the others it
 * either always runs (NamespaceLifecycle, DefaultTolerationSeconds) or does not implement.
 */
export const REGISTERED_ADMISSION_PLUGINS = [
  'AlwaysAdmit', 'AlwaysDeny', 'AlwaysPullImages', 'CertificateApproval', 'CertificateSigning', 'CertificateSubjectRestriction',
  'ClusterTrustBundleAttest', 'DefaultIngressClass', 'DefaultStorageClass', 'DefaultTolerationSeconds', 'DenyServiceExternalIPs',
  'EventRateLimit', 'ExtendedResourceToleration', 'ImagePolicyWebhook', 'LimitPodHardAntiAffinityTopology', 'LimitRanger',
  'MutatingAdmissionPolicy', 'MutatingAdmissionWebhook', 'NamespaceAutoProvision', 'NamespaceExists', 'NamespaceLifecycle',
  'NodeRestriction', 'OwnerReferencesPermissionEnforcement', 'PersistentVolumeClaimResize', 'PodNodeSelector', 'PodSecurity',
  'PodTolerationRestriction', 'Priority', 'ResourceQuota', 'RuntimeClass', 'ServiceAccount', 'StorageObjectInUseProtection',
  'TaintNodesByCondition', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionWebhook'
]

/** Parses the comma-separated `--disable-admission-plugins` value; unknown names become startup problems. */
export function disabledAdmissionPluginsOf (raw: string | undefined, problems: string[]): string[] {
  const names = (raw ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')
  for (const name of names) {
    if (!REGISTERED_ADMISSION_PLUGINS.includes(name)) problems.push(`disable-admission-plugins plugin "${name}" is unknown`)
  }
  return names
}
