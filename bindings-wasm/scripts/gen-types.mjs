#!/usr/bin/env node
// Generates bindings-wasm/src/types.d.ts, the TypeScript declarations of motcua's data types,
// from the JSON Schemas in spec/schema/ (which the core derives from its Rust types), so the
// types seen from JavaScript cannot drift from what the core serializes.
//
//   node bindings-wasm/scripts/gen-types.mjs           rewrite types.d.ts
//   node bindings-wasm/scripts/gen-types.mjs --check   fail if types.d.ts is stale
//
// Each schema file's root (named by its "title") and each of its "$defs" becomes one exported
// type; a name defined twice must have the same schema. Descriptions become doc comments.
// Only the JSON Schema that schemars writes is understood; anything else is an error here, not
// a silent `any`.

import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const schemaDir = join(root, "spec", "schema");
const output = join(here, "..", "src", "types.d.ts");

// Schema types whose name is taken: by a class the module exports (the class is the handle,
// the type is the JSON document it is read from), or by a JavaScript global.
const RENAMED = { Procedure: "ProcedureJson", Date: "CalendarDate" };

class SchemaError extends Error {}

// Keywords that describe a schema without constraining its values.
const ANNOTATIONS = new Set(["description", "default", "examples", "title", "deprecated", "readOnly", "writeOnly", "$comment"]);

function typeName(name) {
  return RENAMED[name] ?? name;
}

function docComment(description, indent) {
  if (!description) return "";
  const lines = description.trim().replaceAll("*/", "*\\/").split("\n");
  return `${indent}/**\n${lines.map((l) => `${indent} *${l ? " " + l : ""}`).join("\n")}\n${indent} */\n`;
}

function literal(value) {
  return JSON.stringify(value);
}

function propertyKey(key) {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : JSON.stringify(key);
}

// The TypeScript type of `schema`; `where` names the place for error messages.
function tsType(schema, where, indent) {
  if (schema === true || (typeof schema === "object" && Object.keys(schema).length === 0)) {
    return "unknown";
  }
  if (typeof schema !== "object" || schema === null) throw new SchemaError(`${where}: not a schema`);
  if (schema.$ref) {
    const m = /^#\/\$defs\/(.+)$/.exec(schema.$ref);
    if (!m) throw new SchemaError(`${where}: unsupported $ref ${schema.$ref}`);
    // A reference with constraints beside it (a flattened struct in a tagged enum's variant)
    // is the referenced type and those constraints.
    const { $ref, ...rest } = schema;
    const constraints = Object.fromEntries(Object.entries(rest).filter(([k]) => !ANNOTATIONS.has(k)));
    if (Object.keys(constraints).length === 0) return typeName(m[1]);
    return `${typeName(m[1])} & ${tsType(constraints, where, indent)}`;
  }
  if ("const" in schema) return literal(schema.const);
  if (schema.enum) return schema.enum.map(literal).join(" | ");
  for (const key of ["oneOf", "anyOf"]) {
    if (schema[key]) {
      const base = { ...schema };
      delete base[key];
      delete base.description;
      if (base.properties) {
        // Properties beside the variants (a struct with a flattened enum): every value has the
        // properties and one of the variants.
        const variants = schema[key].map((s, i) => tsType(s, `${where}/${key}/${i}`, indent));
        return `${tsType(base, where, indent)} & (${variants.join(" | ")})`;
      }
      const parts = schema[key].map((s, i) => {
        const merged = { ...base, ...s };
        // A variant that only restates the outer type (schemars puts "type" outside oneOf).
        return tsType(merged, `${where}/${key}/${i}`, indent);
      });
      return parts.join(" | ");
    }
  }
  if (schema.allOf) {
    return schema.allOf.map((s, i) => tsType(s, `${where}/allOf/${i}`, indent)).join(" & ");
  }
  if (Array.isArray(schema.type)) {
    return schema.type
      .map((t) => tsType({ ...schema, type: t }, where, indent))
      .join(" | ");
  }
  switch (schema.type) {
    case "null":
      return "null";
    case "boolean":
      return "boolean";
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "array":
      if (schema.prefixItems) {
        return `[${schema.prefixItems.map((s, i) => tsType(s, `${where}/prefixItems/${i}`, indent)).join(", ")}]`;
      }
      if (!schema.items) throw new SchemaError(`${where}: array without items`);
      {
        const item = tsType(schema.items, `${where}/items`, indent);
        return /^[A-Za-z0-9_]+$/.test(item) ? `${item}[]` : `Array<${item}>`;
      }
    case "object":
      return objectType(schema, where, indent);
    default:
      throw new SchemaError(`${where}: unsupported schema ${JSON.stringify(schema).slice(0, 120)}`);
  }
}

