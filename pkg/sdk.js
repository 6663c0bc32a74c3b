// `cloudaudit-lint/sdk`: a guard for the official Tencent Cloud Node SDKs. `guard(client)`
// wraps a `cloudaudit.v20190319.Client` of `tencentcloud-sdk-nodejs` (promises and callbacks)
// or of `tencentcloud-sdk-nodejs-intl-en` (callbacks) so that the tracking-set methods
// validate their request before it is sent. The SDK is a peer dependency: nothing of it is
// imported here; the client given is all the guard uses.
import { validate } from "cloudaudit-lint";

/** The methods every CloudAudit client has: the tracking-set family of both SDKs. */
const REQUIRED = [
  "CreateAuditTrack",
  "ModifyAuditTrack",
  "DeleteAuditTrack",
  "DescribeAuditTrack",
  "DescribeAuditTracks",
];

/**
 * The methods guarded, each validated as its own action: the family, and the multi-product
 * tracking sets that `tencentcloud-sdk-nodejs` has (guarded where the client has them).
 */
const ACTIONS = new Set([...REQUIRED, "CreateEventsAuditTrack", "ModifyEventsAuditTrack"]);

/** The API version of the client the guard understands. */
const API_VERSION = "2019-03-19";

/** The error code of a refusal when no error diagnostic names one (the generic parameter error). */
const FALLBACK_CODE = "InvalidParameter";

/**
 * Wraps `client` so that `CreateAuditTrack`, `ModifyAuditTrack`, `DeleteAuditTrack`,
 * `DescribeAuditTrack`, `DescribeAuditTracks`, `CreateEventsAuditTrack` and
 * `ModifyEventsAuditTrack` (the last two where the SDK has them; and, in `tencentcloud-sdk-nodejs`,
 * `client.request(action, …)` for those actions) validate their request first, in the
 * client's region. A request with an error is not sent: the call fails as a server refusal
 * would, with the SDK's own error (`code` is the API error code the server would answer,
 * `message`, `requestId` "", …) carrying every diagnostic in `diagnostics`. A request with
 * only warnings is sent, its warnings first given to `options.onWarning`. Everything else of
 * the client is the client's own. Throws a `TypeError` for anything but a CloudAudit client.
 */
export function guard(client, options = {}) {
  check(client, options);
  const { onWarning, ...validateOptions } = options;
  const callbacks = isCallbackOnly(client);
  const wrappers = new Map();

  /** Validates `req` as `action`; undefined when it may be sent, else the SDK's error. */
  async function refusal(action, req) {
    const sent = sentForm(client, req ?? {});
    const request = isRecord(sent) && !("Action" in sent) ? { Action: action, ...sent } : sent;
    const region = typeof client.region === "string" && client.region !== "" ? client.region : undefined;
    const diagnostics = validate(request, { ...validateOptions, ...(region && { region }) });
    const errors = diagnostics.filter((d) => d.severity === "error");
    if (errors.length === 0) {
      const warnings = diagnostics.filter((d) => d.severity === "warning");
      if (warnings.length && onWarning) onWarning(warnings, action);
      return undefined;
    }
    const error = await sdkError(client, errors.find((d) => d.apiErrorCode)?.apiErrorCode ?? FALLBACK_CODE, summary(action, errors));
    error.diagnostics = diagnostics;
    return error;
  }

  /** A guarded method: `send(req, cb)` runs only for a request without errors. */
  function guarded(action, send) {
    if (callbacks) {
      // tencentcloud-sdk-nodejs-intl-en: results and errors go to the callback only.
      return function (req, cb, ...rest) {
        if (typeof cb !== "function") {
          throw new TypeError(`cloudaudit-lint: ${action} of this SDK needs a callback`);
        }
        refusal(action, req).then(
          (error) => (error ? cb(error, null) : send(req, cb, ...rest)),
          (error) => cb(error, null),
        );
      };
    }
    // tencentcloud-sdk-nodejs: a promise, and the callback too when one is given, as the SDK does.
    return async function (req, ...rest) {
      let error;
      try {
        error = await refusal(action, req);
      } catch (thrown) {
        error = thrown; // a request with no JSON form (a cycle, a BigInt), or onWarning's own
      }
      if (!error) return send(req, ...rest);
      const cb = rest.find((arg) => typeof arg === "function");
      if (cb) cb(error, null);
      throw error;
    };
  }

  function wrapper(property) {
    if (!wrappers.has(property)) {
      const method = client[property];
      wrappers.set(
        property,
        property === "request"
          ? async function (action, req, ...rest) {
              if (!ACTIONS.has(action)) return method.call(client, action, req, ...rest);
              return guarded(action, (r, ...more) => method.call(client, action, r, ...more))(req, ...rest);
            }
          : guarded(property, (req, ...rest) => method.call(client, req, ...rest)),
      );
    }
    return wrappers.get(property);
  }

  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      const wrapped =
        typeof value === "function" &&
        (ACTIONS.has(property) || (property === "request" && !callbacks));
      return wrapped ? wrapper(property) : value;
    },
  });
}

