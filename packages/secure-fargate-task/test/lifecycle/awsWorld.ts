import { fakeId } from "../../src/testing/resources";
import type { Inputs } from "@twitterstream/test-kit/lifecycle/engine";

/** What AWS keeps of a resource after its delete, for a type whose delete is not immediate and final. */
export interface AfterDelete {
  type: string;
  /** The physical name stays taken: a new resource of that name is refused until the window ends. */
  holdsName: boolean;
  what: string;
  source: string;
}

/**
 * The types whose delete leaves something behind, as AWS documents it. Every other type the stacks create frees its
 * name at once (DeleteLogGroup, DeleteRepository with force, DeleteAlias, DeleteRule, DeleteDashboards, DeleteAlarms,
 * DeleteTable, DeleteRole, DeleteTopic).
 */
export const AFTER_DELETE: readonly AfterDelete[] = [
  {
    type: "aws:secretsmanager/secret:Secret",
    holdsName: true,
    what: "scheduled for deletion for its recovery window (30 days unless recoveryWindowInDays says otherwise); a new secret of that name is refused meanwhile",
    source:
      "https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_DeleteSecret.html ; terraform-provider-aws internal/service/secretsmanager/secret.go (recovery_window_in_days, default 30)",
  },
  {
    type: "aws:kms/key:Key",
    holdsName: false,
    what: "pending deletion for its waiting period (7 to 30 days, deletionWindowInDays); a key has no name, and a new key gets a new id",
    source: "https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html",
  },
  {
    type: "aws:ecs/taskDefinition:TaskDefinition",
    holdsName: false,
    what: "deregistered (INACTIVE); the family's next registration takes the next revision number, never a used one",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deregister-task-definition-v2.html",
  },
];

/** The physical name AWS holds a resource under, for the types whose names are unique in an account and Region. */
export function physicalName(type: string, inputs: Inputs, outputs: Inputs): string | undefined {
  if (type === "aws:ecs/taskDefinition:TaskDefinition" || type.startsWith("docker:")) return undefined;
  // The name the program set, else the one the provider or AWS gave it (an auto-name, a prefix's unique suffix).
  const name = inputs.name ?? inputs.dashboardName ?? outputs.name ?? outputs.bucket;
  return typeof name === "string" ? name : undefined;
}

/**
 * One AWS account and Region across updates: the identifiers AWS generates anew on each create, and the names that
 * live resources, and deleted ones still held, take.
 */
export class AwsWorld {
  /** `<type> <name>` of every live resource with a unique physical name. */
  private readonly live = new Set<string>();
  /** `<type> <name>` → why it is still taken after its delete. */
  private readonly held = new Map<string, string>();
  /** Task definition family → its last revision. */
  private readonly revisions = new Map<string, number>();
  /** Creates so far, for identifiers AWS makes unique. */
  private creates = 0;

  /**
   * The outputs AWS gives a new resource, over the mocks' `base` outputs: a new KMS key id, the family's next
   * revision, a new secret version id, a prefixed name's unique suffix, a new Pulumi auto-name suffix. Throws when its
   * physical name is taken, with the reason.
   */
  create(type: string, logicalName: string, inputs: Inputs, base: (name: string) => Inputs): Inputs {
    const n = ++this.creates;
    // Pulumi auto-names `<logical name>-<random>`; the mocks name it `<logical name>-1234567`: a new create, a new name.
    const outputs = { ...base(n === 1 ? logicalName : `${logicalName}-c${n}`) };
    if (type === "aws:ecs/taskDefinition:TaskDefinition") {
      const family = String(inputs.family);
      const revision = (this.revisions.get(family) ?? 0) + 1;
      this.revisions.set(family, revision);
      outputs.revision = revision;
      outputs.arn = String(outputs.arn).replace(/:\d+$/, `:${revision}`);
    }
    if (type === "aws:secretsmanager/secretVersion:SecretVersion") outputs.versionId = fakeId(String(inputs.secretId), String(n));
    if (type === "aws:secretsmanager/secret:Secret" && inputs.name === undefined) {
      // terraform-provider-aws names it `<prefix><timestamp><counter>` (id.PrefixedUniqueId).
      const secretName = `${String(inputs.namePrefix)}${String(20261122000000000000000000n + BigInt(n))}`;
      outputs.name = secretName;
      outputs.arn = String(outputs.arn).replace(/secret:.*-([A-Za-z0-9]{6})$/, `secret:${secretName}-$1`);
    }
    const name = physicalName(type, inputs, outputs);
    if (name !== undefined) {
      const key = `${type} ${name}`;
      if (this.live.has(key)) throw new Error(`${type} ${name} already exists`);
      const reason = this.held.get(key);
      if (reason !== undefined) throw new Error(`${type} ${name} cannot be created: the deleted one is ${reason}`);
      this.live.add(key);
    }
    return outputs;
  }

  /**
   * The resource is deleted: its name is freed, or held as AWS holds it. Throws, deleting nothing, for a DynamoDB table
   * with deletion protection, which DeleteTable refuses
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/WorkingWithTables.Basics.html#WorkingWithTables.Basics.DeletionProtection).
   * A table's name is free once its delete returns: terraform-provider-aws waits until the table is gone
   * (internal/service/dynamodb/table.go, waitTableDeleted).
   */
  delete(type: string, inputs: Inputs, outputs: Inputs): void {
    if (type === "aws:dynamodb/table:Table" && inputs.deletionProtectionEnabled === true) {
      throw new Error(`${type} ${String(outputs.name)}: DeleteTable refused, the table has deletion protection`);
    }
    const name = physicalName(type, inputs, outputs);
    if (name === undefined) return;
    const key = `${type} ${name}`;
    this.live.delete(key);
    const after = AFTER_DELETE.find((a) => a.type === type);
    // A recovery window of 0 deletes the secret at once (ForceDeleteWithoutRecovery).
    const forced = inputs.recoveryWindowInDays === 0 || inputs.forceDeleteWithoutRecovery === true;
    if (after?.holdsName && !forced) this.held.set(key, after.what);
  }
}
