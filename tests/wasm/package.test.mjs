// The npm package in bindings-wasm/pkg/ (tests/wasm/build.sh, bindings-wasm/scripts/package.mjs)
// as a user gets it: its manifest, the files `npm pack` puts in it and nothing else, a doc
// comment on every declared function; then, installed from its tarball in a scratch project,
// the node examples of its README print what the README says they print, TypeScript finds its
// declarations through the exports map, and require() loads it where node allows.
// (The README's browser example runs in tests/wasm/browser.test.mjs.)
// The package motcua-signature in bindings-wasm/pkg-signature/ (the signature checker's own
// module) is checked the same way for its manifest, its files and its doc comments.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";

import { root } from "./load.mjs";
import { examples } from "./readme.mjs";

const pkg = join(root, "bindings-wasm", "pkg");
const signaturePkg = join(root, "bindings-wasm", "pkg-signature");
const manifest = JSON.parse(readFileSync(join(pkg, "package.json"), "utf8"));
const signatureManifest = JSON.parse(readFileSync(join(signaturePkg, "package.json"), "utf8"));
const readme = readFileSync(join(pkg, "README.md"), "utf8");
const scratch = mkdtempSync(join(tmpdir(), "motcua-package-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const npm = (args, cwd) => execFileSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], { cwd, encoding: "utf8" });

/** Every file named by the manifest's `main`, `types` and `exports`. */
function named(value) {
  if (typeof value === "string") return [value];
  return Object.values(value).flatMap(named);
}

for (const [dir, m, name] of [
  [pkg, manifest, "motcua"],
  [signaturePkg, signatureManifest, "motcua-signature"],
]) {
  test(`${name}: package.json: name, the workspace's version, ES modules, entry points that exist`, () => {
    const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
    const workspace = /^\[workspace\.package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(cargo);
    assert.ok(workspace, "no version in [workspace.package]");
    assert.equal(m.name, name);
    assert.equal(m.version, workspace[1]);
    assert.equal(m.type, "module");
    assert.equal(m.license, "Apache-2.0 OR MIT");
    assert.deepEqual(Object.keys(m.exports["."]), ["node", "default"]);
    assert.equal(m.exports["."].node.default, "./node/motcua.js");
    assert.equal(m.exports["."].default.default, "./web/motcua.js");
    for (const file of new Set([m.main, m.types, ...named(m.exports)])) {
      assert.ok(existsSync(join(dir, file)), `${file} is named by package.json but missing`);
    }
  });

  test(`${name}: npm pack puts in the entry points, their declarations, the module and the README, nothing else`, () => {
    const [packed] = JSON.parse(npm(["pack", "--dry-run", "--json"], dir));
    assert.deepEqual(packed.files.map((f) => f.path).sort(), [
      "README.md",
      "node/motcua.d.ts",
      "node/motcua.js",
      "package.json",
      "web/motcua.d.ts",
      "web/motcua.js",
      "web/motcua_bg.wasm",
    ]);
    console.log(`npm pack: ${packed.filename}, ${packed.size} bytes packed, ${packed.unpackedSize} unpacked`);
  });

  test(`${name}: every declared function, class and method has a doc comment`, () => {
    const lines = readFileSync(join(dir, "web", "motcua.d.ts"), "utf8").split("\n");
    const declarations = lines.flatMap((line, i) =>
      /^export (default )?(function|class)\b|^ {4}(static )?[\w[\].]+\(.*\): .*;$/.test(line) ? [i] : [],
    );
    assert.ok(declarations.length > 6, `only ${declarations.length} declarations found`);
    const bare = declarations.filter((i) => !/^\s*\*\/$/.test(lines[i - 1] ?? "")).map((i) => lines[i].trim());
    assert.deepEqual(bare, [], "declared without a doc comment");
  });
}

test("motcua-signature declares verify and verifyDetached; motcua does not hold them", () => {
  const dts = readFileSync(join(signaturePkg, "web", "motcua.d.ts"), "utf8");
  assert.match(dts, /^export function verify\(bytes: Uint8Array, options: VerifyOptionsJson \| string\): SignatureReport;$/m);
  assert.match(dts, /^export function verifyDetached\(signature: Uint8Array, content: Uint8Array, options: VerifyOptionsJson \| string\): SignatureReport;$/m);
  assert.doesNotMatch(readFileSync(join(pkg, "web", "motcua.d.ts"), "utf8"), /^export function verify/m);
});

/** The packed package installed in the scratch project, once. */
let installed = null;
function install() {
  if (installed) return installed;
  const tarball = join(scratch, JSON.parse(npm(["pack", "--json", "--pack-destination", scratch], pkg))[0].filename);
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ private: true, type: "module" }));
  npm(["install", "--offline", "--no-package-lock", tarball], scratch);
  installed = scratch;
  return installed;
}

test("the README's node examples run against the packed package and print what it says", () => {
  const project = install();
  const cases = examples(readme, "js");
  assert.ok(cases.length >= 2, "the README has no node example");
  cases.forEach(({ code, expected }, i) => {
    const file = join(project, `example-${i + 1}.mjs`);
    writeFileSync(file, code);
    const out = execFileSync(process.execPath, [file], { cwd: project, encoding: "utf8" });
    assert.ok(expected !== null, `example ${i + 1} has no \`\`\`text block with its output after it`);
    assert.equal(out, expected, `example ${i + 1}:\n${code}`);
  });
});

test("TypeScript finds the declarations through the exports map, for node and for the web entry", () => {
  const project = install();
  writeFileSync(
    join(project, "check.ts"),
    [
      'import init, { idsCheck, type IdCheck, type MotcuaError } from "motcua";',
      'import * as web from "motcua/web";',
      "await init();",
      'const check: IdCheck = idsCheck("phone", "0912 345 678", "2026-11-23");',
      "const same: typeof web.idsCheck = idsCheck;",
      "// @ts-expect-error: not an IdKind",
      'idsCheck("passport", "B1234567", "2026-11-23");',
      "export const used: [IdCheck, typeof same, MotcuaError | null] = [check, same, null];",
      "",
    ].join("\n"),
  );
  const tsc = join(root, "bindings-wasm", "node_modules", ".bin", "tsc");
  const options = ["--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022"];
  try {
    execFileSync(tsc, [...options, "--lib", "es2022,dom,esnext.disposable", join(project, "check.ts")], {
      cwd: project,
      encoding: "utf8",
    });
  } catch (e) {
    assert.fail(`tsc on a program importing the package:\n${e.stdout}${e.stderr}`);
  }
});

test("require() loads the package where node loads ES modules that way", (t) => {
  if (!process.features.require_module) return t.skip(`node ${process.version} cannot require() an ES module`);
  const project = install();
  const out = execFileSync(process.execPath, ["--no-warnings", "-e", 'console.log(require("motcua").version())'], {
    cwd: project,
    encoding: "utf8",
  });
  assert.equal(out.trim(), manifest.version);
});
