import { parseDuration } from '@kube-ts/component-base'
import type { LogFormat } from '@kube-ts/component-base'
import { parseIpv4Cidr } from './registry/service/ipv4-range.js'
import type { PortRange } from './registry/service/node-port-allocator.js'
import type { ServiceAccountOptions } from './serviceaccount/setup.js'
import { disabledAdmissionPluginsOf } from './registry/admission-plugins.js'

/** The apiserver's validated configuration; nothing below this layer reads argv or the environment. */
export interface Options {
  etcdServers: string[]
  etcdPrefix: string
  /** 0 disables periodic compaction. */
  etcdCompactionIntervalMs: number
  etcdCountMetricPollPeriodMs: number
  securePort: number
  bindAddress: string
  insecureServePlainHttp: boolean
  serviceClusterIpRange: string
  serviceNodePortRange: PortRange
  maxRequestsInflight: number
  maxMutatingRequestsInflight: number
  requestTimeoutMs: number
  logFormat: LogFormat
  v: number
  /** `--service-account-issuer`, repeatable; the first signs new tokens. */
  serviceAccountIssuers: string[]
  /** '' disables the token subresource, as upstream without a signing key. */
  serviceAccountSigningKeyFile: string
  serviceAccountKeyFiles: string[]
  /** 0 means no cap. */
  serviceAccountMaxTokenExpirationSeconds: number
  serviceAccountJwksUri: string
  apiAudiences: string[]
  /** `--disable-admission-plugins`: upstream plugin names turned off (kube-ts honours `Priority`). */
  disabledAdmissionPlugins: string[]
}

/** What commander hands over (strings for the values this file parses itself). */
export interface RawOptions {
  etcdServers?: string
  etcdPrefix: string
  etcdCompactionInterval: string
  etcdCountMetricPollPeriod: string
  securePort: number
  bindAddress: string
  insecureServePlainHttp: boolean
  serviceClusterIpRange: string
  serviceNodePortRange: string
  maxRequestsInflight: number
  maxMutatingRequestsInflight: number
  requestTimeout: string
  logFormat: LogFormat
  v: number
  // optional so embedders that predate the service account flags keep building options (absent = upstream default)
  serviceAccountIssuer?: string[]
  serviceAccountSigningKeyFile?: string
  serviceAccountKeyFile?: string[]
  serviceAccountMaxTokenExpiration?: string
  serviceAccountJwksUri?: string
  apiAudiences?: string
  disableAdmissionPlugins?: string
}

/** Flag defaults, shared by the command and by embedders (tests) that build options without argv. */
export const defaultRawOptions: Required<Omit<RawOptions, 'etcdServers'>> = {
  etcdPrefix: '/registry',
  etcdCompactionInterval: '5m',
  etcdCountMetricPollPeriod: '1m',
  securePort: 6443,
  bindAddress: '127.0.0.1',
  insecureServePlainHttp: false,
  serviceClusterIpRange: '10.96.0.0/12',
  serviceNodePortRange: '30000-32767',
  maxRequestsInflight: 400,
  maxMutatingRequestsInflight: 200,
  requestTimeout: '60s',
  logFormat: 'json',
  v: 0,
  serviceAccountIssuer: [],
  serviceAccountSigningKeyFile: '',
  serviceAccountKeyFile: [],
  serviceAccountMaxTokenExpiration: '0s',
  serviceAccountJwksUri: '',
  apiAudiences: '',
  disableAdmissionPlugins: ''
}

export function isLoopback (address: string): boolean {
  return address === 'localhost' || address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address)
}

function durationOf (flag: string, text: string, problems: string[]): number {
  try {
    const ms = parseDuration(text)
    if (ms < 0) problems.push(`--${flag} must not be negative, got ${JSON.stringify(text)}`)
    return ms
  } catch {
    problems.push(`--${flag}: invalid duration ${JSON.stringify(text)}`)
    return 0
  }
}

function portRangeOf (text: string, problems: string[]): PortRange {
  const m = /^(\d+)-(\d+)$/.exec(text.trim())
  const min = Number(m?.[1])
  const max = Number(m?.[2])
  if (m === null || min < 1 || max > 65535 || min > max) {
    problems.push(`--service-node-port-range: invalid port range ${JSON.stringify(text)} (want e.g. 30000-32767)`)
    return { min: 30000, max: 32767 }
  }
  return { min, max }
}

const MAX_TOKEN_EXPIRATION_SECONDS = 2 ** 32

function isUrl (text: string): boolean {
  try {
    return new URL(text).protocol !== ''
  } catch {
    return false
  }
}