function check(client, options) {
  const methods = [...REQUIRED, "request", "parseResponse"];
  if (
    client === null ||
    typeof client !== "object" ||
    client.apiVersion !== API_VERSION ||
    methods.some((m) => typeof client[m] !== "function")
  ) {
    throw new TypeError(
      `cloudaudit-lint: guard expects a cloudaudit.v20190319.Client of tencentcloud-sdk-nodejs or tencentcloud-sdk-nodejs-intl-en`,
    );
  }
  if (options === null || typeof options !== "object") {
    throw new TypeError("cloudaudit-lint: guard: options must be an object");
  }
  if ("region" in options) {
    throw new TypeError("cloudaudit-lint: guard: the client's region is the request's region; options.region is not taken");
  }
  if ("action" in options) {
    throw new TypeError("cloudaudit-lint: guard: each method is validated as its own action; options.action is not taken");
  }
  if (options.onWarning !== undefined && typeof options.onWarning !== "function") {
    throw new TypeError("cloudaudit-lint: guard: options.onWarning must be a function");
  }
  const { onWarning, ...validateOptions } = options;
  validate("{}", validateOptions); // bad options throw now, not on the first request
}

/** `tencentcloud-sdk-nodejs-intl-en`, whose methods answer through their callback only. */
function isCallbackOnly(client) {
  return typeof client.sdkVersion === "string" && client.sdkVersion.startsWith("SDK_NODEJS_INTL_EN");
}

/**
 * The SDK's own error for a refusal, made by the SDK's own code: the client's response parser
 * given an error response in the API's format, exactly as if the server had answered it
 * (the class, `code`, `message`, `requestId`, `traceId` and the methods of a server error).
 */
async function sdkError(client, code, message) {
  const response = {
    status: 200,
    statusText: "OK",
    headers: { get: () => null },
    json: async () => ({ Response: { Error: { Code: code, Message: message }, RequestId: "" } }),
  };
  try {
    await client.parseResponse(response);
  } catch (error) {
    return error;
  }
  throw new TypeError("cloudaudit-lint: guard: the client's SDK accepted an error response");
}

/** "CreateAuditTrack request not sent: 2 errors" and each error on its own line. */
function summary(action, errors) {
  const count = errors.length === 1 ? "1 error" : `${errors.length} errors`;
  const lines = errors.map((d) => `  ${d.path || "/"}: ${d.message} [${d.rule}]`);
  return [`cloudaudit-lint: ${action} request not sent: ${count}`, ...lines].join("\n");
}

/**
 * The request as the client will send it. Signed with TC3-HMAC-SHA256 (the default of
 * tencentcloud-sdk-nodejs) it is JSON without the object members that are `null` (the SDKs'
 * models start with every field `null`). Signed otherwise (the default of the intl-en SDK) it
 * is form-encoded: `null` members and entries are left out, `undefined` ones too, except that
 * the intl-en SDK sends an `undefined` member as an empty value.
 */
function sentForm(client, req) {
  if (client.profile?.signMethod === "TC3-HMAC-SHA256") return withoutNullMembers(req);
  return formEncoded(req, isCallbackOnly(client));
}

function withoutNullMembers(value) {
  if (Array.isArray(value)) return value.map(withoutNullMembers);
  if (!isRecord(value)) return value;
  const out = {};
  for (const key in value) {
    if (value[key] !== null) out[key] = withoutNullMembers(value[key]);
  }
  return out;
}

function formEncoded(value, undefinedAsEmpty) {
  if (value === null || typeof value !== "object") return value;
  const entries = [];
  for (const key in value) {
    const item = value[key];
    if (item === null || (item === undefined && !undefinedAsEmpty)) continue;
    entries.push([key, item === undefined ? "" : formEncoded(item, undefinedAsEmpty)]);
  }
  return Array.isArray(value) ? entries.map(([, item]) => item) : Object.fromEntries(entries);
}

function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
