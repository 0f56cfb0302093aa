import { requirementMatches, requirementString, type LabelRequirement } from './requirement.js'

export interface Selector {
  readonly requirements: LabelRequirement[]
  /** True when every requirement holds; missing labels count as an empty set. */
  matches: (labels: Record<string, string> | undefined | null) => boolean
  /** True for the selector that matches everything. */
  empty: () => boolean
  toString: () => string
}

/** A conjunction of requirements, kept sorted by key like upstream so `toString()` is canonical. */
class RequirementsSelector implements Selector {
  readonly requirements: LabelRequirement[]

  constructor (requirements: LabelRequirement[]) {
    this.requirements = [...requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  }

  matches (labels: Record<string, string> | undefined | null): boolean {
    const set = labels ?? {}
    return this.requirements.every((r) => requirementMatches(r, set))
  }

  empty (): boolean {
    return this.requirements.length === 0
  }

  toString (): string {
    return this.requirements.map(requirementString).join(',')
  }
}

/** Matches no object; what a nil metav1.LabelSelector means (upstream `labels.Nothing()`). */
class NothingSelector implements Selector {
  readonly requirements: LabelRequirement[] = []
  matches (): boolean { return false }
  empty (): boolean { return false }
  toString (): string { return '' }
}

export function selectorFromRequirements (requirements: LabelRequirement[]): Selector {
  return new RequirementsSelector(requirements)
}

export function everything (): Selector {
  return new RequirementsSelector([])
}

export function nothingSelector (): Selector {
  return new NothingSelector()
}
