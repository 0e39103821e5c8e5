// Extracts, from a prebuilt cdktf provider package (@cdktf/provider-aws, -google, -azurerm), the
// arguments and nested blocks of the resource types archforge's infra/ templates use, and the names
// of every resource type the provider has. The output is the checked-in list InfraValidator reads
// (src/main/resources/infra/schema/<provider>.json). Usage:
//   node provider-schema.mjs PACKAGE_DIR TYPE... > provider.json
// The package's generated bindings say, per resource, which Terraform argument each property
// becomes (synthesizeAttributes) and which function renders each nested block. A resource with
// many blocks keeps those functions in an index-structs folder beside its index.js (google's
// container cluster does), so the script reads that folder too: nested blocks are extracted the
// same way wherever the package puts them.
import fs from "node:fs";
import path from "node:path";

const [dir, ...wanted] = process.argv.slice(2);
const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
const lib = path.join(dir, "lib");
const typeOf = new Map();
for (const folder of fs.readdirSync(lib)) {
  const file = path.join(lib, folder, "index.js");
  if (!fs.existsSync(file)) continue;
  const js = fs.readFileSync(file, "utf8");
  const m = js.match(/\.tfResourceType = "([a-z0-9_]+)";/);
  if (m && !folder.startsWith("data-") && !/^provider$/.test(folder)) typeOf.set(m[1], path.join(lib, folder));
}

// the resource's own bindings followed by those of its index-structs folder, if it has one
function source(folder) {
  const structs = path.join(folder, "index-structs");
  const files = fs.existsSync(structs)
    ? fs.readdirSync(structs).filter((f) => f.endsWith(".js")).sort().map((f) => path.join(structs, f))
    : [];
  return [path.join(folder, "index.js"), ...files].map((f) => fs.readFileSync(f, "utf8")).join("\n");
}

function fields(body) {
  const out = {};
  for (const line of body.split("\n")) {
    const m = line.match(/^\s+([a-z0-9_]+): (.*),?$/);
    if (!m) continue;
    // a nested block renders through its own function, called directly or through the module
    // that holds it (index_structs_1.xToTerraform, structs0_1.xToTerraform); plain values
    // through cdktf's (cdktf.stringToTerraform)
    const fn = [...m[2].matchAll(/(?<![.\w])(?:(\w+)\.)?([a-zA-Z0-9]+ToTerraform)\b/g)].find((f) => f[1] !== "cdktf");
    out[m[1]] = fn ? fn[2] : null;
  }
  return out;
}

function block(js, fnName, depth) {
  const re = new RegExp("function " + fnName + "\\(struct\\) \\{[\\s\\S]*?return \\{([\\s\\S]*?)\\n    \\};\\n\\}");
  const m = js.match(re);
  if (!m) return { arguments: [], blocks: {} };
  return shape(js, fields(m[1]), depth + 1);
}

function shape(js, f, depth) {
  const args = [];
  const blocks = {};
  for (const [k, fn] of Object.entries(f).sort()) {
    if (fn && depth < 4) blocks[k] = block(js, fn, depth);
    else args.push(k);
  }
  return { arguments: args, blocks };
}

const resources = {};
for (const type of wanted.sort()) {
  if (!typeOf.has(type)) { console.error("no resource type " + type + " in " + pkg.name); process.exit(2); }
  const js = source(typeOf.get(type));
  const m = js.match(/synthesizeAttributes\(\) \{\n\s+return \{([\s\S]*?)\n        \};/);
  resources[type] = shape(js, fields(m[1]), 0);
}
const provider = (pkg.cdktf && pkg.cdktf.provider) || {};
console.log(JSON.stringify({
  source: pkg.name + " " + pkg.version + " (generated from " + provider.name + " " + provider.version + ")",
  resourceTypes: [...typeOf.keys()].sort(),
  resources,
}, null, 1));
