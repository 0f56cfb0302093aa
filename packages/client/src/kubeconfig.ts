import { existsSync, readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { delimiter, dirname, isAbsolute, join, resolve } from 'node:path'
import { parse } from 'yaml'
import type { ClientConfig } from './kubeconfig-types.js'

/** A kubeconfig that cannot be used: missing file, no current context, dangling references. */
export class KubeconfigError extends Error {
  readonly code = 'ERR_KUBE_TS_KUBECONFIG'
  constructor (message: string) {
    super(message)
    this.name = 'KubeconfigError'
  }
}

interface Named<T> { name: string, [key: string]: unknown, cluster?: T, user?: T, context?: T }
interface Cluster { server?: string, 'certificate-authority'?: string, 'certificate-authority-data'?: string, 'insecure-skip-tls-verify'?: boolean, 'tls-server-name'?: string }
interface User {
  token?: string
  tokenFile?: string
  'client-certificate'?: string
  'client-certificate-data'?: string
  'client-key'?: string
  'client-key-data'?: string
  username?: string
  password?: string
  exec?: unknown
  'auth-provider'?: unknown
}
interface Context { cluster?: string, user?: string, namespace?: string }
interface KubeconfigFile {
  'current-context'?: string
  clusters?: Array<Named<Cluster>>
  users?: Array<Named<User>>
  contexts?: Array<Named<Context>>
}

/** Reads one kubeconfig file and resolves `context` (default: its current-context) to a ClientConfig. */
export function loadKubeconfig (path: string, context?: string): ClientConfig {
  let doc: KubeconfigFile
  try {
    doc = (parse(readFileSync(path, 'utf8'), { maxAliasCount: 0 }) ?? {}) as KubeconfigFile
  } catch (err) {
    throw new KubeconfigError(`cannot read kubeconfig ${path}: ${(err as Error).message}`)
  }
  return resolveKubeconfig(doc, dirname(resolve(path)), context)
}

/** Resolves a parsed kubeconfig; relative file references are taken against `baseDir`, as kubectl does. */
export function resolveKubeconfig (doc: KubeconfigFile, baseDir: string, contextName?: string): ClientConfig {
  const name = contextName ?? doc['current-context']
  if (name === undefined || name === '') throw new KubeconfigError('kubeconfig has no current-context')
  const ctx = find(doc.contexts, name, 'context')?.context ?? {}
  const cluster = ctx.cluster === undefined ? undefined : find(doc.clusters, ctx.cluster, 'cluster')?.cluster
  if (cluster?.server === undefined || cluster.server === '') throw new KubeconfigError(`context "${name}" has no cluster with a server`)
  const user: User = ctx.user === undefined ? {} : (find(doc.users, ctx.user, 'user')?.user ?? {})
  // Refuse rather than silently connect without the credentials the file asks for.
  if (user.exec !== undefined) throw new KubeconfigError(`user "${ctx.user ?? ''}" uses an exec credential plugin, which kube-ts does not support`)
  if (user['auth-provider'] !== undefined) throw new KubeconfigError(`user "${ctx.user ?? ''}" uses an auth-provider, which kube-ts does not support`)
  const file = (p: string): string => readFile(isAbsolute(p) ? p : join(baseDir, p))
  const cfg: ClientConfig = { server: cluster.server, namespace: ctx.namespace ?? 'default' }
  const ca = pem(cluster['certificate-authority-data'], cluster['certificate-authority'], file)
  if (ca !== undefined) cfg.caData = ca
  if (cluster['insecure-skip-tls-verify'] === true) cfg.insecureSkipTLSVerify = true
  if (cluster['tls-server-name'] !== undefined) cfg.tlsServerName = cluster['tls-server-name']
  const cert = pem(user['client-certificate-data'], user['client-certificate'], file)
  if (cert !== undefined) cfg.certData = cert
  const key = pem(user['client-key-data'], user['client-key'], file)
  if (key !== undefined) cfg.keyData = key
  if (user.token !== undefined) cfg.token = user.token
  else if (user.tokenFile !== undefined) cfg.token = file(user.tokenFile).trim()
  if (user.username !== undefined) { cfg.username = user.username; cfg.password = user.password ?? '' }
  return cfg
}

function find<T> (list: Array<Named<T>> | undefined, name: string, what: string): Named<T> | undefined {
  const hit = list?.find(e => e.name === name)
  if (hit === undefined) throw new KubeconfigError(`${what} "${name}" not found in kubeconfig`)
  return hit
}

function pem (data: string | undefined, path: string | undefined, file: (p: string) => string): string | undefined {
  if (data !== undefined && data !== '') return Buffer.from(data, 'base64').toString('utf8')
  if (path !== undefined && path !== '') return file(path)
  return undefined
}

function readFile (p: string): string {
  try {
    return readFileSync(p, 'utf8')
  } catch (err) {
    throw new KubeconfigError(`cannot read ${p}: ${(err as Error).message}`)
  }
}

export interface LoadClientConfigOptions {
  /** `--kubeconfig` */
  kubeconfig?: string
  /** `--master`: overrides the kubeconfig's server (and is enough on its own). */
  master?: string
  context?: string
  /** Injected for tests; default process.env, the user's home and the service-account mount. */
  env?: Record<string, string | undefined>
  homeDir?: string
  serviceAccountDir?: string
}

export const defaultServiceAccountDir = '/var/run/secrets/kubernetes.io/serviceaccount'

/**
 * The config a Pod gets (client-go's InClusterConfig): `https://$KUBERNETES_SERVICE_HOST:$KUBERNETES_SERVICE_PORT`
 * with the mounted service-account token, CA and namespace. Undefined when not running in a Pod.
 */
export function inClusterConfig (env: Record<string, string | undefined> = process.env, dir = defaultServiceAccountDir): ClientConfig | undefined {
  const host = env.KUBERNETES_SERVICE_HOST
  const port = env.KUBERNETES_SERVICE_PORT
  if (host === undefined || host === '' || port === undefined || port === '' || !existsSync(join(dir, 'token'))) return undefined
  const cfg: ClientConfig = {
    server: `https://${host.includes(':') ? `[${host}]` : host}:${port}`,
    token: readFile(join(dir, 'token')).trim(),
    namespace: existsSync(join(dir, 'namespace')) ? readFile(join(dir, 'namespace')).trim() : 'default'
  }
  if (existsSync(join(dir, 'ca.crt'))) cfg.caData = readFile(join(dir, 'ca.crt'))
  return cfg
}

/**
 * Finds the apiserver the way upstream daemons do: `--kubeconfig` > first existing file in `KUBECONFIG` >
 * `~/.kube/config` > in-cluster service account; `--master` overrides the server. With only `--master`, no
 * credentials are used.
 */
export function loadClientConfig (opts: LoadClientConfigOptions = {}): ClientConfig {
  const env = opts.env ?? process.env
  const path = pickKubeconfig(opts.kubeconfig, env, opts.homeDir ?? homedir())
  if (path === undefined) {
    if (opts.master !== undefined && opts.master !== '') return { server: opts.master, namespace: 'default' }
    const pod = inClusterConfig(env, opts.serviceAccountDir)
    if (pod !== undefined) return pod
    throw new KubeconfigError('no configuration: pass --kubeconfig or --master, or set KUBECONFIG')
  }
  const cfg = loadKubeconfig(path, opts.context)
  if (opts.master !== undefined && opts.master !== '') cfg.server = opts.master
  return cfg
}

function pickKubeconfig (flag: string | undefined, env: Record<string, string | undefined>, home: string): string | undefined {
  if (flag !== undefined && flag !== '') {
    if (!existsSync(flag)) throw new KubeconfigError(`kubeconfig ${flag} does not exist`)
    return flag
  }
  const fromEnv = (env.KUBECONFIG ?? '').split(delimiter).filter(p => p !== '')
  for (const p of fromEnv) if (existsSync(p)) return p
  const dflt = join(home, '.kube', 'config')
  return existsSync(dflt) ? dflt : undefined
}
