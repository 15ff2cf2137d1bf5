/**
 * The input rules of the awsx components (their children are created by the awsx provider, out of the mocks'
 * sight), each with its source (../README.md says how to add one).
 */
import { ResourceRules } from "../rules";

/** The input rules of the awsx components, by type token. */
export const AWSX_RULES: Readonly<Record<string, ResourceRules>> = {
  // The stack's network: awsx components. Under mocks they are single remote components; on `pulumi up` the awsx
  // provider creates the children below from `twitterstream-vpc` (names and tags it derives, not ours).
  "awsx:ec2:DefaultVpc": { rules: [], note: "awsx component: looks up the default VPC, creates nothing" },

  "awsx:ec2:Vpc": {
    rules: [
      {
        path: "numberOfAvailabilityZones",
        checks: [{ kind: "intRange", min: 1, max: 6 }],
        source: { doc: "https://www.pulumi.com/registry/packages/awsx/api-docs/ec2/vpc/" },
      },
    ],
    note: "awsx component; its children are listed below so that a direct use of them is checked too",
  },
};
