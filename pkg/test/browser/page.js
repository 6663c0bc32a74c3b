// Imports the package's browser entry the way a page without a bundler does, and writes what
// it finds into #result for the test to read.
import init, { checkName, facts, loadCatalog, rules, validate } from "../../index.js";

const result = document.getElementById("result");
try {
  const beforeInit = (() => {
    try {
      checkName("audit");
      return null;
    } catch (error) {
      return `${error.constructor.name}: ${error.message}`;
    }
  })();
  await init();
  const text = '{\n  "Name": "😀 trail",\n  "Status": "1"\n}';
  const located = validate(text, { region: "ap-guangzhou", locale: "zh-CN" });
  const name = located.find((d) => d.rule === "name-charset");
  await loadCatalog();
  result.textContent = JSON.stringify({
    rules: rules().length,
    regions: facts().regions,
    checkName: checkName("ab").map((d) => d.rule),
    located: located.map((d) => [d.rule, d.path, d.line ?? null]),
    nameSlice: text.split("\n")[name.line - 1].slice(name.column - 1, name.endColumn - 1),
    catalogue: validate({ ResourceType: "cmv" }).filter((d) => d.rule === "resource-type-unknown").length,
    beforeInit,
    typeError: (() => {
      try {
        validate(undefined);
        return null;
      } catch (error) {
        return error.constructor.name;
      }
    })(),
  });
} catch (error) {
  result.textContent = `ERROR ${error}`;
}
