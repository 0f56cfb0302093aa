import http from 'node:http'
import https from 'node:https'
import type { IncomingMessage } from 'node:http'
import { abortReason, systemClock } from './clock.js'
import type { Clock } from './clock.js'
import { errorFromResponse, RequestTimeoutError } from './http-errors.js'
import type { ClientConfig } from './kubeconfig-types.js'
import { noopLogger } from './logger.js'
import type { Logger } from './logger.js'
import { queryString } from './paths.js'
import type { QueryValue } from './paths.js'
import { ResourceClient } from './resource-client.js'
import type { ResourceDescriptor } from './resources.js'
import { TokenBucket } from './token-bucket.js'
import { sleep } from './clock.js'

export interface RestClientOptions {
  /** `kube-scheduler/v0.1.0 (linux/x64) kube-ts`; default derived from `component`. */
  userAgent?: string
  component?: string
  /** Client-side rate limit (client-go defaults for daemons: 50 qps, burst 100). 0 disables. */
  qps?: number
  burst?: number
  /** Deadline for ordinary requests (watches are exempt). Default 60 s. */
  timeoutMs?: number
  /** How many times to honour a 429/503 `Retry-After` before giving up (client-go: 10). */
  maxRetries?: number
  logger?: Logger
  clock?: Clock
}

export interface RequestOptions {
  method: string
  path: string
  query?: Record<string, QueryValue>
  body?: unknown
  contentType?: string
  accept?: string
  signal?: AbortSignal
  timeoutMs?: number
}

/**
 * HTTP(S) transport to the apiserver (client-go's rest.RESTClient): keep-alive agents, bearer/basic/client-cert
 * auth, JSON in and out, ApiError on non-2xx, per-request deadlines, AbortSignal, a QPS/burst limiter and
 * Retry-After handling. `resource(desc)` gives the typed verbs.
 */
export class RestClient {
  readonly config: ClientConfig
  readonly logger: Logger
  private readonly base: URL
  private readonly agent: http.Agent
  private readonly limiter: TokenBucket | undefined
  private readonly userAgent: string
  private readonly timeoutMs: number
  private readonly maxRetries: number
  private readonly clock: Clock

  constructor (config: ClientConfig, opts: RestClientOptions = {}) {
    this.config = config
    this.base = new URL(config.server)
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') throw new Error(`unsupported server URL scheme in "${config.server}"`)
    this.clock = opts.clock ?? systemClock
    this.logger = opts.logger ?? noopLogger
    const qps = opts.qps ?? 50
    this.limiter = qps > 0 ? new TokenBucket(qps, opts.burst ?? 100, this.clock) : undefined
    this.userAgent = opts.userAgent ?? `${opts.component ?? 'kube-ts-client'}/v0.1.0 (${process.platform}/${process.arch}) kube-ts`
    this.timeoutMs = opts.timeoutMs ?? 60_000
    this.maxRetries = opts.maxRetries ?? 10
    this.agent = this.base.protocol === 'https:'
      ? new https.Agent({
        keepAlive: true,
        ca: config.caData,
        cert: config.certData,
        key: config.keyData,
        rejectUnauthorized: config.insecureSkipTLSVerify !== true,
        servername: config.tlsServerName
      })
      : new http.Agent({ keepAlive: true })
  }

  resource<T extends object = Record<string, unknown>> (desc: ResourceDescriptor): ResourceClient<T> {
    return new ResourceClient<T>(this, desc)
  }

  /** Any request by path, e.g. `raw('GET', '/version')`. Returns parsed JSON (or text when the answer is not JSON). */
  async raw<R = unknown> (method: string, path: string, body?: unknown, opts: Omit<RequestOptions, 'method' | 'path' | 'body'> = {}): Promise<R> {
    return await this.request<R>({ ...opts, method, path, body })
  }

  /** Sends a request and decodes the answer; retries 429/503 answers that carry Retry-After. */
  async request<R> (req: RequestOptions): Promise<R> {
    for (let attempt = 0; ; attempt++) {
      const res = await this.send(req, false)
      const text = await readBody(res, req.signal)
      const code = res.statusCode ?? 0
      if (code >= 200 && code < 300) return decode<R>(text, res.headers['content-type'])
      const retryAfter = retryAfterMs(res)
      if ((code === 429 || code === 503) && retryAfter !== undefined && attempt < this.maxRetries) {
        this.logger.debug({ path: req.path, code, retryAfterMs: retryAfter, attempt }, 'server asked to retry later')
        await sleep(this.clock, retryAfter, req.signal)
        continue
      }
      throw errorFromResponse(code, text, res.headers['content-type'])
    }
  }

