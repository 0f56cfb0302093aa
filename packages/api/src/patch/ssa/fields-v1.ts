import { FieldSet, type FieldPath } from './field-set.js'

interface Node { member: boolean, children: Map<string, Node> }

const prefixRank: Record<string, number> = { 'f:': 0, 'k:': 1, 'v:': 2, 'i:': 3 }

function rank (pe: string): number {
  return prefixRank[pe.slice(0, 2)] ?? 4
}

function compareElements (a: string, b: string): number {
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)
}

/**
 * Encodes a set as the FieldsV1 trie: `{}` is a leaf member, `".":{}` marks a node that is a member and also has
 * member children, and siblings are ordered f: < k: < v: < i: then by bytes (structured-merge-diff serialize.go).
 */
export function encodeFieldsV1 (set: FieldSet): Record<string, unknown> {
  const root: Node = { member: false, children: new Map() }
  for (const path of set.paths()) {
    let node = root
    for (const pe of path) {
      let next = node.children.get(pe)
      if (next === undefined) {
        next = { member: false, children: new Map() }
        node.children.set(pe, next)
      }
      node = next
    }
    node.member = true
  }
  return encodeNode(root)
}

function encodeNode (node: Node): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  if (node.member && node.children.size > 0) out['.'] = {}
  for (const pe of [...node.children.keys()].sort(compareElements)) {
    // every element starts with a prefix (`f:`, `k:`, …), so a plain assignment can never reach the prototype
    out[pe] = encodeNode(node.children.get(pe) as Node)
  }
  return out
}

/** Decodes a FieldsV1 trie; unknown element prefixes are ignored as upstream does. */
export function decodeFieldsV1 (fields: unknown): FieldSet {
  const set = new FieldSet()
  const walk = (node: unknown, path: FieldPath): void => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return
    const entries = Object.entries(node as Record<string, unknown>)
    if (entries.length === 0 && path.length > 0) set.insert(path)
    for (const [pe, child] of entries) {
      if (pe === '.') {
        if (path.length > 0) set.insert(path)
        continue
      }
      if (!(pe.slice(0, 2) in prefixRank)) continue
      walk(child, [...path, pe])
    }
  }
  walk(fields, [])
  return set
}
