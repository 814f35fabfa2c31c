#!/usr/bin/env node
// Entry point of the `chitieu` command. The sources are TypeScript run through tsx's loader, so a
// fresh clone works after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
