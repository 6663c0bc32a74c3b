// The guard's types with the SDK's (tencentcloud-sdk-nodejs; the intl-en SDK ships no types):
// `tsc --strict` must accept this file, and each `@ts-expect-error` line must be an error.
import type { CreateAuditTrackRequest, Diagnostic, StorageParameters } from "cloudaudit-lint";
import { guard, type GuardOptions, type GuardRefusal, type GuardedAction } from "cloudaudit-lint/sdk";
import * as tencentcloud from "tencentcloud-sdk-nodejs";
import type {
  CreateAuditTrackRequest as SdkCreateAuditTrackRequest,
  CreateAuditTrackResponse,
  Storage as SdkStorage,
} from "tencentcloud-sdk-nodejs/tencentcloud/services/cloudaudit/v20190319/cloudaudit_models.js";

const Client = tencentcloud.cloudaudit.v20190319.Client;
type Client = InstanceType<typeof Client>;

/** The SDK's literal-free view of our types: every union widened to its base type. */
type Widen<T> = T extends string ? string : T extends number ? number : T extends readonly (infer E)[] ? Widen<E>[] : T extends object ? { [K in keyof T]: Widen<T[K]> } : T;
/** Our request without the common parameters, which the SDK's client sends itself. */
type Body = Omit<CreateAuditTrackRequest, "Action" | "Version" | "Region">;

declare const ours: CreateAuditTrackRequest;
declare const theirs: SdkCreateAuditTrackRequest;

// Ours is the SDK's: a request typed with this package's types goes straight to the SDK.
const toSdk: SdkCreateAuditTrackRequest = ours;
const storageToSdk: SdkStorage = ours.Storage;
// The SDK's is ours where its types allow: the same fields, optional alike, once the SDK's
// `string` and `number` stand for our unions (which only validation can narrow).
const fromSdk: Widen<Body> = theirs;
const back: SdkCreateAuditTrackRequest = {} as Widen<Body>;
// @ts-expect-error: the SDK's ActionType is any string, ours is "Read" | "Write" | "*"
const narrow: CreateAuditTrackRequest = theirs;
// @ts-expect-error: likewise StorageType
const narrowStorage: StorageParameters = theirs.Storage;
void [toSdk, storageToSdk, fromSdk, back, narrow, narrowStorage];

async function main(): Promise<void> {
  const options: GuardOptions = {
    locale: "zh-CN",
    onWarning: (warnings: Diagnostic[], action: GuardedAction) => void [warnings, action],
  };
  const client: Client = guard(new Client({ credential: {}, region: "ap-guangzhou" }), options);
  // The guarded client keeps the SDK's method types.
  const created: CreateAuditTrackResponse = await client.CreateAuditTrack(theirs);
  const viaCallback: Promise<CreateAuditTrackResponse> = client.CreateAuditTrack(ours, (error, response) => void [error, response]);
  void [created, viaCallback];
  try {
    await client.DeleteAuditTrack({ TrackId: 0 });
  } catch (error) {
    const refusal = error as GuardRefusal;
    const rules: string[] = refusal.diagnostics.map((d) => d.rule);
    const code: string = refusal.code;
    void [rules, code, refusal.requestId];
  }
  // @ts-expect-error: the SDK's own request type still applies (TrackId is a number)
  await client.DeleteAuditTrack({ TrackId: "12" });
  // @ts-expect-error: the guard's options are not the validator's region
  guard(client, { region: "ap-guangzhou" });
}
void main;
