// `cloudaudit-lint/sdk` against the official Tencent Cloud Node SDKs as installed from npm
// (tencentcloud-sdk-nodejs, promises and callbacks; tencentcloud-sdk-nodejs-intl-en, callbacks):
// a real client of each, pointed at an HTTP server on 127.0.0.1 that records what it receives
// and answers in the API's response format. An invalid request sends nothing and fails with the
// SDK's own error carrying every diagnostic; a valid one is sent exactly as given and its
// response returned; a server error still comes back as the SDK's own error.
//
//   cd pkg/test/interop && node --test      (after scripts/build-wasm.sh and scripts/setup.sh node)
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { after, before, describe, test } from "node:test";

import { validate } from "cloudaudit-lint";
import { guard } from "cloudaudit-lint/sdk";
import tencentcloud from "tencentcloud-sdk-nodejs";
import intl from "tencentcloud-sdk-nodejs-intl-en";

const require = createRequire(import.meta.url);

// --- the server ------------------------------------------------------------------------------

/** What the server received, in order: action, region, content type and the decoded body. */
const received = [];
/** The next answers, by action; a success response otherwise. */
const answers = new Map();
let server;
let endpoint;

/** The parameters the SDKs add to a form-encoded (HmacSHA256) request: not the caller's. */
const COMMON = ["Action", "RequestClient", "Nonce", "Timestamp", "Version", "SecretId", "Region", "Token", "Language", "SignatureMethod", "Signature"];

function decode(contentType, body) {
  if (contentType.startsWith("application/json")) return { action: null, region: null, params: JSON.parse(body) };
  const form = Object.fromEntries(new URLSearchParams(body));
  const params = Object.fromEntries(Object.entries(form).filter(([k]) => !COMMON.includes(k)));
  return { action: form.Action, region: form.Region ?? null, params };
}

before(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const contentType = req.headers["content-type"] ?? "";
      const decoded = decode(contentType, body);
      const action = req.headers["x-tc-action"] ?? decoded.action;
      const region = req.headers["x-tc-region"] ?? decoded.region;
      received.push({ action, region, contentType, params: decoded.params });
      const answer = answers.get(action) ?? { TrackId: 12, RequestId: `req-${received.length}` };
      answers.delete(action);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ Response: answer }));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `127.0.0.1:${server.address().port}`;
});

after(() => new Promise((resolve) => server.close(resolve)));

// --- the two SDKs ----------------------------------------------------------------------------

/** The request form of the SDKs' form encoding: nested keys joined with dots, values as text. */
function flatten(value, prefix = "") {
  const out = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (typeof v === "object") Object.assign(out, flatten(v, `${prefix}${key}.`));
    else out[`${prefix}${key}`] = String(v);
  }
  return out;
}

const SDKS = [
  {
    name: "tencentcloud-sdk-nodejs",
    Exception: require("tencentcloud-sdk-nodejs/tencentcloud/common/exception/tencent_cloud_sdk_exception.js").default,
    Client: tencentcloud.cloudaudit.v20190319.Client,
    client(region = "ap-guangzhou") {
      return new this.Client({
        credential: { secretId: "AKIDexample", secretKey: "example" },
        region,
        profile: { httpProfile: { endpoint, protocol: "http://" } },
      });
    },
    /** A call in the promise style: its response, or the error it rejects with. */
    call(client, method, req) {
      return client[method](req).then((response) => ({ response }), (error) => ({ error }));
    },
    /** What the server must have received for `req`. */
    sent: (req) => req,
  },
  {
    name: "tencentcloud-sdk-nodejs-intl-en",
    Exception: require("tencentcloud-sdk-nodejs-intl-en/tencentcloud/common/exception/tencent_cloud_sdk_exception.js"),
    Client: intl.cloudaudit.v20190319.Client,
    client(region = "ap-guangzhou") {
      const { Credential, ClientProfile, HttpProfile } = intl.common;
      return new this.Client(new Credential("AKIDexample", "example"), region, new ClientProfile(undefined, new HttpProfile("http://", endpoint)));
    },
    /** This SDK answers through the callback only. */
    call(client, method, req) {
      return new Promise((resolve) => {
        const returned = client[method](req, (error, response) => resolve(error ? { error, response } : { response }));
        assert.equal(returned, undefined, "the callback style returns nothing");
      });
    },
    sent: (req) => flatten(req),
  },
];

