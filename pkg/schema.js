// Standard Schema v1 (the `~standard` interface that zod, valibot and arktype implement, and
// that form libraries consume): `schema(action?, options?)`. Both entry points export it; it
// runs the module's `validate`, so it needs what `validate` needs (in a browser, `init()`).
import { validate } from "./wasm/cloudaudit_lint.js";

const ACTIONS = [
  "CreateAuditTrack",
  "ModifyAuditTrack",
  "DeleteAuditTrack",
  "DescribeAuditTrack",
  "DescribeAuditTracks",
  "CreateEventsAuditTrack",
  "ModifyEventsAuditTrack",
];

/**
 * A Standard Schema of a tracking-set request: `~standard.validate(value)` gives `{ value }`
 * when the request has no error, else `{ issues }`, one per error diagnostic, each with its
 * message and its path as keys. Warnings are not issues (a form library blocks submission on
 * any issue): `warnings(value)` returns them, and every result carries them in `warnings`.
 */
export function schema(action = "CreateAuditTrack", options = undefined) {
  if (!ACTIONS.includes(action)) {
    throw new TypeError(`cloudaudit-lint: schema: unknown action ${JSON.stringify(String(action))}; expected one of ${ACTIONS.join(", ")}`);
  }
  if (options !== undefined && (options === null || typeof options !== "object")) {
    throw new TypeError("cloudaudit-lint: schema: options must be an object");
  }
  if (options !== undefined && "action" in options) {
    throw new TypeError("cloudaudit-lint: schema: the action is schema()'s first argument; options.action is not taken");
  }
  validate("{}", options); // bad options throw here, once, rather than on every value
  const run = (value) => diagnosticsOf(value, action, options);
  return {
    "~standard": {
      version: 1,
      vendor: "cloudaudit-lint",
      validate(value) {
        const { diagnostics, failure } = run(value);
        if (failure) return { issues: [{ message: failure }], warnings: [] };
        const warnings = diagnostics.filter((d) => d.severity === "warning");
        const issues = diagnostics
          .filter((d) => d.severity === "error")
          .map((d) => issue(d, value));
        return issues.length ? { issues, warnings } : { value, warnings };
      },
    },
    warnings(value) {
      return run(value).diagnostics.filter((d) => d.severity === "warning");
    },
  };
}

/**
 * The diagnostics of `value` as a request of `action` (a request that names no `Action` is
 * validated as one of `action`). A value that cannot be validated at all (a `BigInt`, a cycle)
 * is a `failure` message rather than an exception: a schema answers with issues.
 */
function diagnosticsOf(value, action, options) {
  try {
    if (isPlainRecord(value)) {
      // The value itself, not a copy: read as validate() reads it.
      return { diagnostics: validate(value, namesAction(value) ? options : withAction(options, action)) };
    }
    // Not an object: JSON text of it, so that the module says what it is (`request-not-object`).
    const text = typeof value === "string" && value.toWellFormed ? value.toWellFormed() : value;
    return { diagnostics: validate(JSON.stringify(text) ?? "null", options) };
  } catch (error) {
    if (error instanceof TypeError) return { diagnostics: [], failure: error.message };
    throw error;
  }
}

/** `options` and the `action` option: an object whose prototype is `options`, so that every
 * option is read from `options` as given (getters and prototypes included) and its own keys
 * are `action` alone. */
function withAction(options, action) {
  return Object.create(options ?? null, { action: { value: action, enumerable: true } });
}

/** Whether `value` names its own `Action` (a `has` trap that throws counts as no). */
function namesAction(value) {
  try {
    return "Action" in value;
  } catch {
    return false;
  }
}

function isPlainRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A Standard Schema issue of a diagnostic: its message, and its JSON Pointer as keys. */
function issue(diagnostic, value) {
  const path = pointerKeys(diagnostic.path, value);
  return path.length ? { message: diagnostic.message, path } : { message: diagnostic.message };
}

/**
 * The keys of an RFC 6901 JSON Pointer (`/EventNames/2` → `["EventNames", 2]`): `~1` is `/`,
 * `~0` is `~`, and a segment that indexes an array of `value` is a number.
 */
function pointerKeys(pointer, value) {
  if (pointer === "") return [];
  let node = value;
  return pointer
    .slice(1)
    .split("/")
    .map((segment) => {
      const key = segment.replaceAll("~1", "/").replaceAll("~0", "~");
      const index = isArray(node) && /^(0|[1-9][0-9]*)$/.test(key) ? Number(key) : undefined;
      node = member(node, index ?? key);
      return index ?? key;
    });
}

// Reads that may throw (a getter, a proxy trap): the diagnostic already says what threw.
function isArray(node) {
  try {
    return Array.isArray(node);
  } catch {
    return false;
  }
}

function member(node, key) {
  try {
    return node !== null && typeof node === "object" ? node[key] : undefined;
  } catch {
    return undefined;
  }
}
