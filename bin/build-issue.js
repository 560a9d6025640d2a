#!/usr/bin/env node
// build-issue runs its TypeScript sources directly through tsx: no build step
// between editing a stage and running it.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
