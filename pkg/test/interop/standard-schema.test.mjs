// schema(): the package as a Standard Schema (v1), through the consumers installed from npm,
// in Node without a DOM: react-hook-form (its form control, no React render) with
// @hookform/resolvers' standardSchemaResolver, and TanStack Form's form-core validators.
import assert from "node:assert/strict";
import { describe, test } from "node:test";

import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { FieldApi, FormApi } from "@tanstack/form-core";
import { schema, validate } from "cloudaudit-lint";
import { createFormControl } from "react-hook-form";

const region = "ap-guangzhou";

const VALID = {
  Name: "audit-prod-01",
  ActionType: "Write",
  ResourceType: "cos",
  Status: 1,
  EventNames: ["PutBucketACL", "DeleteBucket"],
  Storage: { StorageType: "cos", StorageRegion: region, StorageName: "audit-logs", StoragePrefix: "cloudaudit" },
};

/** Two errors (Name, Storage.StorageName), an error in an array entry, and a warning. */
const INVALID = {
  ...VALID,
  Name: "my trail",
  EventNames: ["PutBucketACL", " DeleteBucket", "PutBucketACL"],
  Storage: { ...VALID.Storage, StorageName: "Audit_Logs" },
};

/** The package's own message for the error at `path`. */
function messageAt(request, path) {
  const found = validate(request, { region }).filter((d) => d.severity === "error" && d.path === path);
  assert.equal(found.length, 1, `one error at ${path}`);
  return found[0].message;
}

describe("schema() itself", () => {
  test("a valid request: { value }, the value as given", () => {
    const result = schema("CreateAuditTrack", { region })["~standard"].validate(VALID);
    assert.equal(result.value, VALID);
    assert.equal(result.issues, undefined);
    assert.deepEqual(result.warnings, []);
  });

  test("a value is read as validate() reads it: a class's toJSON, a throwing getter or trap", () => {
    const s = schema("CreateAuditTrack", { region })["~standard"];
    const rules = (request) => validate(request, { region, action: "CreateAuditTrack" }).filter((d) => d.severity === "error").map((d) => d.message);
    class Model {
      toJSON() {
        return INVALID;
      }
    }
    const cases = [
      new Model(),
      { ...VALID, get Status() { throw new Error("boom"); } },
      new Proxy({}, { ownKeys() { throw new Error("trap"); } }),
      new Proxy({}, { has() { throw new Error("has"); } }),
    ];
    for (const value of cases) {
      const result = s.validate(value);
      assert.deepEqual(result.issues.map((i) => i.message), rules(value));
      assert.ok(result.issues.length > 0);
    }
    assert.deepEqual(s.validate(new Model()).issues.map((i) => i.message), rules(INVALID));
    // Options are read as given, getters on a prototype included, with or without an Action.
    class Options {
      get locale() {
        return "zh-CN";
      }
      get region() {
        return region;
      }
    }
    const chinese = schema("CreateAuditTrack", new Options())["~standard"];
    const expected = validate(INVALID, { region, locale: "zh-CN" }).filter((d) => d.severity === "error").map((d) => d.message);
    assert.deepEqual(chinese.validate(INVALID).issues.map((i) => i.message), expected);
    assert.deepEqual(chinese.validate({ Action: "CreateAuditTrack", ...INVALID }).issues.map((i) => i.message), expected);
    // A string is no request, whatever its characters.
    assert.deepEqual(s.validate("\ud800").issues.map((i) => i.message), s.validate("x").issues.map((i) => i.message));
  });

  test("errors are issues with their message and path as keys; warnings are not issues", () => {
    const s = schema(undefined, { region });
    assert.equal(s["~standard"].version, 1);
    assert.equal(s["~standard"].vendor, "cloudaudit-lint");
    const result = s["~standard"].validate(INVALID);
    assert.deepEqual(result.issues, [
      { message: messageAt(INVALID, "/Name"), path: ["Name"] },
      { message: messageAt(INVALID, "/EventNames/1"), path: ["EventNames", 1] },
      { message: messageAt(INVALID, "/Storage/StorageName"), path: ["Storage", "StorageName"] },
    ]);
    const warnings = validate(INVALID, { region }).filter((d) => d.severity === "warning");
    assert.deepEqual(warnings.map((d) => d.rule), ["event-names-duplicate"]);
    assert.deepEqual(result.warnings, warnings);
    assert.deepEqual(s.warnings(INVALID), warnings);
  });

  test("JSON Pointer escapes become plain keys; a request-level problem has no path", () => {
    const result = schema(undefined, { region })["~standard"].validate({ ...VALID, "a/b~c": 1 });
    assert.deepEqual(result.issues.map((i) => i.path), [["a/b~c"]]);
    const notObject = schema(undefined, { region })["~standard"].validate("text");
    assert.equal(notObject.issues.length, 1);
    assert.equal(notObject.issues[0].path, undefined);
    assert.match(notObject.issues[0].message, /object/);
  });

  test("the action: another action's rules, and the region from options or the value", () => {
    const modify = schema("ModifyAuditTrack", { region })["~standard"];
    assert.deepEqual(modify.validate({ TrackId: 12, Status: 0 }).issues, undefined);
    assert.deepEqual(modify.validate({ Status: 0 }).issues.map((i) => i.path), [["TrackId"]]);
    const regionless = schema()["~standard"];
    assert.deepEqual(regionless.validate(VALID).issues.map((i) => i.path), [["Region"]]);
    assert.equal(regionless.validate({ ...VALID, Region: region }).issues, undefined);
  });

  test("a value with no JSON form is an issue, not an exception; bad arguments throw", () => {
    const cycle = { ...VALID };
    cycle.Storage = cycle;
    const result = schema(undefined, { region })["~standard"].validate(cycle);
    assert.ok(result.issues.length >= 1);
    assert.ok(result.issues.every((issue) => issue.path?.[0] === "Storage"), JSON.stringify(result.issues));
    assert.throws(() => schema("CreateTrack"), TypeError);
    assert.throws(() => schema(undefined, { locale: "fr" }), RangeError);
    assert.throws(() => schema(undefined, "ap-guangzhou"), TypeError);
    assert.throws(() => schema("DeleteAuditTrack", { action: "DeleteAuditTrack" }), /first argument/);
    assert.throws(() => schema(undefined, { confg: {} }), /did you mean `config`/);
  });

  test("messages in the locale of the options", () => {
    const result = schema(undefined, { region, locale: "zh-CN" })["~standard"].validate(INVALID);
    assert.match(result.issues[0].message, /[\u4e00-\u9fff]/);
  });
});

