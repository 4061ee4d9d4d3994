// Ajv (draft 2020-12, strict mode, ajv-formats) against the published JSON Schemas: every
// schema compiles, and on the fixture manifest (`cargo xtask manifest`) every schema gives
// the verdict the Rust validator gives. Run by tests/interop/run.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemasDir, manifestPath] = process.argv.slice(2);

// Strict mode throws on anything Ajv would otherwise ignore or guess about. The only
// relaxations are the ones the published schemas use on purpose:
// - the `x-pushspec-*` extension keywords (schemas/README.md) are declared as a vocabulary;
// - union types (`["string", "null"]`) are how schemars writes `Option<String>`.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
addFormats(ajv);
ajv.addVocabulary(["x-pushspec-rules", "x-pushspec-secret", "x-pushspec-tag", "x-pushspec-expresses"]);

const validators = new Map();
let compiled = 0;
for (const endpoint of readdirSync(schemasDir, { withFileTypes: true })) {
  if (!endpoint.isDirectory() || endpoint.name === "openapi") continue;
  for (const file of readdirSync(join(schemasDir, endpoint.name)).sort()) {
    if (!file.endsWith(".schema.json")) continue;
    const schema = JSON.parse(readFileSync(join(schemasDir, endpoint.name, file), "utf8"));
    validators.set(`${endpoint.name}/${file}`, ajv.compile(schema));
    compiled += 1;
  }
}

const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
const failures = [];
let compared = 0;
for (const entry of manifest) {
  if (entry.expect === "either") continue;
  const validate = validators.get(entry.schema);
  const accepted = validate(entry.body);
  compared += 1;
  if (accepted !== (entry.expect === "accept")) {
    failures.push(
      `${entry.fixture}: Rust says ${entry.expect} (${entry.errors.join(", ") || "no error"}), ` +
        `Ajv ${accepted ? "accepts" : "rejects"} ${JSON.stringify(validate.errors ?? [])}`,
    );
  }
}
console.log(`ajv: ${compiled} schemas compiled, ${compared} fixtures compared, ${failures.length} disagreements`);
if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exit(1);
}
