import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import { KubeTsError } from '@kube-ts/component-base'
import * as names from '../framework/plugins/names.js'
import { parsePodTopologySpreadArgs } from '../framework/plugins/podtopologyspread/args.js'
import { CONFIG_API_VERSION, DEFAULT_SCHEDULER_NAME } from './types.js'
import type { Profile, SchedulerConfiguration } from './types.js'

/** Thrown for a config file that does not parse or fails validation; the command exits 1 with the problems. */
export class InvalidConfigError extends KubeTsError {
  constructor (problems: string[]) {
    super('ERR_KUBE_TS_SCHEDULER_CONFIG', `invalid KubeSchedulerConfiguration: ${problems.join('; ')}`)
    this.name = 'InvalidConfigError'
  }
}

/** Upstream v1 defaults for an empty or partial configuration. */
export function defaultConfig (): SchedulerConfiguration {
  return {
    apiVersion: CONFIG_API_VERSION,
    kind: 'KubeSchedulerConfiguration',
    percentageOfNodesToScore: 0,
    podInitialBackoffSeconds: 1,
    podMaxBackoffSeconds: 10,
    parallelism: 16,
    profiles: [{ schedulerName: DEFAULT_SCHEDULER_NAME }]
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Parses YAML or JSON text, applies defaults and validates (every problem at once); `outOfTree` names plugins an embedder registered. */
export function parseConfig (text: string, outOfTree: ReadonlySet<string> = new Set()): SchedulerConfiguration {
  let raw: unknown
  try { raw = parse(text) } catch (err) { throw new InvalidConfigError([`cannot parse: ${(err as Error).message}`]) }
  if (raw === null || raw === undefined) raw = {}
  if (!isObj(raw)) throw new InvalidConfigError(['the document must be an object'])
  const cfg = defaultConfig()
  const problems: string[] = []
  if (raw.apiVersion !== undefined && raw.apiVersion !== CONFIG_API_VERSION) problems.push(`apiVersion: Unsupported value: "${String(raw.apiVersion)}": supported values: "${CONFIG_API_VERSION}"`)
  if (raw.kind !== undefined && raw.kind !== 'KubeSchedulerConfiguration') problems.push(`kind: Unsupported value: "${String(raw.kind)}"`)
  const num = (field: keyof SchedulerConfiguration, min: number, max = Infinity): void => {
    const v = raw[field as string]
    if (v === undefined) return
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) problems.push(`${field}: Invalid value: ${JSON.stringify(v)}: must be a number in [${min}, ${max}]`)
    else (cfg as unknown as Record<string, number>)[field] = v
  }
  num('percentageOfNodesToScore', 0, 100)
  num('podInitialBackoffSeconds', 1)
  num('podMaxBackoffSeconds', 1)
  num('parallelism', 1)
  if (cfg.podMaxBackoffSeconds < cfg.podInitialBackoffSeconds) problems.push('podMaxBackoffSeconds: Invalid value: must be greater than or equal to podInitialBackoffSeconds')
  if (raw.profiles !== undefined) {
    if (!Array.isArray(raw.profiles) || raw.profiles.length === 0) problems.push('profiles: Required value: at least one profile')
    else {
      const seen = new Set<string>()
      cfg.profiles = raw.profiles.map((p: unknown, i: number) => {
        if (!isObj(p)) { problems.push(`profiles[${i}]: must be an object`); return { schedulerName: DEFAULT_SCHEDULER_NAME } }
        const name = typeof p.schedulerName === 'string' && p.schedulerName !== '' ? p.schedulerName : DEFAULT_SCHEDULER_NAME
        if (seen.has(name)) problems.push(`profiles[${i}].schedulerName: Duplicate value: "${name}"`)
        seen.add(name)
        const pct = p.percentageOfNodesToScore
        if (pct !== undefined && (typeof pct !== 'number' || pct < 0 || pct > 100)) problems.push(`profiles[${i}].percentageOfNodesToScore: Invalid value: ${JSON.stringify(pct)}: not in valid range [0-100]`)
        problems.push(...unknownPlugins(p.plugins, name, outOfTree), ...pluginArgsProblems(p.pluginConfig, i))
        return { ...(p as unknown as Profile), schedulerName: name }
      })
    }
  }
  if (problems.length > 0) throw new InvalidConfigError(problems)
  return cfg
}

export async function loadConfig (path: string | undefined, outOfTree?: ReadonlySet<string>): Promise<SchedulerConfiguration> {
  if (path === undefined || path === '') return defaultConfig()
  let text: string
  try { text = await readFile(path, 'utf8') } catch (err) { throw new InvalidConfigError([`cannot read ${path}: ${(err as Error).message}`]) }
  return parseConfig(text, outOfTree)
}

const KNOWN = new Set<string>(Object.values(names))

/** Upstream fails profile creation with `plugin "X" does not exist`; we report it while loading the file. */
function unknownPlugins (plugins: unknown, profile: string, outOfTree: ReadonlySet<string>): string[] {
  if (!isObj(plugins)) return []
  const out: string[] = []
  for (const set of Object.values(plugins)) {
    if (!isObj(set)) continue
    for (const list of [set.enabled, set.disabled]) {
      if (!Array.isArray(list)) continue
      for (const ref of list) {
        const n = isObj(ref) ? ref.name : undefined
        if (typeof n !== 'string' || (n !== '*' && !KNOWN.has(n) && !outOfTree.has(n))) out.push(`creating profile for scheduler name ${profile}: plugin "${String(n)}" does not exist`)
      }
    }
  }
  return out
}

/** Plugin args with their own validation upstream (ValidatePodTopologySpreadArgs), reported with the config's field path. */
function pluginArgsProblems (pluginConfig: unknown, profileIndex: number): string[] {
  if (!Array.isArray(pluginConfig)) return []
  const out: string[] = []
  pluginConfig.forEach((pc: unknown, j: number) => {
    if (!isObj(pc) || pc.name !== names.PodTopologySpread) return
    const args = isObj(pc.args) ? pc.args : undefined
    for (const p of parsePodTopologySpreadArgs(args).problems) out.push(`profiles[${profileIndex}].pluginConfig[${j}].args.${p}`)
  })
  return out
}
