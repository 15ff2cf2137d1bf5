import { expect } from "chai";
import { liveness } from "../../service/src/config";
import { staleAfterMs, startupBoundMs } from "../../service/src/ops/heartbeat";
import { serviceHealthCheck } from "../health";

const SHORT = { STALL_TIMEOUT_MS: "1000", RATE_LIMIT_BACKOFF_MAX_MS: "1000", USAGE_CAP_WAIT_MS: "1000", HTTP_BACKOFF_MAX_MS: "1000" };

describe("service health check cadence", () => {
  it("with the service's defaults: a start-up bound of 180 s as the start period, checked every 15 s, 3 retries", () => {
    expect(serviceHealthCheck(liveness({}))).to.deep.equal({
      command: ["CMD", "node", "dist/health.js"],
      intervalSeconds: 15,
      timeoutSeconds: 10,
      retries: 3,
      startPeriodSeconds: 180,
    });
  });

  it("calls a task that never connects unhealthy after the start-up bound, within a quarter of it, inside ECS's ranges", () => {
    for (const env of [
      SHORT,
      {},
      { USAGE_CAP_WAIT_MS: "86400000" },
      { RATE_LIMIT_BACKOFF_INITIAL_MS: "600000", RATE_LIMIT_BACKOFF_MAX_MS: "600000" },
      { HTTP_BACKOFF_INITIAL_MS: "1000000", HTTP_BACKOFF_MAX_MS: "1000000", STALL_TIMEOUT_MS: "1000" },
    ]) {
      const settings = liveness(env);
      const check = serviceHealthCheck(settings);
      const startup = startupBoundMs(settings.backoff, settings.stallTimeoutMs) / 1000;
      const interval = check.intervalSeconds ?? 0;
      const start = check.startPeriodSeconds ?? 0;
      const detection = start + interval * (check.retries ?? 0);
      expect(interval, JSON.stringify(env)).to.be.within(5, 300);
      expect(start, JSON.stringify(env)).to.be.within(0, 300);
      expect(detection, JSON.stringify(env)).to.be.at.least(startup);
      if (start === startup && interval !== 5) expect(detection, JSON.stringify(env)).to.be.at.most(startup * 1.25);
    }
    // A start-up bound past ECS's start period: the interval stretches so that the bound is waited out.
    expect(serviceHealthCheck(liveness({ RATE_LIMIT_BACKOFF_INITIAL_MS: "600000", RATE_LIMIT_BACKOFF_MAX_MS: "600000" }))).to.include({
      startPeriodSeconds: 300,
      intervalSeconds: 140,
    });
    expect(serviceHealthCheck(liveness(SHORT)).intervalSeconds).to.equal(5);
  });

  it("catches a stream that died after connecting within a quarter of the staleness bound after it", () => {
    for (const env of [{}, { USAGE_CAP_WAIT_MS: "86400000" }, { RATE_LIMIT_BACKOFF_INITIAL_MS: "120000" }]) {
      const settings = liveness(env);
      const check = serviceHealthCheck(settings);
      const bound = staleAfterMs(settings.backoff, settings.stallTimeoutMs) / 1000;
      expect((check.intervalSeconds ?? 0) * (check.retries ?? 0), JSON.stringify(env)).to.be.at.most(bound / 4);
    }
  });

  it("refuses a start-up bound longer than ECS's health check can wait, naming the variables", () => {
    expect(() => serviceHealthCheck(liveness({ HTTP_BACKOFF_INITIAL_MS: "3600000", HTTP_BACKOFF_MAX_MS: "3600000" }))).to.throw(
      "the service's start-up bound is 3720 s (STALL_TIMEOUT_MS twice plus the longest first wait of NETWORK_BACKOFF_STEP_MS, " +
        "HTTP_BACKOFF_INITIAL_MS and RATE_LIMIT_BACKOFF_INITIAL_MS), longer than ECS's health check can wait (1200 s): lower those variables",
    );
  });
});
