// Checks of the page's files and its server that need no browser: no HTML built from strings,
// every UI text in both languages, and what the server serves (MIME types, the CSP header, and
// nothing outside the page and the package).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { connect } from "node:net";

import { CONTENT_SECURITY_POLICY, startServer } from "../server.mjs";
import { keys, t } from "../i18n.js";

const WWW = new URL("../", import.meta.url);

test("no script of the page builds HTML from strings", async () => {
  const files = (await readdir(WWW)).filter((f) => /\.m?js$/.test(f));
  assert.ok(files.includes("app.js"));
  for (const file of files) {
    const source = await readFile(new URL(file, WWW), "utf8");
    for (const sink of ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "createContextualFragment", "srcdoc"]) {
      assert.ok(!source.includes(sink), `${file} uses ${sink}`);
    }
    assert.doesNotMatch(source, /\beval\s*\(|new Function\s*\(/, `${file} evaluates strings`);
  }
});

test("the page has no inline script or style, which its policy would refuse", async () => {
  const html = await readFile(new URL("index.html", WWW), "utf8");
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
  assert.doesNotMatch(html, /<style\b|\sstyle=|\son[a-z]+=/i);
  const meta = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  assert.ok(meta, "index.html has a CSP meta tag");
  // The meta tag says what the header says, less frame-ancestors (ignored in a meta tag).
  const header = CONTENT_SECURITY_POLICY.split("; ").filter((d) => !d.startsWith("frame-ancestors"));
  assert.deepEqual(meta[1].split("; "), header);
});

test("every UI text exists in both languages, with the same placeholders", () => {
  assert.deepEqual(keys("zh-CN").sort(), keys("en").sort());
  const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const key of keys("en")) {
    assert.deepEqual(placeholders(t("zh-CN", key)), placeholders(t("en", key)), key);
  }
});

let server;
before(async () => {
  server = await startServer();
});
after(() => server?.close());

test("the server prints its URL on 127.0.0.1 and serves the page with the CSP", async () => {
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  const page = await fetch(server.url);
  assert.equal(page.status, 200);
  assert.equal(page.headers.get("content-type"), "text/html; charset=utf-8");
  assert.equal(page.headers.get("content-security-policy"), CONTENT_SECURITY_POLICY);
  assert.equal(page.headers.get("x-content-type-options"), "nosniff");
  for (const [path, type] of [
    ["app.js", "text/javascript; charset=utf-8"],
    ["style.css", "text/css; charset=utf-8"],
    ["pkg/package.json", "application/json; charset=utf-8"],
  ]) {
    const response = await fetch(new URL(path, server.url));
    assert.equal(response.status, 200, path);
    assert.equal(response.headers.get("content-type"), type, path);
  }
});

test("the server maps /pkg/ to the package and serves its WebAssembly as application/wasm", async () => {
  const manifest = JSON.parse(await readFile(new URL("../pkg/package.json", WWW), "utf8"));
  const wasm = Object.values(manifest.exports ?? {}).find((v) => typeof v === "string" && v.endsWith(".wasm"))
    ?? (manifest.files ?? []).find((f) => f.endsWith(".wasm"));
  assert.ok(wasm, "pkg/package.json names a .wasm file");
  const response = await fetch(new URL(`pkg/${wasm.replace(/^\.\//, "")}`, server.url));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "application/wasm");
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.deepEqual([...bytes.subarray(0, 4)], [0x00, 0x61, 0x73, 0x6d]);
});

test("the server serves nothing outside the page and the package", async () => {
  for (const path of [
    "server.mjs",
    "package.json",
    "test/static.test.mjs",
    "node_modules/playwright-core/package.json",
    "pkg/node_modules/.package-lock.json",
    "pkg/package-lock.json",
    "package-lock.json",
    "pkg/test/api.test.mjs",
    "pkg/test/browser/index.html",
    "pkg/test/",
    "pkg/Cargo.lock",
    "pkg/yarn.lock",
    "%2e%2e/Cargo.toml",
    "pkg/%2e%2e/Cargo.toml",
    "..%2fCargo.toml",
    ".gitignore",
    "missing.html",
  ]) {
    const response = await fetch(`${server.url}${path}`);
    assert.equal(response.status, 404, path);
  }
  const post = await fetch(server.url, { method: "POST", body: "x" });
  assert.equal(post.status, 405);
});

/** The raw answer of the server to `request`, bytes written as they are. */
function rawExchange(url, request) {
  const { port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1");
    let answer = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk) => (answer += chunk));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
    socket.setTimeout(5000, () => socket.destroy(new Error("no answer in 5 s")));
    socket.end(request);
  });
}

test("the server's own 400 and 431 answers carry the CSP too", async () => {
  for (const [request, status] of [
    ["NOT HTTP AT ALL\r\n\r\n", 400],
    [`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`, 431],
  ]) {
    const answer = await rawExchange(server.url, request);
    const [head] = answer.split("\r\n\r\n");
    const [statusLine, ...lines] = head.split("\r\n");
    assert.match(statusLine, new RegExp(`^HTTP/1\\.1 ${status} `), answer);
    const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 2)]));
    assert.equal(headers.get("content-security-policy"), CONTENT_SECURITY_POLICY, `${status}`);
    assert.equal(headers.get("x-content-type-options"), "nosniff", `${status}`);
  }
});
