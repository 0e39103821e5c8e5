#!/usr/bin/env node
// Validates Gateway API objects (Gateway, HTTPRoute, GRPCRoute of gateway.networking.k8s.io/v1)
// against the Gateway API's own schemas, as @kubernetes-models/gateway-api generates them from the
// project's CRDs. Other documents in the files are skipped.
//
//   node gateway-check.mjs FILE...
//
// Prints one JSON object to stdout: {"checked": N, "errors": [{"file", "kind", "name", "message"}]}.
// Exit 0: every object valid; 1: errors; 2: usage problem.

import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { Gateway, HTTPRoute, GRPCRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node gateway-check.mjs FILE...\n');
  process.exit(2);
}
const models = { Gateway, HTTPRoute, GRPCRoute };
const report = { checked: 0, errors: [] };
for (const file of files) {
  let docs;
  try {
    docs = yaml.loadAll(readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`gateway-check: cannot read ${file}: ${e.message}\n`);
    process.exit(2);
  }
  for (const doc of docs) {
    if (!doc || doc.apiVersion !== 'gateway.networking.k8s.io/v1' || !models[doc.kind]) {
      continue;
    }
    report.checked++;
    try {
      new models[doc.kind](doc).validate();
    } catch (e) {
      report.errors.push({ file, kind: doc.kind, name: doc.metadata?.name ?? '', message: e.message });
    }
  }
}
process.stdout.write(JSON.stringify(report) + '\n');
process.exit(report.errors.length === 0 ? 0 : 1);
