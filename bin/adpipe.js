#!/usr/bin/env node
// Entry for `npx adpipe`: runs the TypeScript CLI through tsx (no build step).
import { register } from 'tsx/esm/api';
register();
await import('../cli/index.ts');
