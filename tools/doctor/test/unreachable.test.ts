import { expect } from "chai";
import { CannotCheck, unreachable } from "../aws";

/** A Node system error as the SDK's HTTP handler passes it on: `code` set, the message naming the call. */
function systemError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

describe("doctor: an AWS it cannot reach is `could not check` (exit 2), not a problem with the deployment", () => {
  for (const [code, message] of [
    ["ENOTFOUND", "getaddrinfo ENOTFOUND ecs.eu-west-1.amazonaws.com"],
    ["EAI_AGAIN", "getaddrinfo EAI_AGAIN logs.eu-west-1.amazonaws.com"],
    ["ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:4566"],
    ["ETIMEDOUT", "connect ETIMEDOUT 52.94.0.1:443"],
    ["ENETUNREACH", "connect ENETUNREACH 52.94.0.1:443"],
  ]) {
    it(`GIVEN ${code} THEN a CannotCheck that quotes the error`, () => {
      const problem = unreachable(systemError(code, message));
      expect(problem).to.be.instanceOf(CannotCheck);
      expect(problem!.message).to.include(message);
    });
  }

  it("GIVEN the SDK's own request timeout THEN a CannotCheck", () => {
    expect(unreachable(Object.assign(new Error("Connection timed out after 1000 ms"), { name: "TimeoutError" }))).to.be.instanceOf(CannotCheck);
  });

  it("GIVEN an AWS answer (AccessDenied, a missing cluster) THEN not this: the doctor reports it", () => {
    expect(unreachable(Object.assign(new Error("User is not authorized"), { name: "AccessDeniedException" }))).to.equal(undefined);
    expect(unreachable(Object.assign(new Error("Cluster not found."), { name: "ClusterNotFoundException" }))).to.equal(undefined);
  });
});
