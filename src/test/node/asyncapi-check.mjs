#!/usr/bin/env node
// Parses AsyncAPI documents with the real @asyncapi/parser (its default ruleset: the AsyncAPI
// JSON Schema of the document's version, $ref resolution, and the parser's own rules).
//
//   node asyncapi-check.mjs FILE...
//
// Prints one JSON object to stdout:
//   {"files": [{"file", "parsed", "diagnostics": [{"code", "severity", "message", "path", "line"}]}]}
// where parsed says whether the parser produced a document, severity is the parser's (0 error,
// 1 warning, 2 information, 3 hint), path the JSON path of the finding and line its 1-based line
// (0 when the parser gives none). Exit 0: no error in any file; 1: errors; 2: usage problem (no file
// given, a file that cannot be read).

import { readFileSync } from 'node:fs';
import { Parser } from '@asyncapi/parser';

const files = process.argv.slice(2);
if (files.length === 0 || files.some((f) => f === '-h' || f === '--help')) {
  process.stderr.write('usage: node asyncapi-check.mjs FILE...\n');
  process.exit(2);
}

// stdout carries only the JSON report.
for (const level of ['log', 'info', 'debug', 'warn', 'trace']) {
  console[level] = (...args) => console.error(...args);
}

const parser = new Parser();
const report = { files: [] };
let errors = 0;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`asyncapi-check: cannot read ${file}: ${e.message}\n`);
    process.exit(2);
  }
  let result;
  try {
    result = await parser.parse(text);
  } catch (e) {
    result = { document: undefined, diagnostics: [{ code: 'parser-threw', severity: 0, message: String(e?.message ?? e), path: [] }] };
  }
  const diagnostics = (result.diagnostics ?? []).map((d) => ({
    code: String(d.code ?? ''),
    severity: d.severity,
    message: d.message,
    path: (d.path ?? []).map(String),
    line: d.range?.start ? d.range.start.line + 1 : 0,
  }));
  if (result.document === undefined && !diagnostics.some((d) => d.severity === 0)) {
    diagnostics.push({ code: 'not-parsed', severity: 0, message: 'the parser returned no document', path: [], line: 0 });
  }
  errors += diagnostics.filter((d) => d.severity === 0).length;
  report.files.push({ file, parsed: result.document !== undefined, diagnostics });
}

process.stdout.write(JSON.stringify(report) + '\n');
process.exit(errors === 0 ? 0 : 1);
