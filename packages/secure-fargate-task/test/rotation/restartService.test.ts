import { expect } from "chai";
import { execFile } from "node:child_process";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";

const HANDLER = path.join(__dirname, "..", "..", "src", "secrets", "rotation", "restartService.js");

/** A loopback stand-in for the ECS JSON API: records each call and answers UpdateService as ECS does. */
async function fakeEcs(status = 200): Promise<{ url: string; calls: Array<{ target: string; body: Record<string, unknown> }>; close(): void }> {
  const calls: Array<{ target: string; body: Record<string, unknown> }> = [];
  const server = http.createServer((req, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      const body = JSON.parse(text) as Record<string, unknown>;
      calls.push({ target: String(req.headers["x-amz-target"]), body });
      res.setHeader("content-type", "application/x-amz-json-1.1");
      if (status !== 200) {
        res.statusCode = status;
        res.end(JSON.stringify({ __type: "AccessDeniedException", message: "not authorized to perform ecs:UpdateService" }));
        return;
      }
      res.end(JSON.stringify({ service: { serviceName: body.service, deployments: [{ id: "ecs-svc/1234567890", status: "PRIMARY" }] } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, close: () => server.close() };
}

/** Runs the Lambda handler in a fresh Node process, as Lambda would, with a Secret Label Updated event. */
function invoke(endpoint: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const event = {
    "detail-type": "Secret Label Updated",
    source: "aws.secretsmanager",
    resources: ["arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-XyZ123"],
    detail: { name: "db", labelUpdated: "AWSCURRENT", versionId: "v-2" },
  };
  const script = `require(${JSON.stringify(HANDLER)}).handler(${JSON.stringify(event)}).then((r) => console.log(JSON.stringify({ returned: r })), (e) => { console.error(e.name); process.exit(1); })`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["-e", script],
      {
        env: {
          PATH: process.env.PATH,
          CLUSTER: "arn:aws:ecs:eu-west-1:123456789012:cluster/c",
          SERVICE: "svc",
          AWS_REGION: "eu-west-1",
          AWS_ACCESS_KEY_ID: "AKIDEXAMPLE",
          AWS_SECRET_ACCESS_KEY: "secret",
          AWS_ENDPOINT_URL_ECS: endpoint,
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
          AWS_MAX_ATTEMPTS: "1",
        },
      },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe("rotation target function (real AWS SDK against a loopback ECS)", () => {
  it("starts a new deployment of exactly the configured service and logs which secret caused it", async () => {
    const ecs = await fakeEcs();
    try {
      const { code, stdout } = await invoke(ecs.url);
      expect(code).to.equal(0);
      expect(ecs.calls).to.deep.equal([
        {
          target: "AmazonEC2ContainerServiceV20141113.UpdateService",
          body: { cluster: "arn:aws:ecs:eu-west-1:123456789012:cluster/c", service: "svc", forceNewDeployment: true },
        },
      ]);
      const [log, result] = stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as unknown);
      expect(log).to.deep.equal({
        message: "new deployment started",
        reason: "Secret Label Updated",
        secret: "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-XyZ123",
        versionId: "v-2",
        deploymentId: "ecs-svc/1234567890",
      });
      expect(result).to.deep.equal({ returned: { deploymentId: "ecs-svc/1234567890" } });
    } finally {
      ecs.close();
    }
  });

  it("fails the invocation when ECS refuses, so EventBridge retries it", async () => {
    const ecs = await fakeEcs(400);
    try {
      const { code, stderr } = await invoke(ecs.url);
      expect(code).to.equal(1);
      expect(stderr).to.include("AccessDeniedException");
    } finally {
      ecs.close();
    }
  });
});
