//! The TypeScript declarations of the package, appended to the `.d.ts` wasm-bindgen writes.
//!
//! The unions of values the crate knows (rule ids, API error codes, `ActionType`, `StorageType`)
//! are written at compile time from the rule table and [`facts`], so the declarations cannot
//! drift from the library; the shapes around them are written here by hand, next to the
//! functions that produce them (`mod.rs`, `convert.rs`).

// The constants below are read by the `typescript_custom_section` expansion, which rustc's
// dead-code analysis does not count as a use.
#![allow(dead_code)]

use wasm_bindgen::prelude::wasm_bindgen;

use crate::RuleId;
use crate::facts;

/// The declarations, with the generated unions in place.
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &str = DECLARATIONS;

/// The declarations as one string.
const DECLARATIONS: &str = match std::str::from_utf8(&BYTES) {
    Ok(text) => text,
    Err(_) => panic!("the TypeScript declarations are not UTF-8"),
};

const LENGTH: usize = {
    let mut none = [];
    let mut out = Writer::new(&mut none);
    declarations(&mut out);
    out.len
};

const BYTES: [u8; LENGTH] = {
    let mut bytes = [0; LENGTH];
    let mut out = Writer::new(&mut bytes);
    declarations(&mut out);
    bytes
};

/// Writes into a byte buffer at compile time, counting what does not fit (the first pass
/// writes nothing and only measures).
struct Writer<'b> {
    bytes: &'b mut [u8],
    len: usize,
}

impl<'b> Writer<'b> {
    const fn new(bytes: &'b mut [u8]) -> Self {
        Self { bytes, len: 0 }
    }

    const fn str(&mut self, text: &str) {
        let text = text.as_bytes();
        let mut i = 0;
        while i < text.len() {
            if self.len < self.bytes.len() {
                self.bytes[self.len] = text[i];
            }
            self.len += 1;
            i += 1;
        }
    }

    /// `  | "a"\n  | "b"` for each value, as a union type's lines.
    const fn union_line(&mut self, value: &str) {
        self.str("\n  | \"");
        self.str(value);
        self.str("\"");
    }
}

const fn declarations(out: &mut Writer<'_>) {
    out.str(HEAD);

    out.str("\n/** A rule's stable id; `rules()` describes each. */\nexport type RuleId =");
    let mut i = 0;
    while i < RuleId::ALL.len() {
        out.union_line(RuleId::ALL[i].as_str());
        i += 1;
    }
    out.str(";\n");

    out.str(
        "\n/** The error code the Tencent Cloud API would most likely answer for a problem. */\
         \nexport type ApiErrorCode =",
    );
    let mut i = 0;
    while i < RuleId::ALL.len() {
        if let Some(code) = first_use_of_code(i) {
            out.union_line(code.as_str());
        }
        i += 1;
    }
    out.str(";\n");

    out.str("\n/** The values of `ActionType`. */\nexport type ActionType =");
    let mut i = 0;
    while i < facts::ACTION_TYPES.len() {
        out.union_line(facts::ACTION_TYPES[i]);
        i += 1;
    }
    out.str(";\n");

    out.str(
        "\n/** The values of `Storage.StorageType` (a `profile` may accept more). */\
         \nexport type StorageType =",
    );
    let mut i = 0;
    while i < facts::STORAGE_TYPES.len() {
        out.union_line(facts::STORAGE_TYPES[i]);
        i += 1;
    }
    out.str(";\n");

    out.str(SHAPES);
}

/// The API error code of rule `index`, unless an earlier rule has the same code.
const fn first_use_of_code(index: usize) -> Option<facts::ApiErrorCode> {
    let Some(code) = RuleId::ALL[index].api_error_code() else {
        return None;
    };
    let mut earlier = 0;
    while earlier < index {
        if let Some(seen) = RuleId::ALL[earlier].api_error_code()
            && seen as u8 == code as u8
        {
            return None;
        }
        earlier += 1;
    }
    Some(code)
}

const HEAD: &str = r#"
/** The language of messages and descriptions. */
export type Locale = "en" | "zh-CN";

/** How serious a diagnostic is: `error` (the server would refuse the request) or `warning`. */
export type Severity = "error" | "warning";
"#;

