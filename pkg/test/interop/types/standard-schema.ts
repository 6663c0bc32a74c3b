// schema() under the Standard Schema spec's own types (@standard-schema/spec) and the
// consumers' (react-hook-form's Resolver): `tsc --strict` must accept this file.
import type { StandardSchemaV1 } from "@standard-schema/spec";
import { standardSchemaResolver } from "@hookform/resolvers/standard-schema";
import { schema, type CreateAuditTrackRequest, type Diagnostic, type UntypedRequest } from "cloudaudit-lint";
import type { Resolver } from "react-hook-form";

const create = schema("CreateAuditTrack", { region: "ap-guangzhou" });
const spec: StandardSchemaV1<CreateAuditTrackRequest, CreateAuditTrackRequest> = create;
type Output = StandardSchemaV1.InferOutput<typeof create>;
const output: CreateAuditTrackRequest = {} as Output;
const input: StandardSchemaV1.InferInput<typeof create> = {} as CreateAuditTrackRequest;

const other: StandardSchemaV1<UntypedRequest> = schema("DescribeAuditTracks");

async function main(): Promise<void> {
  const result = await spec["~standard"].validate({});
  if (result.issues) {
    for (const issue of result.issues) {
      const keys = issue.path?.map((segment) => (typeof segment === "object" ? segment.key : segment));
      void [issue.message, keys];
    }
  } else {
    const request: CreateAuditTrackRequest = result.value;
    void request;
  }
  const ours = create["~standard"].validate({});
  const warnings: Diagnostic[] = ours.warnings;
  const alsoWarnings: Diagnostic[] = create.warnings({});
  void [warnings, alsoWarnings];

  const resolver: Resolver<CreateAuditTrackRequest, unknown, CreateAuditTrackRequest> = standardSchemaResolver(create);
  void resolver;
  // @ts-expect-error: an unknown action
  schema("CreateTrack");
}
void [main, output, input, other];
