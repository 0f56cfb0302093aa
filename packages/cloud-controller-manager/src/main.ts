#!/usr/bin/env node
import { runCommand } from '@kube-ts/component-base'
import { createCloudControllerManagerCommand } from './command.js'

void runCommand(createCloudControllerManagerCommand)
