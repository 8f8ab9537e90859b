#!/usr/bin/env node
// The bundled build of src/cli/main.ts (npm run build: tsc, then scripts/bundle.mjs).
import '../dist/bundle/main.js';
