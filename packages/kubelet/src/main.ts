#!/usr/bin/env node
import { runCommand } from '@kube-ts/component-base'
import { createKubeletCommand } from './command.js'

void runCommand(createKubeletCommand)
