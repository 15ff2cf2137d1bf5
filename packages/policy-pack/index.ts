/**
 * The policy pack Pulumi serves: `pulumi preview --policy-pack packages/policy-pack`. Constructing it starts the
 * analyzer's gRPC server and prints its port (@pulumi/policy `serve`), so only Pulumi (or a test's child process) runs
 * this file; everything else imports `src/`.
 */
import { PolicyPack } from "@pulumi/policy";
import { POLICIES, PACK_NAME } from "./src/policies";

new PolicyPack(PACK_NAME, { policies: POLICIES });
