// A bundled app: the package by name; Vite emits the .wasm and the catalogue as assets.
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
