/** Prints `docs/SECURITY.md` from the control list the control tests run. */
import { securityReport } from "../test/security/securityReport";

process.stdout.write(securityReport());
