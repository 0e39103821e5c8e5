// Parses each .tf file given with @cdktf/hcl2json (HashiCorp's HCL parser, compiled to
// WebAssembly) and prints one JSON report: for each file whether it parsed, the parser's message
// when it did not, and the resource types and names it declares.
//   node hcl2json-check.mjs FILE...
import fs from "node:fs";
import { parse } from "@cdktf/hcl2json";

const files = [];
for (const file of process.argv.slice(2)) {
  try {
    const json = await parse(file, fs.readFileSync(file, "utf8"));
    const resources = [];
    for (const [type, byName] of Object.entries(json.resource || {})) {
      for (const name of Object.keys(byName)) resources.push(type + "." + name);
    }
    files.push({ file, parsed: true, error: null, resources, modules: Object.keys(json.module || {}) });
  } catch (e) {
    files.push({ file, parsed: false, error: String(e && e.message ? e.message : e), resources: [], modules: [] });
  }
}
console.log(JSON.stringify({ files }));
process.exit(files.every((f) => f.parsed) ? 0 : 1);
