// `cloudaudit-lint/sdk`: the guard for the official Tencent Cloud Node SDKs.
import type { ApiErrorCode, Config, Diagnostic, Locale, Profile, TrackAction } from "./wasm/cloudaudit_lint.js";

/** The methods `guard` validates, each as its own action: every tracking-set action. */
export type GuardedAction = TrackAction;

/** Options of `guard`. The region is always the client's own. */
export interface GuardOptions {
  /** The language of messages; `"en"` by default. */
  locale?: Locale;
  /** Overrides of the API facts. */
  profile?: Profile;
  /** A team's configuration (rule levels, API facts, policies), as `cloudaudit-lint.toml`; not with `profile`. */
  config?: Config;
  /** The most diagnostics attached to a refusal (1000 by default; `Infinity` for all). */
  maxDiagnostics?: number;
  /** Called with the warnings of a request that is sent (warnings never block). */
  onWarning?: (warnings: Diagnostic[], action: GuardedAction) => void;
}

/**
 * What a refused call fails with: the SDK's own error (`TencentCloudSDKHttpException`, made by
 * the SDK as for a server refusal), plus every diagnostic of the request.
 */
export interface GuardRefusal extends Error {
  /** The API error code the server would most likely have answered. */
  code: ApiErrorCode;
  /** `""`: nothing was sent. */
  requestId: string;
  traceId: string;
  /** Every diagnostic of the request, errors and warnings, in the API's parameter order. */
  diagnostics: Diagnostic[];
}

/**
 * Wraps a `cloudaudit.v20190319.Client` of `tencentcloud-sdk-nodejs` or
 * `tencentcloud-sdk-nodejs-intl-en` so that the tracking-set methods validate their request
 * first (in the client's region) and refuse, without sending, a request with an error. The
 * guarded client has the client's own type.
 */
export function guard<Client extends object>(client: Client, options?: GuardOptions): Client;
