import type { NetworkArgs } from "./args";
import type { Reject } from "../errors";

/** Checks `network`: its subnet and security group lists, when given as lists, are not empty. */
export function validateNetwork(network: NetworkArgs, reject: Reject): void {
  if (Array.isArray(network.subnetIds) && network.subnetIds.length === 0) {
    reject("network.subnetIds", `is empty. Give at least one subnet id, or leave \`network\` out to use the default VPC.`);
  }
  if (Array.isArray(network.securityGroupIds) && network.securityGroupIds.length === 0) {
    reject("network.securityGroupIds", `is empty. Give at least one security group id, or leave it out for one the component creates.`);
  }
}
