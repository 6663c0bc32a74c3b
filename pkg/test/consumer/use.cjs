// A CommonJS user: require() of the ES module package (Node 20.19 and later), and import().
const assert = require("node:assert/strict");

const { validate, checkName } = require("cloudaudit-lint");
assert.equal(validate("{}").length > 0, true);
assert.deepEqual(checkName("audit"), []);
import("cloudaudit-lint").then((lint) => {
  assert.equal(lint.validate, validate);
  console.log("cjs ok");
});