// --- requests ----------------------------------------------------------------------------------

const VALID = {
  Name: "audit-prod-01",
  ActionType: "Write",
  ResourceType: "cos",
  Status: 1,
  EventNames: ["PutBucketACL", "DeleteBucket"],
  Storage: { StorageType: "cos", StorageRegion: "ap-guangzhou", StorageName: "audit-logs", StoragePrefix: "cloudaudit" },
  TrackForAllMembers: 0,
};

const INVALID = {
  ...VALID,
  Name: "my audit trail",
  ActionType: "write",
  Status: 3,
  Storage: { ...VALID.Storage, StoragePrefix: "x" },
};

const CLOUDAUDIT_ERROR = { Error: { Code: "LimitExceeded", Message: "the number of tracking sets exceeds the limit" }, RequestId: "req-server" };

/** Runs `body` and returns what the server received meanwhile. */
async function recording(body) {
  const before = received.length;
  const result = await body();
  return { result, requests: received.slice(before) };
}

for (const sdk of SDKS) {
  describe(sdk.name, () => {
    test("an invalid request is not sent: the SDK's own error, with every diagnostic", async () => {
      const client = guard(sdk.client());
      const { result, requests } = await recording(() => sdk.call(client, "CreateAuditTrack", INVALID));
      assert.deepEqual(requests, [], "nothing reached the server");
      const { error } = result;
      assert.ok(error instanceof sdk.Exception, `an instance of the SDK's TencentCloudSDKHttpException, not ${error?.constructor?.name}`);
      const expected = validate({ Action: "CreateAuditTrack", ...INVALID }, { region: "ap-guangzhou" });
      const errors = expected.filter((d) => d.severity === "error");
      assert.ok(errors.length >= 4, "the request has several errors");
      assert.deepEqual(error.diagnostics, expected);
      assert.equal(error.code, errors[0].apiErrorCode);
      assert.equal(error.code, "InvalidParameterValue");
      assert.equal(error.requestId, "");
      assert.equal(error.getRequestId(), "");
      for (const d of errors) assert.ok(error.message.includes(d.message), `the message lists ${d.rule}`);
      assert.match(error.toString(), /^\[TencentCloudSDKException\]message:cloudaudit-lint: CreateAuditTrack request not sent: 4 errors/);
    });

    test("a valid request is sent exactly as given, and the server's response returned", async () => {
      const client = guard(sdk.client());
      const { result, requests } = await recording(() => sdk.call(client, "CreateAuditTrack", VALID));
      assert.equal(result.error, undefined);
      assert.equal(result.response.TrackId, 12);
      assert.equal(result.response.RequestId, `req-${received.length}`);
      assert.equal(requests.length, 1);
      assert.equal(requests[0].action, "CreateAuditTrack");
      assert.equal(requests[0].region, "ap-guangzhou");
      assert.deepEqual(requests[0].params, sdk.sent(VALID));
    });

    test("a team's config applies: a request its policy refuses is not sent", async () => {
      const config = { policy: { name: { pattern: "^prod-", message: "names start with prod-" } } };
      const client = guard(sdk.client(), { config });
      const { result, requests } = await recording(() => sdk.call(client, "CreateAuditTrack", VALID));
      assert.deepEqual(requests, [], "nothing reached the server");
      assert.deepEqual(result.error.diagnostics.map((d) => d.rule), ["policy-name"]);
      assert.match(result.error.message, /names start with prod-/);
    });

    test("a server error still comes back as the SDK's own error, as a refusal does", async () => {
      const client = guard(sdk.client());
      answers.set("CreateAuditTrack", CLOUDAUDIT_ERROR);
      const { result, requests } = await recording(() => sdk.call(client, "CreateAuditTrack", VALID));
      assert.equal(requests.length, 1);
      const server = result.error;
      assert.ok(server instanceof sdk.Exception);
      assert.equal(server.code, "LimitExceeded");
      assert.equal(server.message, CLOUDAUDIT_ERROR.Error.Message);
      assert.equal(server.requestId, "req-server");
      assert.equal(server.diagnostics, undefined);
      // A refusal has the same class and fields as this server error, plus its diagnostics.
      const { error: refusal } = await sdk.call(client, "CreateAuditTrack", INVALID);
      assert.equal(Object.getPrototypeOf(refusal), Object.getPrototypeOf(server));
      assert.deepEqual(Object.keys(refusal).sort(), [...Object.keys(server), "diagnostics"].sort());
    });

    test("the client's region is the request's: one the API is not offered in is refused", async () => {
      const client = guard(sdk.client("ap-mumbai"));
      const { result, requests } = await recording(() => sdk.call(client, "CreateAuditTrack", VALID));
      assert.deepEqual(requests, []);
      assert.equal(result.error.code, "UnsupportedRegion");
      assert.deepEqual(result.error.diagnostics.map((d) => [d.rule, d.path]), [["region-unsupported", "/Region"]]);
    });

    test("warnings go to onWarning and do not block", async () => {
      const seen = [];
      const client = guard(sdk.client(), { onWarning: (warnings, action) => seen.push([action, warnings]) });
      const request = { ...VALID, EventNames: ["PutBucketACL", "PutBucketACL"] };
      const { result, requests } = await recording(() => sdk.call(client, "CreateAuditTrack", request));
      assert.equal(result.error, undefined);
      assert.deepEqual(requests.map((r) => r.params), [sdk.sent(request)]);
      assert.equal(seen.length, 1);
      const [action, warnings] = seen[0];
      assert.equal(action, "CreateAuditTrack");
      assert.deepEqual(warnings.map((d) => [d.rule, d.path, d.severity]), [["event-names-duplicate", "/EventNames/1", "warning"]]);
    });

    test("every tracking-set method validates as its own action", async () => {
      const client = guard(sdk.client());
      const refused = await recording(() => sdk.call(client, "DeleteAuditTrack", { TrackId: 0 }));
      assert.deepEqual(refused.requests, []);
      assert.deepEqual(refused.result.error.diagnostics.map((d) => d.rule), ["track-id-value"]);
      const modify = await recording(() => sdk.call(client, "ModifyAuditTrack", { Name: "renamed" }));
      assert.deepEqual(modify.requests, []);
      assert.deepEqual(modify.result.error.diagnostics.map((d) => [d.rule, d.severity]), [["missing-parameter", "error"], ["modify-name", "warning"]]);
      assert.equal(modify.result.error.code, "MissingParameter");

      for (const [method, req] of [
        ["ModifyAuditTrack", { TrackId: 12, Status: 0 }],
        ["DescribeAuditTrack", { TrackId: 12 }],
        ["DescribeAuditTracks", { PageNumber: 1, PageSize: 20 }],
        ["DeleteAuditTrack", { TrackId: 12 }],
      ]) {
        const sent = await recording(() => sdk.call(client, method, req));
        assert.equal(sent.result.error, undefined, method);
        assert.deepEqual(sent.requests.map((r) => [r.action, r.params]), [[method, sdk.sent(req)]], method);
      }
    });

    test("the multi-product tracking sets validate as their own action, where the SDK has them", async () => {
      const plain = sdk.client();
      if (typeof plain.CreateEventsAuditTrack !== "function") {
        const client = guard(plain);
        assert.equal(client.CreateEventsAuditTrack, undefined, "nothing is added to a client without it");
        return;
      }
      const client = guard(plain);
      const entry = { ResourceType: "cam", ActionType: "*", EventNames: ["AddSubAccount"] };
      const { Name, Status, Storage } = VALID;
      const events = { Name, Status, Storage, Filters: { ResourceFields: [entry, { ...entry, ActionType: "read" }] } };
      const refused = await recording(() => sdk.call(client, "CreateEventsAuditTrack", events));
      assert.deepEqual(refused.requests, []);
      assert.deepEqual(
        refused.result.error.diagnostics.map((d) => [d.rule, d.path, d.severity]),
        [
          ["resource-fields-duplicate-product", "/Filters/ResourceFields/1/ResourceType", "warning"],
          ["action-type-value", "/Filters/ResourceFields/1/ActionType", "error"],
        ],
      );
      assert.match(refused.result.error.message, /CreateEventsAuditTrack request not sent: 1 error/);
      const good = { ...events, Filters: { ResourceFields: [entry] } };
      const sent = await recording(() => sdk.call(client, "CreateEventsAuditTrack", good));
      assert.equal(sent.result.error, undefined);
      assert.deepEqual(sent.requests.map((r) => [r.action, r.params]), [["CreateEventsAuditTrack", sdk.sent(good)]]);
      const modify = await recording(() => sdk.call(client, "ModifyEventsAuditTrack", { Status: 0 }));
      assert.deepEqual(modify.requests, []);
      assert.deepEqual(modify.result.error.diagnostics.map((d) => [d.rule, d.path]), [["missing-parameter", "/TrackId"]]);
      const viaRequest = await recording(() =>
        client.request("ModifyEventsAuditTrack", { TrackId: 12, Filters: { ResourceFields: [] } }).then(
          () => ({}),
          (error) => ({ error }),
        ),
      );
      assert.equal(viaRequest.error, undefined);
      assert.deepEqual(viaRequest.requests.map((r) => r.action), ["ModifyEventsAuditTrack"], "an empty list is only a warning: sent");
    });

    test("the rest of the client is the client's own", async () => {
      const plain = sdk.client();
      const client = guard(plain);
      assert.ok(client instanceof sdk.Client);
      assert.equal(client.region, "ap-guangzhou");
      assert.equal(client.StartLogging, plain.StartLogging, "an unguarded method is the client's");
      const { requests } = await recording(() => sdk.call(client, "StartLogging", { AuditName: "not checked here" }));
      assert.deepEqual(requests.map((r) => r.action), ["StartLogging"]);
    });

    test("anything but a CloudAudit client, and bad options, are TypeErrors", () => {
      assert.throws(() => guard({}), /cloudaudit\.v20190319\.Client/);
      assert.throws(() => guard(null), TypeError);
      assert.throws(() => guard(sdk.client(), { region: "ap-guangzhou" }), /client's region/);
      assert.throws(() => guard(sdk.client(), { onWarning: "log" }), TypeError);
      assert.throws(() => guard(sdk.client(), { action: "DeleteAuditTrack" }), /its own action/);
      assert.throws(() => guard(sdk.client(), { confg: {} }), /did you mean `config`/);
      assert.throws(() => guard(sdk.client(), { locale: "fr" }), RangeError);
    });
  });
}

describe("tencentcloud-sdk-nodejs: the callback style and client.request", () => {
  const [sdk] = SDKS;

  test("a callback gets the refusal and the promise rejects with it, as the SDK does", async () => {
    const client = guard(sdk.client());
    let called;
    const { result, requests } = await recording(() =>
      client.CreateAuditTrack(INVALID, (error, response) => (called = { error, response })).then(
        () => ({}),
        (error) => ({ error }),
      ),
    );
    assert.deepEqual(requests, []);
    assert.ok(called.error instanceof sdk.Exception);
    assert.equal(called.response, null);
    assert.equal(result.error, called.error);
  });

  test("a callback gets the response of a valid request", async () => {
    const client = guard(sdk.client());
    const response = await new Promise((resolve, reject) => {
      client.CreateAuditTrack(VALID, (error, data) => (error ? reject(error) : resolve(data)));
    });
    assert.equal(response.TrackId, 12);
  });

  test("signed with HmacSHA256 it sends a form: null and undefined fields are left out", async () => {
    const client = new sdk.Client({
      credential: { secretId: "AKIDexample", secretKey: "example" },
      region: "ap-guangzhou",
      profile: { signMethod: "HmacSHA256", httpProfile: { endpoint, protocol: "http://" } },
    });
    const request = { ...VALID, TrackForAllMembers: undefined, ExportId: null };
    const { result, requests } = await recording(() => guard(client).CreateAuditTrack(request).then((response) => ({ response })));
    assert.equal(result.response.TrackId, 12);
    assert.deepEqual(requests.map((r) => [r.action, r.params]), [["CreateAuditTrack", flatten(request)]]);
  });

  test("client.request(action, …) is guarded for the tracking-set actions only", async () => {
    const client = guard(sdk.client());
    const refused = await recording(() => client.request("CreateAuditTrack", INVALID).catch((error) => error));
    assert.deepEqual(refused.requests, []);
    assert.ok(refused.result instanceof sdk.Exception);
    const other = await recording(() => client.request("LookUpEvents", { StartTime: 1, EndTime: 2 }));
    assert.deepEqual(other.requests.map((r) => [r.action, r.params]), [["LookUpEvents", { StartTime: 1, EndTime: 2 }]]);
  });
});

describe("tencentcloud-sdk-nodejs-intl-en: the SDK's request models", () => {
  const sdk = SDKS[1];
  const { Models } = intl.cloudaudit.v20190319;

  test("a model built with from_json_string is validated as the SDK sends it (no null fields)", async () => {
    const req = new Models.CreateAuditTrackRequest();
    const { TrackForAllMembers, ...withoutMembers } = VALID;
    void TrackForAllMembers;
    req.from_json_string(JSON.stringify(withoutMembers));
    assert.equal(req.TrackForAllMembers, null, "an unset field of a model is null");
    const client = guard(sdk.client());
    const { result, requests } = await recording(() => sdk.call(client, "CreateAuditTrack", req));
    assert.equal(result.error, undefined);
    assert.equal(result.response.TrackId, 12);
    assert.deepEqual(requests.map((r) => r.params), [flatten(withoutMembers)]);
  });

  test("a model with a bad field is refused", async () => {
    const req = new Models.CreateAuditTrackRequest();
    req.from_json_string(JSON.stringify({ ...VALID, Status: 3 }));
    const { result, requests } = await recording(() => sdk.call(guard(sdk.client()), "CreateAuditTrack", req));
    assert.deepEqual(requests, []);
    assert.deepEqual(result.error.diagnostics.map((d) => d.rule), ["status-value"]);
  });

  test("its form encoding sends an undefined field as an empty value: validated as that", async () => {
    const { result, requests } = await recording(() => sdk.call(guard(sdk.client()), "CreateAuditTrack", { ...VALID, TrackForAllMembers: undefined }));
    assert.deepEqual(requests, []);
    assert.deepEqual(result.error.diagnostics.map((d) => [d.rule, d.path]), [["parameter-type", "/TrackForAllMembers"]]);
    // Signed with TC3-HMAC-SHA256 it sends JSON, which has no undefined: the field is left out.
    const { Credential, ClientProfile, HttpProfile } = intl.common;
    const tc3 = new sdk.Client(new Credential("AKIDexample", "example"), "ap-guangzhou", new ClientProfile("TC3-HMAC-SHA256", new HttpProfile("http://", endpoint)));
    const sent = await recording(() => sdk.call(guard(tc3), "CreateAuditTrack", { ...VALID, TrackForAllMembers: undefined }));
    assert.equal(sent.result.error, undefined);
    const { TrackForAllMembers, ...rest } = VALID;
    void TrackForAllMembers;
    assert.deepEqual(sent.requests.map((r) => [r.contentType, r.params]), [["application/json", rest]]);
  });

  test("without a callback the call throws at once (the SDK's methods need one) rather than get lost", () => {
    assert.throws(() => guard(sdk.client()).CreateAuditTrack(INVALID), /needs a callback/);
  });
});
