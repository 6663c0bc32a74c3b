// The entry point for browsers and bundlers (the "default" condition of package.json's
// exports): the module as wasm-bindgen writes it for the web, plus loadCatalog(). Call the
// default export, init(), once before anything else; it fetches the .wasm file beside it.
// Until then every function throws an Error that says so (rather than wasm-bindgen's
// "Cannot read properties of undefined").
import * as glue from "./wasm/cloudaudit_lint.js";
import { schema as schemaOf } from "./schema.js";

export { default, initSync } from "./wasm/cloudaudit_lint.js";

let loaded = false;

/**
 * Throws unless the module is instantiated. The glue's `initSync()` without a module returns
 * the instance when there is one and throws before reading anything when there is none, so
 * it tells whichever way the module was loaded (init, initSync, another entry).
 */
function ready(name) {
  if (loaded) return;
  try {
    glue.initSync();
    loaded = true;
  } catch {
    throw new Error(
      `cloudaudit-lint: ${name}() was called before the WebAssembly module was loaded: call \`await init()\` (the package's default export) once first`,
    );
  }
}

/** `f` behind the check that the module is loaded. */
function guarded(name, f) {
  return {
    [name](...args) {
      ready(name);
      return f(...args);
    },
  }[name];
}

export const validate = guarded("validate", glue.validate);
export const fix = guarded("fix", glue.fix);
export const checkName = guarded("checkName", glue.checkName);
export const checkRegion = guarded("checkRegion", glue.checkRegion);
export const checkActionType = guarded("checkActionType", glue.checkActionType);
export const checkResourceType = guarded("checkResourceType", glue.checkResourceType);
export const checkStatus = guarded("checkStatus", glue.checkStatus);
export const checkTrackForAllMembers = guarded("checkTrackForAllMembers", glue.checkTrackForAllMembers);
export const checkEventNames = guarded("checkEventNames", glue.checkEventNames);
export const checkStorage = guarded("checkStorage", glue.checkStorage);
export const facts = guarded("facts", glue.facts);
export const rules = guarded("rules", glue.rules);
export const setCatalog = guarded("setCatalog", glue.setCatalog);
export const schema = guarded("schema", schemaOf);

export async function loadCatalog(url = new URL("./wasm/catalog.tsv", import.meta.url)) {
  ready("loadCatalog");
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`cloudaudit-lint: cannot load the catalogue from ${url}: HTTP ${response.status}`);
  }
  setCatalog(await response.text());
}
