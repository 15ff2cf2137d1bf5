/**
 * The app container's health check: its arguments against ECS's rules
 * (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html), and what the task definition and the
 * service get under mocks.
 */
import { expect } from "chai";
import type { ContainerHealthCheckArgs, SecureFargateTaskArgs } from "../src";
import { InvalidArgumentsError } from "../src/errors";
import { validateArgs } from "../src/validate";
import { validateHealthCheck } from "../src/ecs/healthCheck";
import { makeContext } from "@twitterstream/test-kit/mocks";
import { containerDefinitions, runComponent } from "./runComponent";

const context = makeContext();
const valid: SecureFargateTaskArgs = { image: { context }, secrets: { API_KEY: { value: "k" } } };
const COMMAND = ["CMD", "node", "/app/dist/health.js"];

/** The messages validateArgs rejects this health check with (none when it accepts it). */
function problems(healthCheck: ContainerHealthCheckArgs): string[] {
  try {
    validateArgs("app", { ...valid, healthCheck });
    return [];
  } catch (e) {
    if (e instanceof InvalidArgumentsError) return e.errors.map((x) => x.message);
    throw e;
  }
}

describe("healthCheck", () => {
  it("writes ECS's defaults out: interval 30, timeout 5, retries 3, start period 0", () => {
    expect(validateArgs("app", { ...valid, healthCheck: { command: COMMAND } }).healthCheck).to.deep.equal({
      command: COMMAND,
      interval: 30,
      timeout: 5,
      retries: 3,
      startPeriod: 0,
    });
    expect(validateArgs("app", valid).healthCheck).to.equal(undefined);
  });

  it("accepts every bound of every range, and a CMD-SHELL command line", () => {
    expect(problems({ command: COMMAND, intervalSeconds: 5, timeoutSeconds: 2, retries: 1, startPeriodSeconds: 0 })).to.deep.equal([]);
    expect(problems({ command: COMMAND, intervalSeconds: 300, timeoutSeconds: 120, retries: 10, startPeriodSeconds: 300 })).to.deep.equal([]);
    expect(problems({ command: ["CMD-SHELL", "test -f /tmp/ready || exit 1"] })).to.deep.equal([]);
  });

  const cases: Array<[string, ContainerHealthCheckArgs, string]> = [
    [
      "an interval under 5 s",
      { command: COMMAND, intervalSeconds: 4 },
      "`healthCheck.intervalSeconds` must be a whole number from 5 to 300 (ECS HealthCheck.interval): got 4.",
    ],
    [
      "an interval over 300 s",
      { command: COMMAND, intervalSeconds: 301 },
      "`healthCheck.intervalSeconds` must be a whole number from 5 to 300 (ECS HealthCheck.interval): got 301.",
    ],
    [
      "a timeout under 2 s",
      { command: COMMAND, timeoutSeconds: 1 },
      "`healthCheck.timeoutSeconds` must be a whole number from 2 to 120 (ECS HealthCheck.timeout): got 1.",
    ],
    [
      "a timeout over 120 s",
      { command: COMMAND, timeoutSeconds: 121 },
      "`healthCheck.timeoutSeconds` must be a whole number from 2 to 120 (ECS HealthCheck.timeout): got 121.",
    ],
    ["no retries", { command: COMMAND, retries: 0 }, "`healthCheck.retries` must be a whole number from 1 to 10 (ECS HealthCheck.retries): got 0."],
    [
      "more than 10 retries",
      { command: COMMAND, retries: 11 },
      "`healthCheck.retries` must be a whole number from 1 to 10 (ECS HealthCheck.retries): got 11.",
    ],
    [
      "a fractional retry count",
      { command: COMMAND, retries: 2.5 },
      "`healthCheck.retries` must be a whole number from 1 to 10 (ECS HealthCheck.retries): got 2.5.",
    ],
    [
      "a negative start period",
      { command: COMMAND, startPeriodSeconds: -1 },
      "`healthCheck.startPeriodSeconds` must be a whole number from 0 to 300 (ECS HealthCheck.startPeriod): got -1.",
    ],
    [
      "a start period over 300 s",
      { command: COMMAND, startPeriodSeconds: 301 },
      "`healthCheck.startPeriodSeconds` must be a whole number from 0 to 300 (ECS HealthCheck.startPeriod): got 301.",
    ],
    [
      "a command with no executable",
      { command: ["CMD"] },
      '`healthCheck.command` must be a list: "CMD" and the executable with its arguments, or "CMD-SHELL" and a command line: got ["CMD"]. Write e.g. ["CMD", "node", "dist/health.js"] or ["CMD-SHELL", "test -f /tmp/ready"].',
    ],
    [
      "a command without CMD or CMD-SHELL",
      { command: ["node", "dist/health.js"] },
      '`healthCheck.command` must start with "CMD" (run the executable directly) or "CMD-SHELL" (run a command line with /bin/sh): got "node". Write e.g. ["CMD", "node", "dist/health.js"] or ["CMD-SHELL", "test -f /tmp/ready"].',
    ],
    [
      "NONE, which turns the image's check off rather than defining one",
      { command: ["NONE", "x"] },
      '`healthCheck.command` must start with "CMD" (run the executable directly) or "CMD-SHELL" (run a command line with /bin/sh): got "NONE". Write e.g. ["CMD", "node", "dist/health.js"] or ["CMD-SHELL", "test -f /tmp/ready"].',
    ],
    [
      "an empty part",
      { command: ["CMD", "node", " "] },
      '`healthCheck.command` has an empty or non-string part: got ["CMD","node"," "]. Every part must be a non-empty string.',
    ],
    [
      "a CMD-SHELL command split into words",
      { command: ["CMD-SHELL", "test", "-f", "/tmp/ready"] },
      '`healthCheck.command` with "CMD-SHELL" takes one command line, which the shell splits: got ["CMD-SHELL","test","-f","/tmp/ready"]. Write ["CMD-SHELL", "test -f /tmp/ready"].',
    ],
  ];
  for (const [what, healthCheck, message] of cases) {
    it(`rejects ${what}`, () => {
      expect(problems(healthCheck)).to.deep.equal([message]);
    });
  }

  it("reports every bad field at once, under the field name it is given (for a reuse such as a sidecar's)", () => {
    const seen: string[] = [];
    const result = validateHealthCheck({ command: COMMAND, intervalSeconds: 1, retries: 20 }, "sidecars[0].healthCheck", (field) =>
      seen.push(field),
    );
    expect(result).to.equal(undefined);
    expect(seen).to.deep.equal(["sidecars[0].healthCheck.intervalSeconds", "sidecars[0].healthCheck.retries"]);
  });

  describe("under mocks", () => {
    it("puts the health check, defaults written out, on the app container", async () => {
      const { run } = await runComponent({ healthCheck: { command: COMMAND, intervalSeconds: 15, startPeriodSeconds: 60 } });
      const [app] = containerDefinitions(run);
      expect(app).to.deep.equal({
        name: "app",
        image: app.image,
        essential: true,
        cpu: 256,
        memory: 512,
        user: "1000:1000",
        privileged: false,
        readonlyRootFilesystem: true,
        linuxParameters: { initProcessEnabled: true },
        environment: [
          { name: "FILTER", value: "Cloud Computing" },
          { name: "TABLE", value: "tweets" },
        ],
        secrets: app.secrets,
        mountPoints: [{ sourceVolume: "tmp", containerPath: "/tmp", readOnly: false }],
        logConfiguration: app.logConfiguration,
        stopTimeout: 30,
        healthCheck: { command: COMMAND, interval: 15, timeout: 5, retries: 3, startPeriod: 60 },
      });
    });

    it("leaves the secrets init container without it: it exits when done, and is not essential", async () => {
      const { run } = await runComponent({ secretDelivery: "files", healthCheck: { command: COMMAND } });
      const [app, init] = containerDefinitions(run);
      expect(app.healthCheck).to.deep.equal({ command: COMMAND, interval: 30, timeout: 5, retries: 3, startPeriod: 0 });
      expect(init.name).to.equal("secrets-init");
      expect(init).to.not.have.property("healthCheck");
    });

    it("leaves the container definition without a health check by default", async () => {
      const { run } = await runComponent();
      expect(containerDefinitions(run)[0]).to.not.have.property("healthCheck");
    });

    it("keeps the deployment circuit breaker with rollback, so a revision whose tasks turn unhealthy is rolled back", async () => {
      const { run } = await runComponent({ healthCheck: { command: COMMAND } });
      const service = run.get("aws:ecs/service:Service", "app-service").inputs;
      expect(service.deploymentCircuitBreaker).to.deep.equal({ enable: true, rollback: true });
      expect(service.waitForSteadyState).to.equal(true);
    });
  });
});
