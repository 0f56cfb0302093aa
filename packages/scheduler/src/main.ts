#!/usr/bin/env node
import { runCommand } from '@kube-ts/component-base'
import { createSchedulerCommand } from './command.js'

void runCommand(createSchedulerCommand)