  /** Opens a streaming response (watch, logs); throws ApiError when the server answers non-2xx. */
  async stream (req: RequestOptions): Promise<IncomingMessage> {
    const res = await this.send(req, true)
    const code = res.statusCode ?? 0
    if (code >= 200 && code < 300) return res
    throw errorFromResponse(code, await readBody(res, req.signal), res.headers['content-type'])
  }

  /** Frees idle keep-alive sockets (call on shutdown). */
  close (): void {
    this.agent.destroy()
  }

  private async send (req: RequestOptions, streaming: boolean): Promise<IncomingMessage> {
    if (req.signal?.aborted === true) throw abortReason(req.signal)
    if (this.limiter !== undefined) await this.limiter.take(req.signal)
    const url = new URL(this.base.toString())
    url.pathname = joinPath(this.base.pathname, req.path)
    url.search = queryString(req.query)
    const headers: Record<string, string> = { 'User-Agent': this.userAgent, Accept: req.accept ?? 'application/json' }
    const auth = this.authorization()
    if (auth !== undefined) headers.Authorization = auth
    let payload: Buffer | undefined
    if (req.body !== undefined) {
      payload = Buffer.isBuffer(req.body) ? req.body : Buffer.from(typeof req.body === 'string' ? req.body : JSON.stringify(req.body))
      headers['Content-Type'] = req.contentType ?? 'application/json'
      headers['Content-Length'] = String(payload.length)
    }
    const timeoutMs = streaming ? req.timeoutMs : (req.timeoutMs ?? this.timeoutMs)
    const mod = url.protocol === 'https:' ? https : http
    return await new Promise<IncomingMessage>((resolve, reject) => {
      const r = mod.request(url, { method: req.method, headers, agent: this.agent }, (res) => {
        if (timer !== undefined && streaming) clearTimeout(timer)
        res.once('end', cleanup)
        res.once('close', cleanup)
        resolve(res)
      })
      let timer: NodeJS.Timeout | undefined
      const onAbort = (): void => { r.destroy(abortReason(req.signal as AbortSignal)) }
      const cleanup = (): void => { clearTimeout(timer); req.signal?.removeEventListener('abort', onAbort) }
      if (timeoutMs !== undefined && timeoutMs > 0) {
        timer = setTimeout(() => r.destroy(new RequestTimeoutError(req.method, req.path, timeoutMs)), timeoutMs)
      }
      req.signal?.addEventListener('abort', onAbort, { once: true })
      r.once('error', (err) => { cleanup(); reject(err) })
      r.end(payload)
    })
  }

  private authorization (): string | undefined {
    if (this.config.token !== undefined && this.config.token !== '') return `Bearer ${this.config.token}`
    if (this.config.username !== undefined) {
      return `Basic ${Buffer.from(`${this.config.username}:${this.config.password ?? ''}`).toString('base64')}`
    }
    return undefined
  }
}

function joinPath (prefix: string, path: string): string {
  const p = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix
  return `${p}${path.startsWith('/') ? path : `/${path}`}`
}

async function readBody (res: IncomingMessage, signal?: AbortSignal): Promise<string> {
  const chunks: Buffer[] = []
  try {
    for await (const c of res) chunks.push(c as Buffer)
  } catch (err) {
    if (signal?.aborted === true) throw abortReason(signal)
    throw err
  }
  return Buffer.concat(chunks).toString('utf8')
}

function decode<R> (text: string, contentType: string | undefined): R {
  if (text === '') return undefined as R
  if (contentType !== undefined && !contentType.includes('json')) return text as R
  return JSON.parse(text) as R
}

function retryAfterMs (res: IncomingMessage): number | undefined {
  const h = res.headers['retry-after']
  if (h === undefined) return undefined
  const seconds = Number(h)
  if (!Number.isFinite(seconds) || seconds < 0) return undefined
  // client-go caps the wait; never sleep more than a minute on the server's say-so.
  return Math.min(seconds, 60) * 1000
}