const SHAPES: &str = r#"
/**
 * One problem found in a request: a `LocatedDiagnostic` (all of `line`, `column`, `endLine`
 * and `endColumn`) when the request was given as text (a string or bytes), else an
 * `UnlocatedDiagnostic` (none of them). Checking one narrows all four:
 * `if (d.line !== undefined) d.endColumn.toFixed()`.
 */
export type Diagnostic = LocatedDiagnostic | UnlocatedDiagnostic;

/**
 * A diagnostic of a request given as text. Lines and columns are 1-based, and **columns count
 * UTF-16 code units**, like JavaScript string indexes (the command-line program counts
 * characters instead). `endLine`/`endColumn` are the position just past the offending text.
 */
export interface LocatedDiagnostic extends DiagnosticFields {
  /** 1-based line of the start. */
  line: number;
  /** 1-based column of the start, in UTF-16 code units. */
  column: number;
  /** 1-based line of the end. */
  endLine: number;
  /** 1-based column just past the end, in UTF-16 code units. */
  endColumn: number;
}

/** A diagnostic of a request given as an object, or of a field check: no position. */
export interface UnlocatedDiagnostic extends DiagnosticFields {
  line?: undefined;
  column?: undefined;
  endLine?: undefined;
  endColumn?: undefined;
}

/** What every diagnostic has. */
export interface DiagnosticFields {
  /** The rule that found it. */
  rule: RuleId;
  severity: Severity;
  /** JSON Pointer (RFC 6901) of the offending value, e.g. `/Storage/StorageName`; `""` is the whole request. */
  path: string;
  /** What is wrong, in the requested locale. */
  message: string;
  /** The error code the server would most likely answer, or `null` where it would accept the request. */
  apiErrorCode: ApiErrorCode | null;
  /** What to do about it, when there is a certain suggestion. */
  help?: string;
  /** Whether `fix` (and the command-line program's `check --fix`) repairs it safely. */
  fixable: boolean;
  /** Why a `config`'s `suppress` entry silences it; present only then (it is no problem then). */
  suppressed?: string;
}

/**
 * The diagnostics of a call, in text order (by line, then column, then rule; for a value, which
 * has no positions, the API's parameter order): an array, empty when the value or request is
 * valid.
 */
export interface Diagnostics extends Array<Diagnostic> {
  /**
   * How many more diagnostics the limit (`maxDiagnostics`, 1000 by default, as in the
   * command-line program) left out; present only when it left some out.
   */
  omitted?: number;
}

/**
 * Overrides of the API facts the rules check against (for an API change not yet released in
 * this package). Every field is optional; an unknown field is a `TypeError`.
 */
export interface Profile {
  /** Regions in which the API is offered. */
  regions?: string[];
  /** Storage regions known to exist; others draw a warning. */
  storageRegions?: string[];
  /** Accepted `Storage.StorageType` values. */
  storageTypes?: string[];
  /** Shortest `Name`, in characters. */
  nameMin?: number;
  /** Longest `Name`, in characters. */
  nameMax?: number;
  /** The most API names `EventNames` may list for the capped products (an error beyond). */
  eventNamesCap?: number;
  /** The products capped at `eventNamesCap`. */
  cappedProducts?: string[];
  /** The most API names for any other product (a warning beyond). */
  eventNamesCapOther?: number;
}

/** A rule's level in a `config`. */
export type Level = "off" | "warning" | "error";

/** A team policy that a value must match a pattern (a JavaScript `RegExp` with the `u` flag). */
export interface PatternPolicy {
  pattern: string;
  /** The team's own message, shown instead of the default one. */
  message?: string;
}

/** A team policy of the values a field may take. */
export interface AllowedPolicy {
  allowed: string[];
  message?: string;
}

/** A team policy of the value a switch must have. */
export interface RequiredPolicy {
  required: number;
  message?: string;
}

/**
 * A team's configuration: the structure of `cloudaudit-lint.toml` (and of the Rust
 * `Config::from_json`), keys as the file spells them. Every problem in it is one `TypeError`
 * listing them all, with did-you-mean for unknown keys. `suppress` entries apply when they
 * name no `files`, and `files` selects files of folders: both are for the command-line program.
 */
