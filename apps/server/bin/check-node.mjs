#!/usr/bin/env node
// `npm start` runs this first, before the web build and the bundle: an old Node gets the clear
// version message (exit 2) instead of a stack from a build tool or the minified bundle.
import { nodeVersionProblem } from './node-version.mjs';

const problem = nodeVersionProblem(process.versions.node);
if (problem !== null) {
  process.stderr.write(`${problem}\n`);
  process.exit(2);
}
