import type { NextFunction, Request, Response } from 'express'
import type { ApiMetrics } from '../metrics.js'

/** Records apiserver_request_total and apiserver_request_duration_seconds when each response closes. */
export function requestMetrics (metrics: ApiMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint()
    res.on('close', () => {
      const labels = (res.locals.metricLabels as Record<string, string> | undefined) ??
        { verb: req.method, group: '', version: '', resource: '', subresource: '', scope: '', component: 'apiserver' }
      const long = labels.verb === 'WATCH'
      metrics.requestTotal.inc({ ...labels, code: String(res.statusCode) })
      if (!long) metrics.requestDuration.observe(labels, Number(process.hrtime.bigint() - start) / 1e9)
    })
    next()
  }
}
