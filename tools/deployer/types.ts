/**
 * The shape of the deployer permission table: for each resource type and invoke the stack can register, the IAM
 * actions its provider calls to create, read (refresh), update and delete it, and where that list comes from.
 */

/** Where a row's actions were read: provider source (which API calls its CRUD functions make) or an AWS doc. */
export interface Source {
  /** Short label shown in the doc, e.g. `terraform-provider-aws internal/service/ecr/repository.go`. */
  readonly title: string;
  readonly url: string;
}

/** IAM actions (`service:Action`) by the lifecycle step that needs them. */
export interface LifecycleActions {
  /** `pulumi up` creating it (and the read the provider does right after). */
  readonly create: readonly string[];
  /** `pulumi refresh`, and `pulumi preview`/`up` for invokes (data sources are read on every run). */
  readonly read: readonly string[];
  /** `pulumi up` changing it in place. */
  readonly update: readonly string[];
  /** `pulumi destroy`, and `pulumi up` replacing it. */
  readonly delete: readonly string[];
}

/** One resource type or invoke token, with what the deploying identity needs for it. */
export interface PermissionRow extends LifecycleActions {
  /** The Pulumi type token (`aws:ecr/repository:Repository`) or invoke token (`aws:ec2/getVpc:getVpc`). */
  readonly token: string;
  readonly kind: "resource" | "invoke" | "component";
  /**
   * The awsx components that create or call this inside their own provider process, invisible under mocks: the row
   * applies wherever one of them is registered. Listed from awsx's source, not captured.
   */
  readonly inside?: readonly string[];
  /** The service principal this resource passes a role to (`iam:PassRole` with `iam:PassedToService`). */
  readonly passRoleTo?: string;
  /**
   * The service whose service-linked role creating this resource may create on first use in an account
   * (`iam:CreateServiceLinkedRole` with `iam:AWSServiceName`): required with that action, the policy's only grant of it.
   */
  readonly serviceLinkedRoleOf?: string;
  /** What needs a word beyond the action list (a condition, a service-side grant, a first-use side effect). */
  readonly note?: string;
  readonly sources: readonly Source[];
}

/** A row with no AWS calls of its own (a component resource, an invoke answered locally). */
export const NO_ACTIONS: LifecycleActions = { create: [], read: [], update: [], delete: [] };
