/**
 * Prints `docs/SECURITY.md` from the control list the control tests run, and rewrites the policy list in
 * `packages/policy-pack/README.md` from the same list, so that one command brings both up to date.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { securityReport, withPolicyList } from "../test/security/securityReport";

const README = path.resolve(__dirname, "../../policy-pack/README.md");
fs.writeFileSync(README, withPolicyList(fs.readFileSync(README, "utf8")));
process.stdout.write(securityReport());
