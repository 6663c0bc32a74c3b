// Helpers of the browser tests: serve a folder over HTTP with a strict Content-Security-Policy,
// and print what headless Chromium (Debian's chromium, installed by scripts/setup.sh) makes of
// a page: the page writes its findings into <pre id="result">, read back with --dump-dom.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".tsv": "text/tab-separated-values; charset=utf-8",
};

/** Serves `root`; resolves to the server, listening on a free port of 127.0.0.1. */
export function serve(root) {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
    try {
      const body = readFileSync(join(root, path));
      response.writeHead(200, {
        "Content-Type": types[extname(path)] ?? "application/octet-stream",
        // No inline script, no eval: only the compilation of WebAssembly is allowed.
        "Content-Security-Policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'",
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The text of `<pre id="result">` once Chromium has run the page at `url`. */
export async function pageResult(url) {
  const profile = mkdtempSync(join(tmpdir(), "cloudaudit-lint-chromium-"));
  const args = [
    "--headless",
    "--no-sandbox", // as root, Chromium refuses to start with its sandbox
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    `--user-data-dir=${profile}`,
    "--virtual-time-budget=10000",
    "--dump-dom",
    url,
  ];
  const dom = await new Promise((resolve, reject) => {
    // Asynchronous: the server answering Chromium runs in this process.
    execFile("chromium", args, { encoding: "utf8", timeout: 60_000 }, (error, stdout) => {
      rmSync(profile, { recursive: true, force: true });
      if (error && !stdout) reject(new Error(`cannot run chromium (scripts/setup.sh browser): ${error.message}`));
      else resolve(stdout);
    });
  });
  const text = dom.match(/<pre id="result">([^<]*)<\/pre>/)?.[1] ?? "no result element";
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

/** Serves `root` and returns what the page at `path` wrote. */
export async function runPage(root, path) {
  const server = await serve(root);
  try {
    return await pageResult(`http://127.0.0.1:${server.address().port}${path}`);
  } finally {
    server.close();
  }
}