export interface Config {
  /** Any rule turned off or given another severity. */
  rules?: Partial<Record<RuleId, Level>>;
  /** Overrides of the API facts (as `profile` does, in the file's spelling). */
  api?: {
    "regions"?: string[];
    "storage-regions"?: string[];
    "storage-types"?: string[];
    "name-min"?: number;
    "name-max"?: number;
    "event-names-cap"?: number;
    "capped-products"?: string[];
    "event-names-cap-other"?: number;
  };
  /** Team policies, each reported under its own rule id (`policy-name`, …). */
  policy?: {
    "name"?: PatternPolicy;
    "storage-prefix"?: PatternPolicy;
    "storage-type"?: AllowedPolicy;
    "storage-region"?: AllowedPolicy;
    "status"?: RequiredPolicy;
    "track-for-all-members"?: RequiredPolicy;
  };
  /** Rules reported as suppressed, with the reason. */
  suppress?: { files?: string[]; rules: RuleId[]; reason: string }[];
  files?: { include?: string[]; exclude?: string[] };
}

/** Options of the field checks. */
export interface CheckOptions {
  /** The language of messages; `"en"` by default. */
  locale?: Locale;
  /** Overrides of the API facts. */
  profile?: Profile;
  /** A team's configuration (rule levels, API facts, policies); not with `profile`. */
  config?: Config;
  /** The most diagnostics returned (1000 by default; `Infinity` for all); the rest are counted in `omitted`. */
  maxDiagnostics?: number;
}

/** Options of `validate`. */
export interface ValidateOptions extends CheckOptions {
  /**
   * The region the request is sent to (an SDK client's region). It wins over a `Region`
   * parameter in the request, which then must agree with it.
   */
  region?: string;
  /**
   * Validates every request as this API (as the command-line program's `--action`); without
   * it, a request's `Action` chooses, and `CreateAuditTrack` is the default.
   */
  action?: TrackAction;
}

/** The `Storage` parameter of `CreateAuditTrack`. */
export interface StorageParameters {
  StorageType: StorageType;
  StorageRegion: string;
  /** COS: the bucket name without `-APPID`; CLS: the log topic ID. */
  StorageName: string;
  StoragePrefix: string;
  StorageAccountId?: string;
  StorageAppId?: string;
  /** 1 compress, 2 do not. */
  Compress?: 1 | 2;
}

/** A well-formed `CreateAuditTrack` request (API version 2019-03-19). */
export interface CreateAuditTrackRequest {
  Action?: "CreateAuditTrack";
  Version?: "2019-03-19";
  Region?: string;
  /** 3 to 48 ASCII letters, digits, hyphens and underscores. */
  Name: string;
  ActionType: ActionType;
  /** A product code such as `cos`, or `*` for all products. */
  ResourceType: string;
  /** 0 not enabled, 1 enabled. */
  Status: 0 | 1;
  /** API names of the product, or `["*"]`. */
  EventNames: string[];
  Storage: StorageParameters;
  TrackForAllMembers?: 0 | 1;
  ExportId?: string;
}

/** Any object: what `validate` accepts besides a well-formed request, since finding what is wrong with one is its job. */
export type UntypedRequest = { readonly [parameter: string]: unknown };

/** One rule of the rule table. */
export interface RuleInfo {
  id: RuleId;
  /** The severity it reports at. */
  severity: Severity;
  apiErrorCode: ApiErrorCode | null;
  /** A one-line description in each language. */
  description: Record<Locale, string>;
}

/** An inclusive range of lengths, in characters. */
export interface LengthRange {
  min: number;
  max: number;
}

/** One parameter of a request object. */
export interface ParameterFact {
  name: string;
  required: boolean;
  type: "string" | "integer" | "string[]" | "object";
}

/**
 * Fetches the product and API catalogue shipped with the package (`wasm/catalog.tsv`, about
 * 10 KB gzip, kept out of the module) and installs it with `setCatalog`. In Node it reads the
 * file; in a browser or bundle it fetches it beside the module, or from `url`.
 * (Defined by the package's entry points, `index.js` and `node.js`.)
 */
