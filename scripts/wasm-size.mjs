#!/usr/bin/env node
// What a WebAssembly module's bytes are made of: code per crate (and per module of our own
// crate) and the largest functions, read off the module's name section, and the data
// segments. The module must keep its names (`wasm-opt -g`); scripts/build-wasm.sh makes such
// a copy of the package's module, optimised alike, and prints this report.
//
//   node scripts/wasm-size.mjs MODULE.wasm [--top N] [--forbid REGEX]
//
// `--forbid` exits 1, naming them, when functions whose names match REGEX are in the module:
// scripts/build-wasm.sh keeps out what the package promises is not there (float formatting,
// serde_json, std's io error texts), which a change elsewhere in the crate can pull in unseen.
//
// Sizes are raw bytes of function bodies; the share of each in the gzip of the whole module is
// about proportional.

import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith("--") && !args[i - 1]?.startsWith("--"));
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const top = option("--top", 25);
const forbidAt = args.indexOf("--forbid");
const forbidden = forbidAt >= 0 ? new RegExp(args[forbidAt + 1]) : null;
if (!file) {
  console.error("usage: node scripts/wasm-size.mjs MODULE.wasm [--top N]");
  process.exit(2);
}

const bytes = readFileSync(file);
let at = 8; // magic and version

/** An unsigned LEB128 at `at`, advancing it. */
function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    if (byte === undefined) throw new Error(`${file}: truncated at byte ${at}`);
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return result;
    shift += 7;
  }
}

function name() {
  const length = leb();
  const text = bytes.subarray(at, at + length).toString("utf8");
  at += length;
  return text;
}

let importedFunctions = 0;
const bodies = []; // sizes of the code section's bodies, in order
const names = new Map(); // function index -> name
const sections = new Map(); // section label -> bytes
let dataBytes = 0;
let dataSegments = 0;

while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const start = at;
  const end = start + size;
  let label = `section ${id}`;
  if (id === 0) {
    const custom = name();
    label = `custom "${custom}"`;
    if (custom === "name") readNames(end);
  } else if (id === 2) {
    label = "import";
    const count = leb();
    for (let i = 0; i < count; i++) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) {
        leb();
        importedFunctions++;
      } else if (kind === 1) {
        at++;
        limits();
      } else if (kind === 2) limits();
      else if (kind === 3) at += 2;
      else throw new Error(`${file}: unknown import kind ${kind}`);
    }
  } else if (id === 10) {
    label = "code";
    const count = leb();
    for (let i = 0; i < count; i++) {
      const body = leb();
      bodies.push(body);
      at += body;
    }
  } else if (id === 11) {
    label = "data";
    const count = leb();
    for (let i = 0; i < count; i++) {
      const mode = leb();
      if (mode === 2) leb();
      if (mode !== 1) skipExpression();
      const length = leb();
      dataBytes += length;
      dataSegments++;
      at += length;
    }
  } else {
    label = ["custom", "type", "import", "function", "table", "memory", "global", "export",
      "start", "element", "code", "data", "data count"][id] ?? label;
  }
  sections.set(label, (sections.get(label) ?? 0) + size);
  at = end;
}

function limits() {
  const flags = bytes[at++];
  leb();
  if (flags & 1) leb();
}

function skipExpression() {
  // Constant expressions of data segments: i32.const N end, or global.get N end.
  const op = bytes[at++];
  if (op === 0x41 || op === 0x23) {
    // signed or unsigned, the bytes are skipped alike
    while (bytes[at++] & 0x80);
  } else if (op === 0x42) {
    while (bytes[at++] & 0x80);
  }
  if (bytes[at++] !== 0x0b) throw new Error(`${file}: unexpected data offset expression`);
}

function readNames(end) {
  while (at < end) {
    const kind = bytes[at++];
    const size = leb();
    const next = at + size;
    if (kind === 1) {
      const count = leb();
      for (let i = 0; i < count; i++) {
        const index = leb();
        names.set(index, name());
      }
    }
    at = next;
  }
}

