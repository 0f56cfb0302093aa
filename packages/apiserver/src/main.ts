#!/usr/bin/env node
import { runCommand } from '@kube-ts/component-base'
import { createApiServerCommand } from './command.js'

// main only wires (STYLE.md 2.6); runCommand sets process.exitCode
void runCommand(createApiServerCommand)
