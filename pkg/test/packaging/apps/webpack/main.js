// An app bundled by webpack 5 with no configuration for the package: webpack turns the
// package's `new URL(…, import.meta.url)` into emitted assets (the module, the catalogue).
import init, { checkName, loadCatalog, validate } from "cloudaudit-lint";

const result = document.getElementById("result");
try {
  await init();
  await loadCatalog();
  result.textContent = JSON.stringify({
    checkName: checkName("ab").map((d) => d.rule),
    catalogue: validate({ ResourceType: "cmv" }).some((d) => d.rule === "resource-type-unknown"),
  });
} catch (error) {
  result.textContent = `ERROR ${error}`;
}
