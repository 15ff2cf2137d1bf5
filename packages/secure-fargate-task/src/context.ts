import * as pulumi from "@pulumi/pulumi";
import type { DerivedNames } from "./names";
import type { AwsScope } from "./iam/policies";

/** What every child-building function needs from the component: its name, itself as parent, tags, where it is. */
export interface ChildContext {
  /** The component's name, the stem of every child's logical name. */
  name: string;
  parent: pulumi.Resource;
  tags: Record<string, string>;
  scope: pulumi.Output<AwsScope>;
  names: DerivedNames;
}
