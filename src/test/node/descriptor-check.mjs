#!/usr/bin/env node
// A second check of the managed-container descriptors with a published schema that archforge's Java
// validators do not use: Cloud Run service YAML, a Knative Service (serving.knative.dev/v1), against
// Knative Serving's own schema as @kubernetes-models/knative generates it from Knative's CRDs. Other
// documents are skipped: neither ECS task definitions nor Container Apps YAML has a schema on npm.
//
//   node descriptor-check.mjs FILE...
//
// Prints one JSON object to stdout: {"checked": N, "errors": [{"file", "kind", "name", "message"}]}.
// Exit 0: every object valid; 1: errors; 2: usage problem.

import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { Service } from '@kubernetes-models/knative/serving.knative.dev/v1';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: node descriptor-check.mjs FILE...\n');
  process.exit(2);
}
const report = { checked: 0, errors: [] };
for (const file of files) {
  let docs;
  try {
    docs = yaml.loadAll(readFileSync(file, 'utf8'));
  } catch (e) {
    process.stderr.write(`descriptor-check: cannot read ${file}: ${e.message}\n`);
    process.exit(2);
  }
  for (const doc of docs) {
    if (!doc || doc.apiVersion !== 'serving.knative.dev/v1' || doc.kind !== 'Service') {
      continue;
    }
    report.checked++;
    try {
      new Service(doc).validate();
    } catch (e) {
      report.errors.push({ file, kind: doc.kind, name: doc.metadata?.name ?? '', message: e.message });
    }
  }
}
process.stdout.write(JSON.stringify(report) + '\n');
process.exit(report.errors.length === 0 ? 0 : 1);
