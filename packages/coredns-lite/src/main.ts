#!/usr/bin/env node
import { runCommand } from '@kube-ts/component-base'
import { createCorednsLiteCommand } from './command.js'

void runCommand(createCorednsLiteCommand)
