import type { NextFunction, Request, Response } from 'express'
import type { Logger } from 'pino'
import type { ApiMetrics } from '../metrics.js'

/**
 * Records apiserver_request_total and apiserver_request_duration_seconds when each response closes, and logs the
 * request at debug level (upstream's httplog at V(3)).
 */
export function requestMetrics (metrics: ApiMetrics, logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const start = process.hrtime.bigint()
    res.on('close', () => {
      const labels = (res.locals.metricLabels as Record<string, string> | undefined) ??
        { verb: req.method, dry_run: '', group: '', version: '', resource: '', subresource: '', scope: '', component: 'apiserver' }
      const long = labels.verb === 'WATCH'
      metrics.requestTotal.inc({ ...labels, code: String(res.statusCode) })
      const seconds = Number(process.hrtime.bigint() - start) / 1e9
      if (!long) metrics.requestDuration.observe(labels, seconds)
      if (logger.isLevelEnabled('debug')) logger.debug({ verb: labels.verb, url: req.originalUrl, code: res.statusCode, durationMs: Math.round(seconds * 1000), userAgent: req.headers['user-agent'] }, 'request served')
    })
    next()
  }
}