describe("react-hook-form with @hookform/resolvers' standardSchemaResolver", () => {
  async function submit(values) {
    const form = createFormControl({ defaultValues: values, resolver: standardSchemaResolver(schema(undefined, { region })) });
    let outcome;
    await form.handleSubmit(
      (data) => (outcome = { data }),
      (errors) => (outcome = { errors }),
    )();
    return { form, ...outcome };
  }

  test("field errors are keyed by the field names (Storage.StorageName, EventNames.1)", async () => {
    const { form, errors, data } = await submit(INVALID);
    assert.equal(data, undefined, "submission is blocked");
    assert.equal(errors.Name.message, messageAt(INVALID, "/Name"));
    assert.equal(errors.Storage.StorageName.message, messageAt(INVALID, "/Storage/StorageName"));
    assert.equal(errors.EventNames[1].message, messageAt(INVALID, "/EventNames/1"));
    assert.equal(form.getFieldState("Storage.StorageName").error.message, messageAt(INVALID, "/Storage/StorageName"));
    assert.equal(form.getFieldState("Storage.StorageName").invalid, true);
    assert.equal(form.getFieldState("Status").invalid, false);
  });

  test("a valid form submits its values; a warning does not block it", async () => {
    const withWarning = { ...VALID, EventNames: ["PutBucketACL", "PutBucketACL"] };
    assert.equal(schema(undefined, { region }).warnings(withWarning).length, 1);
    const { data, errors } = await submit(withWarning);
    assert.equal(errors, undefined);
    assert.deepEqual(data, withWarning);
  });
});

describe("TanStack Form (form-core) validators", () => {
  function formWith(values, validators) {
    const form = new FormApi({ defaultValues: values, validators });
    form.mount();
    const fields = Object.fromEntries(
      ["Name", "Status", "Storage.StorageName", "EventNames[1]"].map((name) => {
        const field = new FieldApi({ form, name });
        field.mount();
        return [name, field];
      }),
    );
    return { form, fields };
  }

  test("onSubmit: each error lands on its field; submission is blocked", async () => {
    let submitted = false;
    const { form, fields } = formWith(INVALID, { onSubmit: schema(undefined, { region }) });
    form.options.onSubmit = () => (submitted = true);
    await form.handleSubmit();
    assert.equal(submitted, false);
    assert.deepEqual(fields.Name.state.meta.errors.map((e) => e.message), [messageAt(INVALID, "/Name")]);
    assert.deepEqual(fields["Storage.StorageName"].state.meta.errors.map((e) => e.message), [messageAt(INVALID, "/Storage/StorageName")]);
    assert.deepEqual(fields["EventNames[1]"].state.meta.errors.map((e) => e.message), [messageAt(INVALID, "/EventNames/1")]);
    assert.deepEqual(fields.Status.state.meta.errors, []);
  });

  test("onChange: fixing a field clears its error; a valid form submits", async () => {
    let submitted;
    const { form, fields } = formWith({ ...VALID, Name: "my trail" }, { onChange: schema(undefined, { region }) });
    form.options.onSubmit = ({ value }) => (submitted = value);
    fields.Name.setValue("my trai!");
    assert.deepEqual(fields.Name.state.meta.errors.map((e) => e.message), [messageAt({ ...VALID, Name: "my trai!" }, "/Name")]);
    fields.Name.setValue("my-trail");
    assert.deepEqual(fields.Name.state.meta.errors, []);
    await form.handleSubmit();
    assert.deepEqual(submitted, { ...VALID, Name: "my-trail" });
  });
});
