import type { MessageTable } from '../message-table.js'

/** Wire layout of the certificates/v1 messages kube-ts decodes (field numbers are wire facts; JSON names as the REST API spells them). */
export const certificatesV1Messages: MessageTable = {
  'certificates.v1.CertificateSigningRequest': [
    { name: 'metadata', number: 1, type: 'meta.v1.ObjectMeta' },
    { name: 'spec', number: 2, type: 'certificates.v1.CertificateSigningRequestSpec' },
    { name: 'status', number: 3, type: 'certificates.v1.CertificateSigningRequestStatus' }
  ],
  'certificates.v1.CertificateSigningRequestCondition': [
    { name: 'type', number: 1, type: 'string', keepZero: true },
    { name: 'status', number: 6, type: 'string', keepZero: true },
    { name: 'reason', number: 2, type: 'string' },
    { name: 'message', number: 3, type: 'string' },
    { name: 'lastUpdateTime', number: 4, type: 'meta.v1.Time' },
    { name: 'lastTransitionTime', number: 5, type: 'meta.v1.Time' }
  ],
  'certificates.v1.CertificateSigningRequestSpec': [
    { name: 'request', number: 1, type: 'bytes', nullIfAbsent: true },
    { name: 'signerName', number: 7, type: 'string', keepZero: true },
    { name: 'expirationSeconds', number: 8, type: 'int32', keepZero: true },
    { name: 'usages', number: 5, type: 'string', repeated: true },
    { name: 'username', number: 2, type: 'string' },
    { name: 'uid', number: 3, type: 'string' },
    { name: 'groups', number: 4, type: 'string', repeated: true },
    { name: 'extra', number: 6, type: 'map<string, certificates.v1.ExtraValue>' }
  ],
  'certificates.v1.CertificateSigningRequestStatus': [
    { name: 'conditions', number: 1, type: 'certificates.v1.CertificateSigningRequestCondition', repeated: true },
    { name: 'certificate', number: 2, type: 'bytes' }
  ]
}
