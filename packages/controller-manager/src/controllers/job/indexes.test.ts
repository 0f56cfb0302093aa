import { formatIndexes, parseIndexes, podIndex } from './indexes.js'

describe('completion indexes', () => {
  it.each<{ name: string, indexes: number[], text: string }>([
    { name: 'nothing completed is the empty string', indexes: [], text: '' },
    { name: 'a single index stays a number', indexes: [3], text: '3' },
    { name: 'consecutive indexes collapse into a range', indexes: [5, 1, 3, 4], text: '1,3-5' },
    { name: 'duplicates are counted once', indexes: [0, 0, 1, 2, 7], text: '0-2,7' }
  ])('formats: $name', ({ indexes, text }) => {
    expect(formatIndexes(indexes)).toBe(text)
    expect([...parseIndexes(text, 100)].sort((a, b) => a - b)).toEqual([...new Set(indexes)].sort((a, b) => a - b))
  })

  it.each<{ name: string, text: string, completions: number, want: number[] }>([
    { name: 'drops indexes at or beyond completions', text: '1,3-6', completions: 5, want: [1, 3, 4] },
    { name: 'skips malformed parts', text: 'x,2,-1,4-', completions: 10, want: [2] }
  ])('parses: $name', ({ text, completions, want }) => {
    expect([...parseIndexes(text, completions)]).toEqual(want)
  })

  it.each<{ name: string, meta: { annotations?: Record<string, string>, labels?: Record<string, string> }, want: number | undefined }>([
    { name: 'reads the annotation', meta: { annotations: { 'batch.kubernetes.io/job-completion-index': '2' } }, want: 2 },
    { name: 'falls back to the label', meta: { labels: { 'batch.kubernetes.io/job-completion-index': '1' } }, want: 1 },
    { name: 'rejects an index out of range', meta: { annotations: { 'batch.kubernetes.io/job-completion-index': '9' } }, want: undefined },
    { name: 'rejects a non-number', meta: { annotations: { 'batch.kubernetes.io/job-completion-index': 'a' } }, want: undefined }
  ])('podIndex $name', ({ meta, want }) => {
    expect(podIndex({ metadata: meta }, 3)).toBe(want)
  })
})
