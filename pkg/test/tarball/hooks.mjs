// Module hooks that run the package's tests against the packed tarball: every module the tests
// load from the package's folder (node.js, index.js, schema.js, sdk.js, wasm/…), by a relative
// path or by name, is loaded from the installed copy in CLOUDAUDIT_LINT_INSTALLED instead; a
// file the tarball lacks is an error. The tests themselves and their dependencies are left
// alone. Registered by run.mjs through --import.
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";

const pkg = new URL("../../", import.meta.url).href;
const installed = pathToFileURL(`${process.env.CLOUDAUDIT_LINT_INSTALLED}/`).href;

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (!resolved.url.startsWith(pkg)) return resolved;
  const inside = resolved.url.slice(pkg.length);
  if (inside.startsWith("test/") || inside.startsWith("node_modules/")) return resolved;
  const url = new URL(inside, installed);
  if (!existsSync(url)) throw new Error(`cloudaudit-lint: ${inside} is not in the packed tarball (${specifier})`);
  return { ...resolved, url: url.href };
}
