// A Node.js project's view (no DOM library, skipLibCheck as the usual Node presets set it):
// the validation API type-checks on its own.
import { checkName, validate, type Diagnostic } from "cloudaudit-lint";
import { readFileSync } from "node:fs";

const diagnostics: Diagnostic[] = validate(readFileSync("request.json"), { locale: "en" });
const names: string[] = [...diagnostics, ...checkName("audit")].map((d) => `${d.rule} ${d.path}`);
void names;