export function loadCatalog(url?: string | URL): Promise<void>;

/** One change `fix` made. */
export interface FixChange {
  /** The rule whose diagnostic it fixed. */
  rule: RuleId;
  /** JSON Pointer of the value changed (of the entry, for a removed one). */
  path: string;
  /** The JSON text it replaced. */
  before: string;
  /** The JSON text written instead (`""` for a removed entry). */
  after: string;
}

/** What `fix` returns: the fixed JSON text and the changes, in the order they were made. */
export interface Fixed {
  /** The fixed text (the input's own when nothing was fixable). */
  text: string;
  changes: FixChange[];
}

/** The tracking-set actions a request may be validated as. */
export type TrackAction =
  | "CreateAuditTrack"
  | "ModifyAuditTrack"
  | "DeleteAuditTrack"
  | "DescribeAuditTrack"
  | "DescribeAuditTracks"
  | "CreateEventsAuditTrack"
  | "ModifyEventsAuditTrack";

/** The Standard Schema interface, version 1 (standardschema.dev), as the spec has libraries copy it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  export type Result<Output> = SuccessResult<Output> | FailureResult;
  export interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  export interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  export interface PathSegment {
    readonly key: PropertyKey;
  }
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/** A result of `RequestSchema`'s `validate`: Standard Schema's, with the request's warnings. */
export type RequestSchemaResult<Request> = StandardSchemaV1.Result<Request> & {
  /** The warnings, which are not issues: a form may show them without blocking. */
  readonly warnings: Diagnostic[];
};

/** A Standard Schema of a tracking-set request (`schema()`). */
export interface RequestSchema<Request> extends StandardSchemaV1<Request, Request> {
  readonly "~standard": Omit<StandardSchemaV1.Props<Request, Request>, "validate"> & {
    readonly validate: (value: unknown) => RequestSchemaResult<Request>;
  };
  /** The warnings of `value` (the issues are its errors). */
  warnings(value: unknown): Diagnostic[];
}

/**
 * A Standard Schema (v1, the interface zod, valibot and arktype implement) of a request of
 * `action` (`CreateAuditTrack` by default; a request that names no `Action` is validated as
 * one): `~standard.validate(value)` gives `{ value }`, or `{ issues }` with one issue per
 * error, its message and its path as keys (`["Storage", "StorageName"]`, `["EventNames", 2]`).
 * Warnings are not issues; `warnings(value)` and each result's `warnings` hold them. Give
 * `options.region`, the region the request is for: without it (and without a `Region` in the
 * value) the region is missing. Throws a `TypeError` for an unknown action or bad options.
 * (Defined by the package's entry points, in `schema.js`.)
 */
export function schema(action?: "CreateAuditTrack", options?: ValidateOptions): RequestSchema<CreateAuditTrackRequest>;
export function schema(action: TrackAction, options?: ValidateOptions): RequestSchema<UntypedRequest>;

/** The facts a form builds its widgets from: the profile's values and the API's constants. */
export interface Facts extends Required<Profile> {
  action: "CreateAuditTrack";
  apiVersion: "2019-03-19";
  /** `Name` as a regular expression source, for `<input pattern>` or `new RegExp` (any flags): length and charset only; `checkName` says more. */
  namePattern: string;
  actionTypes: ActionType[];
  /** The values of `Status` and `TrackForAllMembers`. */
  switchValues: (0 | 1)[];
  /** The values of `Storage.Compress`. */
  compressValues: (1 | 2)[];
  /** All products in `ResourceType`, all APIs in `EventNames`. */
  wildcard: "*";
  /** Longest COS bucket name (without `-APPID`). */
  cosBucketNameMax: number;
  /** Longest COS host `<bucket>-<APPID>.cos.<region>.myqcloud.com`. */
  cosHostMax: number;
  cosPrefixLength: LengthRange;
  clsTopicLength: LengthRange;
  /** `Action`, `Version`, `Region`. */
  commonParameters: ParameterFact[];
  /** The parameters of `CreateAuditTrack`, in the page's order. */
  parameters: ParameterFact[];
  /** The fields of `Storage`. */
  storageParameters: ParameterFact[];
}
"#;