/**
 * A (demangled) function name without its hash and its crates' disambiguators
 * (`core[c5930c85a12de822]::fmt` is `core::fmt`; a standard library built from source names
 * every crate so).
 */
function plain(fn) {
  return fn.replace(/::h[0-9a-f]{16}$/, "").replace(/\[[0-9a-f]{16}\]/g, "");
}

/** The crate a (demangled) function name belongs to, and for ours its module. */
function owner(fn) {
  if (/ shim$/.test(fn)) return "wasm-bindgen export shims";
  let text = plain(fn);
  // `<A as B>::f` belongs to A's crate, or to B's when A is a primitive or a type parameter.
  const impl = /^<(?:&|mut |\[|\(|\*const |\*mut |dyn )*([A-Za-z_][A-Za-z0-9_]*)[^ ]*(?: as ([A-Za-z_][A-Za-z0-9_]*))?/.exec(text);
  if (impl) {
    const [, type, trait] = impl;
    const local = /^[a-z_][a-z0-9_]*$/.test(type) && !PRIMITIVES.has(type);
    text = local ? text.slice(text.indexOf(type)) : trait ?? "core";
    if (!local && PRIMITIVES.has(type) && !trait) return "core";
  }
  const match = /^([A-Za-z_][A-Za-z0-9_]*)(?:::([A-Za-z_][A-Za-z0-9_]*))?/.exec(text);
  if (!match) return "(unnamed)";
  const [, crate, module] = match;
  if (crate === "cloudaudit_lint" && module) return `${crate}::${module}`;
  if (/^(__wbg|__wbindgen|__externref|__wasm_bindgen|wasm_bindgen)/.test(crate)) return "wasm_bindgen";
  if (/^(memcpy|memmove|memset|memcmp|bcmp|__rust|rust_|__rdl|__rg|compiler_builtins)/.test(crate)) return "compiler runtime";
  if (module) return crate;
  return "(other)";
}

const PRIMITIVES = new Set(["char", "str", "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16",
  "i32", "i64", "i128", "isize", "f32", "f64", "bool", "T", "F", "I", "K", "V", "S", "E", "R", "W"]);

const total = bodies.reduce((a, b) => a + b, 0);
const byOwner = new Map();
const functions = bodies.map((size, i) => {
  const fn = names.get(importedFunctions + i) ?? `(function ${importedFunctions + i})`;
  const group = owner(fn);
  byOwner.set(group, (byOwner.get(group) ?? 0) + size);
  return { fn, size };
});

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const pct = (n) => `${((100 * n) / total).toFixed(1)}%`;
const pad = (text, width) => (text.length >= width ? text : text + " ".repeat(width - text.length));

console.log(`${file}: ${kb(bytes.length)} (${names.size ? "" : "no name section: "}code ${kb(total)} in ${bodies.length} functions, data ${kb(dataBytes)} in ${dataSegments} segments)`);
console.log("\ncode by crate (our crate by module):");
for (const [group, size] of [...byOwner].sort((a, b) => b[1] - a[1])) {
  if (size < total * 0.002) continue;
  console.log(`  ${pad(group, 40)} ${kb(size).padStart(9)} ${pct(size).padStart(6)}`);
}
console.log(`\nthe ${top} largest functions:`);
for (const { fn, size } of functions.sort((a, b) => b.size - a.size).slice(0, top)) {
  const shown = plain(fn);
  console.log(`  ${kb(size).padStart(9)}  ${shown.length > 110 ? shown.slice(0, 107) + "..." : shown}`);
}

if (forbidden) {
  const found = functions.filter(({ fn }) => forbidden.test(plain(fn)));
  if (!names.size) {
    console.error(`${file}: no name section, so --forbid cannot look`);
    process.exit(1);
  }
  if (found.length > 0) {
    console.error(`\n${file}: ${found.length} function(s) the module must not hold (${forbidden}):`);
    for (const { fn, size } of found.slice(0, 20)) console.error(`  ${kb(size).padStart(9)}  ${fn}`);
    process.exit(1);
  }
}
