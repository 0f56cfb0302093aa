import type { ControllerContext } from '../../app/controller-context.js'

/** `deployment-controller`, with `--concurrent-deployment-syncs` workers. */
export async function startDeploymentController (_ctx: ControllerContext): Promise<void> {
  throw new Error('deployment controller not built yet')
}
