#!/usr/bin/env node
import { runCommand } from '@kube-ts/component-base'
import { createControllerManagerCommand } from './command.js'

void runCommand(createControllerManagerCommand)
