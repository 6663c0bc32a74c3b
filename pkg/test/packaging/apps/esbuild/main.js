// An app bundled by esbuild, as pkg/README.md's recipe says: esbuild leaves
// `new URL(…, import.meta.url)` alone, so the module and the catalogue are imported as files
// (`--loader:.wasm=file --loader:.tsv=file`) and their URLs passed in.
import init, { checkName, loadCatalog, validate } from "cloudaudit-lint";
import wasmUrl from "cloudaudit-lint/cloudaudit_lint_bg.wasm";
import catalogUrl from "cloudaudit-lint/catalog.tsv";

const result = document.getElementById("result");
try {
  await init({ module_or_path: wasmUrl });
  await loadCatalog(catalogUrl);
  result.textContent = JSON.stringify({
    checkName: checkName("ab").map((d) => d.rule),
    catalogue: validate({ ResourceType: "cmv" }).some((d) => d.rule === "resource-type-unknown"),
  });
} catch (error) {
  result.textContent = `ERROR ${error}`;
}
