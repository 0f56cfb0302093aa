#!/usr/bin/env node
import { runCommand } from '@kube-ts/component-base'
import { createKubeProxyCommand } from './command.js'

void runCommand(createKubeProxyCommand)
