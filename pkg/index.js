// The entry point for browsers and bundlers (the "default" condition of package.json's
// exports): the module as wasm-bindgen writes it for the web, plus loadCatalog(). Call the
// default export, init(), once before anything else; it fetches the .wasm file beside it.
import { setCatalog } from "./wasm/cloudaudit_lint.js";

export * from "./wasm/cloudaudit_lint.js";
export { default } from "./wasm/cloudaudit_lint.js";
export { schema } from "./schema.js";

export async function loadCatalog(url = new URL("./wasm/catalog.tsv", import.meta.url)) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`cloudaudit-lint: cannot load the catalogue from ${url}: HTTP ${response.status}`);
  }
  setCatalog(await response.text());
}