/** The service account token flags, checked as upstream's ServiceAccountAuthenticationOptions.Validate. */
function serviceAccountOptionsOf (raw: RawOptions, problems: string[]): ServiceAccountOptions {
  const list = (v: string[] | string | undefined): string[] => (Array.isArray(v) ? v : [v ?? '']).flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '')
  const issuers = list(raw.serviceAccountIssuer)
  for (const issuer of issuers) {
    if (issuer.includes(':') && !isUrl(issuer)) problems.push(`service-account-issuer ${JSON.stringify(issuer)} contained a ':' but was not a valid URL`)
  }
  const signingKeyFile = (raw.serviceAccountSigningKeyFile ?? '').trim()
  if (signingKeyFile !== '' && issuers.length === 0) problems.push('service-account-issuer is a required flag when --service-account-signing-key-file is set')
  const maxMs = durationOf('service-account-max-token-expiration', raw.serviceAccountMaxTokenExpiration ?? '0s', problems)
  const maxSeconds = Math.floor(maxMs / 1000)
  if (maxSeconds !== 0 && (maxSeconds < 3600 || maxSeconds > MAX_TOKEN_EXPIRATION_SECONDS)) {
    problems.push('the service-account-max-token-expiration must be between 1 hour and 2^32 seconds')
  }
  const jwksUri = (raw.serviceAccountJwksUri ?? '').trim()
  if (jwksUri !== '' && !/^https:\/\//.test(jwksUri)) problems.push('service-account-jwks-uri requires https scheme')
  return {
    serviceAccountIssuers: issuers,
    serviceAccountSigningKeyFile: signingKeyFile,
    serviceAccountKeyFiles: list(raw.serviceAccountKeyFile),
    serviceAccountMaxTokenExpirationSeconds: maxSeconds,
    serviceAccountJwksUri: jwksUri,
    apiAudiences: list(raw.apiAudiences)
  }
}

/**
 * Turns raw flags into Options and reports every problem at once (kwok's validate). TLS serving is not built
 * yet, so plain HTTP must be asked for explicitly and is refused on anything but a loopback address.
 */
export function buildOptions (raw: RawOptions): { options: Options, problems: string[] } {
  const problems: string[] = []
  const etcdServers = (raw.etcdServers ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')
  if (etcdServers.length === 0) problems.push('--etcd-servers must be specified')
  for (const url of etcdServers) {
    if (!/^https?:\/\/[^/\s]+(:\d+)?\/?$/.test(url)) problems.push(`--etcd-servers: ${JSON.stringify(url)} is not an http(s)://host:port URL`)
  }
  if (!raw.etcdPrefix.startsWith('/')) problems.push(`--etcd-prefix must start with "/", got ${JSON.stringify(raw.etcdPrefix)}`)
  if (!raw.insecureServePlainHttp) {
    problems.push('TLS serving is not implemented yet: pass --insecure-serve-plain-http to serve plain HTTP on a loopback --bind-address')
  } else if (!isLoopback(raw.bindAddress)) {
    problems.push(`--insecure-serve-plain-http refuses the non-loopback --bind-address ${raw.bindAddress}: plain HTTP carries no authentication`)
  }
  if (!Number.isInteger(raw.securePort) || raw.securePort < 0 || raw.securePort > 65535) problems.push(`--secure-port ${raw.securePort} is outside 0-65535`)
  try {
    parseIpv4Cidr(raw.serviceClusterIpRange)
  } catch {
    problems.push(`--service-cluster-ip-range: invalid IPv4 CIDR ${JSON.stringify(raw.serviceClusterIpRange)}`)
  }
  for (const [flag, n] of [['max-requests-inflight', raw.maxRequestsInflight], ['max-mutating-requests-inflight', raw.maxMutatingRequestsInflight]] as const) {
    if (!Number.isInteger(n) || n < 0) problems.push(`--${flag} must be a non-negative integer, got ${n}`)
  }
  const options: Options = {
    etcdServers,
    etcdPrefix: raw.etcdPrefix.replace(/\/+$/, '') || '/',
    etcdCompactionIntervalMs: durationOf('etcd-compaction-interval', raw.etcdCompactionInterval, problems),
    etcdCountMetricPollPeriodMs: durationOf('etcd-count-metric-poll-period', raw.etcdCountMetricPollPeriod, problems),
    securePort: raw.securePort,
    bindAddress: raw.bindAddress,
    insecureServePlainHttp: raw.insecureServePlainHttp,
    serviceClusterIpRange: raw.serviceClusterIpRange,
    serviceNodePortRange: portRangeOf(raw.serviceNodePortRange, problems),
    maxRequestsInflight: raw.maxRequestsInflight,
    maxMutatingRequestsInflight: raw.maxMutatingRequestsInflight,
    requestTimeoutMs: durationOf('request-timeout', raw.requestTimeout, problems),
    logFormat: raw.logFormat,
    v: raw.v,
    ...serviceAccountOptionsOf(raw, problems),
    disabledAdmissionPlugins: disabledAdmissionPluginsOf(raw.disableAdmissionPlugins, problems)
  }
  return { options, problems }
}
