import { Command, Option } from 'commander'
import { addBoolFlag, addLoggingFlags, levelFromVerbosity, loggingFlagsFrom, parseIntFlag, parsePortFlag, InvalidOptionsError } from '@kube-ts/component-base'
import type { CommandContext } from '@kube-ts/component-base'
import { buildOptions, defaultRawOptions as d } from './options.js'
import type { RawOptions } from './options.js'
import { run } from './server.js'

function flag (cmd: Command, spec: string, description: string, env: string, defaultValue?: string | number, parser?: (v: string, previous: unknown) => unknown): void {
  const opt = new Option(spec, description).env(env)
  if (parser !== undefined) opt.argParser(parser)
  if (defaultValue !== undefined) opt.default(defaultValue)
  cmd.addOption(opt)
}

/** For repeatable flags: each occurrence adds to the list (pflag's stringSlice/stringArray). */
const collect = (value: string, previous: unknown): string[] => [...(Array.isArray(previous) ? previous as string[] : []), value]

/** `kube-apiserver`: upstream flag names, each also readable from a `KUBE_TS_*` environment variable. */
export function createApiServerCommand (ctx: CommandContext): Command {
  const cmd = new Command('kube-apiserver')
    .description('The Kubernetes API server validates and configures data for the api objects (pods, services, deployments, ...) and serves them over REST, storing them in etcd.')
    .allowExcessArguments(false)
  flag(cmd, '--etcd-servers <urls>', 'List of etcd servers to connect with (scheme://ip:port), comma separated. Required.', 'KUBE_TS_ETCD_SERVERS')
  flag(cmd, '--etcd-prefix <prefix>', 'The prefix to prepend to all resource paths in etcd.', 'KUBE_TS_ETCD_PREFIX', d.etcdPrefix)
  flag(cmd, '--etcd-compaction-interval <duration>', 'The interval of compaction requests. If 0, the compaction request from apiserver is disabled.', 'KUBE_TS_ETCD_COMPACTION_INTERVAL', d.etcdCompactionInterval)
  flag(cmd, '--etcd-count-metric-poll-period <duration>', 'Frequency of polling etcd for number of resources per type. 0 disables the metric collection.', 'KUBE_TS_ETCD_COUNT_METRIC_POLL_PERIOD', d.etcdCountMetricPollPeriod)
  flag(cmd, '--secure-port <port>', 'The port on which to serve the API.', 'KUBE_TS_SECURE_PORT', d.securePort, parsePortFlag)
  flag(cmd, '--bind-address <ip>', 'The IP address on which to listen for the --secure-port port.', 'KUBE_TS_BIND_ADDRESS', d.bindAddress)
  addBoolFlag(cmd, 'insecure-serve-plain-http', 'Serve plain HTTP (no TLS, no authentication) on --bind-address:--secure-port. Required until TLS serving exists; only loopback bind addresses are accepted.', d.insecureServePlainHttp, 'KUBE_TS_INSECURE_SERVE_PLAIN_HTTP')
  flag(cmd, '--service-cluster-ip-range <cidr>', 'A CIDR notation IP range from which to assign service cluster IPs.', 'KUBE_TS_SERVICE_CLUSTER_IP_RANGE', d.serviceClusterIpRange)
  flag(cmd, '--service-node-port-range <range>', 'A port range to reserve for services with NodePort visibility, inclusive at both ends.', 'KUBE_TS_SERVICE_NODE_PORT_RANGE', d.serviceNodePortRange)
  flag(cmd, '--max-requests-inflight <n>', 'The maximum number of non-mutating requests in flight at a given time; beyond it the server answers 429. 0 means no limit.', 'KUBE_TS_MAX_REQUESTS_INFLIGHT', d.maxRequestsInflight, parseIntFlag)
  flag(cmd, '--max-mutating-requests-inflight <n>', 'The maximum number of mutating requests in flight at a given time; beyond it the server answers 429. 0 means no limit.', 'KUBE_TS_MAX_MUTATING_REQUESTS_INFLIGHT', d.maxMutatingRequestsInflight, parseIntFlag)
  flag(cmd, '--request-timeout <duration>', 'The duration a handler must keep a request open before timing it out. Watches and other long-running requests are exempt.', 'KUBE_TS_REQUEST_TIMEOUT', d.requestTimeout)
  flag(cmd, '--service-account-issuer <url>', 'Identifier of the service account token issuer, put in the iss claim. Repeatable: the first issuer signs new tokens. Required with --service-account-signing-key-file.', 'KUBE_TS_SERVICE_ACCOUNT_ISSUER', undefined, collect)
  flag(cmd, '--service-account-signing-key-file <file>', 'Path to the PEM file that contains the current private key of the service account token issuer (RSA or ECDSA). Without it the serviceaccounts/token subresource is not served.', 'KUBE_TS_SERVICE_ACCOUNT_SIGNING_KEY_FILE', d.serviceAccountSigningKeyFile)
  flag(cmd, '--service-account-key-file <file>', 'PEM file with public keys (or private keys, or certificates) that verify service account tokens and are published in the JWKS. Repeatable. Defaults to the signing key.', 'KUBE_TS_SERVICE_ACCOUNT_KEY_FILE', undefined, collect)
  flag(cmd, '--service-account-max-token-expiration <duration>', 'The maximum validity duration of a token created by the service account token issuer; longer requests are shortened to it. 0 means no limit; otherwise between 1h and 2^32 seconds.', 'KUBE_TS_SERVICE_ACCOUNT_MAX_TOKEN_EXPIRATION', d.serviceAccountMaxTokenExpiration)
  flag(cmd, '--service-account-jwks-uri <url>', 'Overrides the URI for the JSON Web Key Set in the discovery doc served at /.well-known/openid-configuration.', 'KUBE_TS_SERVICE_ACCOUNT_JWKS_URI', d.serviceAccountJwksUri)
  flag(cmd, '--api-audiences <list>', 'Identifiers of the API, comma separated. Tokens requested without audiences get these; defaults to the service account issuers.', 'KUBE_TS_API_AUDIENCES', d.apiAudiences)
  flag(cmd, '--disable-admission-plugins <plugins>', 'Admission plugins that should be disabled although they are in the default enabled plugins list, comma separated (kube-ts can disable Priority).', 'KUBE_TS_DISABLE_ADMISSION_PLUGINS', d.disableAdmissionPlugins)
  addLoggingFlags(cmd)
  cmd.action(async (raw: Record<string, unknown>) => {
    const logging = loggingFlagsFrom(raw)
    const { options, problems } = buildOptions({ ...raw, ...logging } as unknown as RawOptions)
    if (problems.length > 0) throw new InvalidOptionsError(problems)
    const logger = ctx.createLogger({ component: 'kube-apiserver', format: logging.logFormat, level: levelFromVerbosity(logging.v) })
    await run(options, { signal: ctx.signal, logger })
  })
  return cmd
}
