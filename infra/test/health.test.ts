import { expect } from "chai";
import { liveness } from "../../service/src/config";
import { staleAfterMs } from "../../service/src/heartbeat";
import { serviceHealthCheck } from "../health";

describe("service health check cadence", () => {
  it("with the service's defaults: a bound of 1,080 s, checked every 90 s, 3 retries, one interval to start", () => {
    expect(serviceHealthCheck(liveness({}))).to.deep.equal({
      command: ["CMD", "node", "dist/health.js"],
      intervalSeconds: 90,
      timeoutSeconds: 10,
      retries: 3,
      startPeriodSeconds: 90,
    });
  });

  it("detects within a quarter of the bound after it, inside ECS's ranges, for short and long policies", () => {
    for (const env of [
      { STALL_TIMEOUT_MS: "1000", RATE_LIMIT_BACKOFF_MAX_MS: "1000", USAGE_CAP_WAIT_MS: "1000", HTTP_BACKOFF_MAX_MS: "1000" },
      {},
      { USAGE_CAP_WAIT_MS: "86400000" },
    ]) {
      const settings = liveness(env);
      const check = serviceHealthCheck(settings);
      const boundSeconds = staleAfterMs(settings.backoff, settings.stallTimeoutMs) / 1000;
      expect(check.intervalSeconds).to.be.within(5, 300);
      expect(check.startPeriodSeconds).to.be.within(0, 300);
      if (check.intervalSeconds !== 5 && check.intervalSeconds !== 300)
        expect((check.intervalSeconds ?? 0) * (check.retries ?? 0)).to.be.at.most(boundSeconds / 4);
    }
    expect(
      serviceHealthCheck(
        liveness({ STALL_TIMEOUT_MS: "1000", RATE_LIMIT_BACKOFF_MAX_MS: "1000", USAGE_CAP_WAIT_MS: "1000", HTTP_BACKOFF_MAX_MS: "1000" }),
      ).intervalSeconds,
    ).to.equal(5);
    expect(serviceHealthCheck(liveness({ USAGE_CAP_WAIT_MS: "86400000" })).intervalSeconds).to.equal(300);
  });
});
