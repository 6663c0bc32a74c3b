// Every export of the package used with its declared types; `tsc --noEmit --strict` must accept
// this file, and each `@ts-expect-error` line must be an error (the types are precise).
import init, {
  checkActionType,
  checkEventNames,
  checkName,
  checkRegion,
  checkResourceType,
  checkStatus,
  checkStorage,
  checkTrackForAllMembers,
  facts,
  fix,
  initSync,
  loadCatalog,
  rules,
  schema,
  setCatalog,
  validate,
  type ActionType,
  type ApiErrorCode,
  type CheckOptions,
  type Config,
  type CreateAuditTrackRequest,
  type Diagnostic,
  type Diagnostics,
  type Facts,
  type FixChange,
  type Fixed,
  type InitInput,
  type InitOutput,
  type LengthRange,
  type Level,
  type LocatedDiagnostic,
  type Locale,
  type ParameterFact,
  type RequestSchema,
  type Profile,
  type RuleId,
  type RuleInfo,
  type Severity,
  type StorageParameters,
  type StorageType,
  type SyncInitInput,
  type TrackAction,
  type UnlocatedDiagnostic,
  type UntypedRequest,
  type ValidateOptions,
} from "cloudaudit-lint";

async function main(wasmBytes: SyncInitInput, wasmUrl: InitInput): Promise<void> {
  const output: InitOutput = initSync({ module: wasmBytes });
  const same: InitOutput = await init({ module_or_path: wasmUrl });
  const memory: WebAssembly.Memory = output.memory ?? same.memory;
  void memory;

  const storage: StorageParameters = {
    StorageType: "cos",
    StorageRegion: "ap-guangzhou",
    StorageName: "audit-cos",
    StoragePrefix: "logs",
  };
  const request: CreateAuditTrackRequest = {
    Name: "audit",
    ActionType: "Read",
    ResourceType: "cos",
    Status: 1,
    EventNames: ["PutBucketACL"],
    Storage: storage,
  };
  const profile: Profile = { regions: ["ap-guangzhou", "ap-shanghai"], eventNamesCap: 20 };
  const options: ValidateOptions = { region: "ap-guangzhou", locale: "zh-CN", profile };
  const checkOptions: CheckOptions = { locale: "en" };

  const fromObject: Diagnostic[] = validate(request, options);
  const limited: Diagnostics = validate(request, { ...options, maxDiagnostics: 10 });
  const omitted: number = limited.omitted ?? 0;
  void omitted;
  const fromText: Diagnostic[] = validate(JSON.stringify(request));
  const fromBytes: Diagnostic[] = validate(new TextEncoder().encode("{}"));
  const anything: UntypedRequest = JSON.parse("{}") as UntypedRequest;
  const fromUntyped: Diagnostic[] = validate(anything);

  // One coordinate narrows all four: a diagnostic is located or it is not.
  for (const d of fromText) {
    if (d.line !== undefined) {
      const located: LocatedDiagnostic = d;
      const span: number = d.endLine - d.line + d.endColumn - d.column;
      void [located, span];
    } else {
      const unlocated: UnlocatedDiagnostic = d;
      const none: undefined = d.endColumn;
      void [unlocated, none];
    }
    const suppressed: string | undefined = d.suppressed;
    void suppressed;
  }

  // The field checks take what a form holds; a value of the wrong type is a diagnostic.
  const fromForm: unknown = JSON.parse('"1"');
  const typeDiagnostics: Diagnostic[][] = [
    checkStatus("1"),
    checkName(42),
    checkTrackForAllMembers(fromForm),
    checkEventNames(fromForm, fromForm),
    checkStorage(fromForm),
    checkRegion(null),
  ];
  void typeDiagnostics;

  // A team's configuration, as cloudaudit-lint.toml spells it, and the API action.
  const level: Level = "warning";
  const config: Config = {
    rules: { "name-length": level, "storage-region-unknown": "off" },
    api: { "event-names-cap": 20, regions: ["ap-guangzhou"] },
    policy: {
      name: { pattern: "^prod-", message: "names start with prod-" },
      "storage-type": { allowed: ["cos"] },
      status: { required: 1 },
    },
    suppress: [{ rules: ["event-names-duplicate"], reason: "legacy" }],
  };
  const action: TrackAction = "ModifyAuditTrack";
  const configured: Diagnostic[] = validate(request, { region: "ap-guangzhou", config, action });
  const fixedWith: Fixed = fix(JSON.stringify(request), { config, action });
  const checkedWith: Diagnostic[] = checkName("dev", { config });
  void [configured, fixedWith, checkedWith];

  for (const d of [...fromObject, ...fromText, ...fromBytes, ...fromUntyped]) {
    const rule: RuleId = d.rule;
    const severity: Severity = d.severity;
    const code: ApiErrorCode | null = d.apiErrorCode;
    const where: string = d.line === undefined ? d.path : `${d.line}:${d.column ?? 0}`;
    const help: string | undefined = d.help;
    const fixable: boolean = d.fixable;
    void [rule, severity, code, where, help, fixable, d.message, d.endLine, d.endColumn];
  }

  const fieldChecks: Diagnostic[][] = [
    checkName("audit", checkOptions),
    checkRegion("ap-guangzhou"),
    checkActionType("Read"),
    checkResourceType("cos"),
    checkStatus(1),
    checkTrackForAllMembers(0),
    checkEventNames("cos", ["PutBucketACL"], checkOptions),
    checkEventNames(undefined, []),
    checkStorage({ StorageType: "cls" }),
  ];
  void fieldChecks;

  const table: RuleInfo[] = rules();
  const locale: Locale = "zh-CN";
  const described: string = table[0].description[locale];
  void described;

  const f: Facts = facts(profile);
  const actionTypes: ActionType[] = f.actionTypes;
  const storageType: StorageType = "cls";
  const length: LengthRange = f.cosPrefixLength;
  const params: ParameterFact[] = f.parameters;
  const status: CreateAuditTrackRequest["Status"] = f.switchValues[0];
  const compress: StorageParameters["Compress"] = f.compressValues[0];
  void [status, compress];
  const pattern = new RegExp(f.namePattern, "v");
  void [actionTypes, storageType, length, params, pattern, f.regions, f.nameMin, f.eventNamesCap];

  const fixed: Fixed = fix(JSON.stringify(request), options);
  const change: FixChange | undefined = fix(request).changes[0];
  const fixedText: string = fixed.text;
  void [change?.rule, change?.before, fixedText];

  const requestSchema: RequestSchema<CreateAuditTrackRequest> = schema(undefined, options);
  const checked = requestSchema["~standard"].validate(request);
  const valid: CreateAuditTrackRequest | undefined = checked.issues ? undefined : checked.value;
  void [valid, requestSchema.warnings(request), schema("DeleteAuditTrack")];

  setCatalog(null);
  await loadCatalog();

  // @ts-expect-error: a locale is "en" or "zh-CN"
  validate(request, { locale: "fr" });
  // @ts-expect-error: an unknown option
  validate(request, { regoin: "ap-guangzhou" });
  // @ts-expect-error: rule ids are a closed set
  const noSuchRule: RuleId = "no-such-rule";
  // @ts-expect-error: Status is 0 or 1
  const badStatus: CreateAuditTrackRequest = { ...request, Status: 2 };
  // @ts-expect-error: line is absent for objects: narrow it first
  const line: number = fromObject[0].line;
  // @ts-expect-error: an action of the tracking-set family
  validate(request, { action: "CreateAuditTrak" });
  // @ts-expect-error: a level is off, warning or error
  const loud: Config = { rules: { "name-length": "loud" } };
  // @ts-expect-error: rules are named by their ids
  const misnamed: Config = { rules: { "nme-length": "off" } };
  // @ts-expect-error: the file's spelling of the API facts, not the profile's
  const camel: Config = { api: { eventNamesCap: 20 } };
  // @ts-expect-error: an unlocated diagnostic has no end column to do arithmetic with
  const unnarrowed: number = fromText[0].endColumn + 1;
  void [loud, misnamed, camel, unnarrowed];
  // @ts-expect-error: fix() takes text or an object, not bytes
  fix(new Uint8Array(0));
  // @ts-expect-error: unknown profile fields are refused
  facts({ eventNameCap: 20 });
  void [noSuchRule, badStatus, line];
}

void main;
