// A tiny static server for the demo page, for development and the end-to-end tests.
//
//   node www/server.mjs            (PORT=8080 for a fixed port; the default 0 picks a free one)
//
// It listens on 127.0.0.1 only and prints `http://127.0.0.1:PORT/` once it listens. It serves
// www/ at / and the repository's pkg/ at /pkg/, so the page imports the package by a relative
// URL exactly as a web console would import it from its own origin. Every answer carries the
// page's Content-Security-Policy (the page repeats it in a <meta> tag; frame-ancestors only
// works as a header).

import { STATUS_CODES, createServer } from "node:http";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const WWW_DIR = path.dirname(fileURLToPath(import.meta.url));
const PKG_DIR = path.resolve(WWW_DIR, "..", "pkg");

/** Scripts from this origin and the WebAssembly they compile; nothing else. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

const MIME_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".tsv": "text/tab-separated-values; charset=utf-8",
};

// Files of www/ that are the server and its tests, not the page.
const PRIVATE_NAMES = new Set(["server.mjs", "package.json", "package-lock.json"]);

/** Lock files, in www/ or pkg/: what the development set-up installed, not the page's. */
function isLockFile(name) {
  return name === "package-lock.json" || name === "npm-shrinkwrap.json" || name.endsWith(".lock");
}

/** The headers every answer carries, the server's own error answers included. */
const SECURITY_HEADERS = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  // A development server: always serve the package as it was just built.
  "Cache-Control": "no-store",
};

/**
 * Maps a URL path to a file on disk, or null when the path is not something the page serves:
 * anything outside www/ and pkg/, dotfiles, node_modules, lock files, the tests (www/test/ and
 * pkg/test/) and the server itself.
 */
function resolveFile(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const segments = decoded.split("/").filter((s) => s !== "");
  if (segments.some((s) => s === ".." || s.startsWith(".") || s === "node_modules" || isLockFile(s))) {
    return null;
  }

  let base = WWW_DIR;
  if (segments[0] === "pkg") {
    base = PKG_DIR;
    segments.shift();
  } else if (segments.length === 1 && PRIVATE_NAMES.has(segments[0])) {
    return null;
  }
  if (segments[0] === "test") return null;
  if (segments.length === 0 && base === WWW_DIR) segments.push("index.html");
  const file = path.resolve(base, ...segments);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

async function handle(req, res) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);

  if (req.method !== "GET" && req.method !== "HEAD") {
    send(res, 405, "method not allowed\n", { Allow: "GET, HEAD" });
    return;
  }
  const { pathname } = new URL(req.url, "http://127.0.0.1");
  let file = resolveFile(pathname);
  let info = file && (await stat(file).catch(() => null));
  if (info?.isDirectory()) {
    file = path.join(file, "index.html");
    info = await stat(file).catch(() => null);
  }
  const type = file && MIME_TYPES[path.extname(file)];
  if (!info?.isFile() || !type) {
    send(res, 404, "not found\n");
    return;
  }
  res.writeHead(200, { "Content-Type": type, "Content-Length": info.size });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  createReadStream(file)
    .on("error", () => res.destroy())
    .pipe(res);
}

/**
 * Starts the server on 127.0.0.1. Resolves to its `url` (with the port actually chosen) and a
 * `close()` that stops it.
 */
export function startServer({ port = 0 } = {}) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "internal error\n");
      else res.destroy();
    });
  });
  // Node answers a request it cannot parse itself (400, or 431 for headers past its limit);
  // this answer carries the same headers as every other.
  server.on("clientError", (error, socket) => {
    if (!socket.writable || error.code === "ECONNRESET") {
      socket.destroy();
      return;
    }
    const status = error.code === "HPE_HEADER_OVERFLOW" ? 431 : 400;
    const headers = Object.entries({ ...SECURITY_HEADERS, Connection: "close", "Content-Length": "0" })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("");
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${headers}\r\n`);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: actual } = server.address();
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number.parseInt(process.env.PORT ?? "0", 10);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`server: PORT must be a port number (0 for any free port), not "${process.env.PORT}"`);
    process.exit(2);
  }
  const { url } = await startServer({ port });
  console.log(url);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(0));
}
