import { errBadRequest, type ApiError } from '../errors/api-error.js'
import { isQualifiedName, isValidLabelValue } from '../validation/name-formats.js'

/** Selector operators. `In`/`NotIn`/`Exists`/`DoesNotExist` are also the metav1.LabelSelector spellings. */
export type LabelOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | '=' | '==' | '!=' | 'Gt' | 'Lt'

export interface LabelRequirement {
  key: string
  operator: LabelOperator
  /** Sorted and de-duplicated for set operators, one value for the exact and numeric ones, empty for (Does)Exists. */
  values: string[]
}

/** One failed check, rendered like upstream's `field.Error` (`values[0][app]: Invalid value: "x": ...`). */
interface SelectorProblem { field: string, badValue: string | string[], message: string }

/** Go prints a []string bad value with `%#v`. */
function goValue (v: string | string[]): string {
  return Array.isArray(v) ? `[]string{${v.map((s) => JSON.stringify(s)).join(', ')}}` : JSON.stringify(v)
}

const render = (p: SelectorProblem): string => `${p.field}: Invalid value: ${goValue(p.badValue)}: ${p.message}`

/** Several problems print as upstream's aggregate: `[a, b]`. */
export function selectorError (problems: SelectorProblem[], prefix = ''): ApiError {
  const text = problems.length === 1 && problems[0] !== undefined ? render(problems[0]) : `[${problems.map(render).join(', ')}]`
  return errBadRequest(`${prefix}${text}`)
}

/** The key check the parser runs before anything else; upstream has no field path there and prints `<nil>`. */
export function keyProblem (key: string, field: string): SelectorProblem | undefined {
  const errs = isQualifiedName(key)
  return errs.length === 0 ? undefined : { field, badValue: key, message: errs.join('; ') }
}

const INT64_MIN = -(2n ** 63n)
const INT64_MAX = 2n ** 63n - 1n

/** Go's strconv.ParseInt(s, 10, 64): optional sign, decimal digits, within int64. */
export function parseInt64 (s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined
  const v = BigInt(s)
  return v < INT64_MIN || v > INT64_MAX ? undefined : v
}

/**
 * Builds a requirement after upstream's checks (`labels.NewRequirement`); throws BadRequest listing every problem.
 * `values` is kept as given: callers that parse text sort and de-duplicate first.
 */
export function newRequirement (key: string, operator: LabelOperator, values: string[], prefix = ''): LabelRequirement {
  const problems: SelectorProblem[] = []
  const kp = keyProblem(key, 'key')
  if (kp !== undefined) problems.push(kp)
  switch (operator) {
    case 'In': case 'NotIn':
      if (values.length === 0) problems.push({ field: 'values', badValue: values, message: "for 'in', 'notin' operators, values set can't be empty" })
      break
    case '=': case '==': case '!=':
      if (values.length !== 1) problems.push({ field: 'values', badValue: values, message: 'exact-match compatibility requires one single value' })
      break
    case 'Exists': case 'DoesNotExist':
      if (values.length !== 0) problems.push({ field: 'values', badValue: values, message: 'values set must be empty for exists and does not exist' })
      break
    case 'Gt': case 'Lt':
      if (values.length !== 1) problems.push({ field: 'values', badValue: values, message: "for 'Gt', 'Lt' operators, exactly one value is required" })
      values.forEach((v, i) => {
        if (parseInt64(v) === undefined) problems.push({ field: `values[${i}]`, badValue: v, message: "for 'Gt', 'Lt' operators, the value must be an integer" })
      })
      break
    default:
      throw errBadRequest(`${prefix}operator: Unsupported value: ${JSON.stringify(operator)}: supported values: "In", "NotIn", "Exists", "DoesNotExist", "=", "==", "!=", "Gt", "Lt"`)
  }
  values.forEach((v, i) => {
    const errs = isValidLabelValue(v)
    if (errs.length > 0) problems.push({ field: `values[${i}][${key}]`, badValue: v, message: errs.join('; ') })
  })
  if (problems.length > 0) throw selectorError(problems, prefix)
  return { key, operator, values: [...values] }
}

/** Whether one requirement holds for a label set (upstream `Requirement.Matches`). */
export function requirementMatches (r: LabelRequirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key)
  const value = has ? labels[r.key] : undefined
  switch (r.operator) {
    case 'In': case '=': case '==':
      return value !== undefined && r.values.includes(value)
    case 'NotIn': case '!=':
      return value === undefined || !r.values.includes(value)
    case 'Exists':
      return has
    case 'DoesNotExist':
      return !has
    case 'Gt': case 'Lt': {
      if (value === undefined || r.values.length !== 1) return false
      const actual = parseInt64(value)
      const wanted = parseInt64(r.values[0] ?? '')
      if (actual === undefined || wanted === undefined) return false
      return r.operator === 'Gt' ? actual > wanted : actual < wanted
    }
  }
}

const infix: Record<LabelOperator, string> = {
  '=': '=', '==': '==', '!=': '!=', In: ' in ', NotIn: ' notin ', Gt: '>', Lt: '<', Exists: '', DoesNotExist: ''
}

/** Text form that parses back to the same requirement (upstream `Requirement.String`). */
export function requirementString (r: LabelRequirement): string {
  if (r.operator === 'Exists') return r.key
  if (r.operator === 'DoesNotExist') return `!${r.key}`
  const values = r.values.length === 1 ? (r.values[0] ?? '') : [...r.values].sort().join(',')
  const body = `${r.key}${infix[r.operator]}`
  return r.operator === 'In' || r.operator === 'NotIn' ? `${body}(${values})` : `${body}${values}`
}