function objectType(schema, where, indent) {
  const props = schema.properties ?? {};
  const required = new Set(schema.required ?? []);
  const inner = indent + "  ";
  const lines = [];
  for (const [key, sub] of Object.entries(props)) {
    const optional = required.has(key) ? "" : "?";
    lines.push(docComment(sub.description, inner) + `${inner}${propertyKey(key)}${optional}: ${tsType(sub, `${where}/properties/${key}`, inner)};`);
  }
  const extra = schema.additionalProperties;
  if (extra !== undefined && extra !== false && Object.keys(props).length === 0) {
    return `{ [key: string]: ${tsType(extra, `${where}/additionalProperties`, inner)} }`;
  }
  if (lines.length === 0) return "{ [key: string]: unknown }";
  return `{\n${lines.join("\n")}\n${indent}}`;
}

function collect() {
  const files = readdirSync(schemaDir).filter((f) => f.endsWith(".json")).sort();
  if (files.length === 0) throw new SchemaError(`no schema in ${schemaDir}`);
  const defs = new Map();
  const add = (name, schema, file) => {
    const seen = defs.get(name);
    if (seen && !isDeepStrictEqual(seen.schema, schema)) {
      throw new SchemaError(`${name} is defined differently in ${seen.file} and ${file}`);
    }
    if (!seen) defs.set(name, { schema, file });
  };
  for (const file of files) {
    const doc = JSON.parse(readFileSync(join(schemaDir, file), "utf8"));
    for (const [name, schema] of Object.entries(doc.$defs ?? {})) add(name, schema, file);
    if (!doc.title) throw new SchemaError(`${file}: the root schema has no title`);
    const { $schema, $defs, title, $id, $comment, ...rootSchema } = doc;
    add(title, rootSchema, file);
  }
  return { files, defs };
}

// The description of a type, followed by those of its values when it is a union of constants
// (a Rust enum of unit variants, each with its doc comment).
function describe(schema) {
  const variants = (schema.oneOf ?? schema.anyOf ?? []).filter((v) => "const" in v && v.description);
  const lines = variants.map((v) => `- ${literal(v.const)}: ${v.description.trim().replaceAll("\n", " ")}`);
  return [schema.description?.trim(), lines.join("\n")].filter(Boolean).join("\n\n");
}

function generate() {
  const { files, defs } = collect();
  const out = [
    "// Generated by bindings-wasm/scripts/gen-types.mjs from " + files.map((f) => `spec/schema/${f}`).join(", ") + ".",
    "// Do not edit: change the Rust types, regenerate the schemas, then run scripts/regen.",
    "",
  ];
  for (const name of [...defs.keys()].sort()) {
    const { schema, file } = defs.get(name);
    const where = `${file}#${name}`;
    const body = tsType(schema, where, "");
    out.push(docComment(describe(schema), "") + `export type ${typeName(name)} = ${body};`, "");
  }
  return out.join("\n");
}

function main() {
  const check = process.argv.includes("--check");
  let text;
  try {
    text = generate();
  } catch (e) {
    if (e instanceof SchemaError) {
      console.error(`gen-types: ${e.message}`);
      process.exit(2);
    }
    throw e;
  }
  if (check) {
    let current = "";
    try {
      current = readFileSync(output, "utf8");
    } catch {
      // A missing file is stale.
    }
    if (current !== text) {
      console.error("gen-types: bindings-wasm/src/types.d.ts is stale; run scripts/regen (or node bindings-wasm/scripts/gen-types.mjs)");
      process.exit(1);
    }
    console.error("gen-types: bindings-wasm/src/types.d.ts is current");
  } else {
    writeFileSync(output, text);
    console.error(`gen-types: wrote ${output}`);
  }
}

main();
