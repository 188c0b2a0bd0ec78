#!/usr/bin/env node
import { buildProgram } from './program.ts';
import { runMain } from './run-main.ts';

await runMain(buildProgram(), process.argv);
