import { expect } from "chai";
import fc from "fast-check";
import * as pulumi from "@pulumi/pulumi";
import type { SecureFargateTaskArgs } from "../src";
import { deriveNames } from "../src/names";
import { InvalidArgumentsError } from "../src/errors";
import { validateArgs } from "../src/validate";
import { makeContext } from "@twitterstream/test-kit/mocks";
import { mockRun } from "./mockRun";
import { secretValues } from "@twitterstream/test-kit/secrets";

/** The Fargate CPU / memory pairs, from AWS's table (REFERENCE.md), written out independently of `src/ecs/fargate.ts`. */
const OFFERED: ReadonlyArray<readonly [number, number]> = [
  ...[512, 1024, 2048].map((m) => [256, m] as const),
  ...steps(1024, 4096, 1024).map((m) => [512, m] as const),
  ...steps(2048, 8192, 1024).map((m) => [1024, m] as const),
  ...steps(4096, 16384, 1024).map((m) => [2048, m] as const),
  ...steps(8192, 30720, 1024).map((m) => [4096, m] as const),
  ...steps(16384, 61440, 4096).map((m) => [8192, m] as const),
  ...steps(32768, 122880, 8192).map((m) => [16384, m] as const),
];
const isOffered = (cpu: number, memory: number) => OFFERED.some(([c, m]) => c === cpu && m === memory);

/** AWS naming rules of what the component names. */
const NAME_RULES = {
  containerName: /^[A-Za-z0-9_-]{1,255}$/,
  family: /^[A-Za-z0-9_-]{1,255}$/,
  logGroup: /^[.\-_/#A-Za-z0-9]{1,512}$/,
  repository: /^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*\/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$/,
  secretName: /^[A-Za-z0-9/_+=.@-]{1,512}$/,
  keyAlias: /^alias\/(?!aws\/)[A-Za-z0-9/_-]{1,250}$/,
};
/** `<secret arn>:<json key or nothing>::<version id>`: pinned to a version, never to a stage. */
const PINNED = /^arn:aws:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+-[A-Za-z0-9]{6}:[A-Za-z0-9_]*::[0-9a-f]{32}$/;

const context = makeContext();
const envName = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,15}$/);
/** Long random values, so that finding one in a document is never a coincidence. */
const secretValue = fc.stringMatching(/^[A-Za-z0-9]{24,32}$/).map((v) => `sv-${v}`);
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Arguments validateArgs must accept. */
const acceptedArgs: fc.Arbitrary<SecureFargateTaskArgs> = fc
  .record({
    secrets: fc.dictionary(envName, secretValue, { minKeys: 1, maxKeys: 4 }),
    environment: fc.dictionary(envName, fc.string({ maxLength: 12 }), { maxKeys: 3 }),
    size: fc.constantFrom(...OFFERED),
    secretLayout: optional(fc.constantFrom("single" as const, "perVariable" as const)),
    containerName: optional(fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/)),
    user: optional(fc.constantFrom("1000:1000", "app", "65534", "node:node", "10001")),
    desiredCount: optional(fc.integer({ min: 0, max: 5 })),
    logRetentionInDays: optional(fc.constantFrom(0, 1, 30, 365, 3653)),
    stopTimeoutSeconds: optional(fc.integer({ min: 2, max: 120 })),
  })
  .map(({ size, environment, secrets, ...rest }) => ({
    ...rest,
    image: { context },
    secrets: asValues(secrets),
    environment: Object.fromEntries(Object.entries(environment).filter(([k]) => !(k in secrets))),
    cpu: size[0],
    memory: size[1],
  }));

/** Arguments that may break any rule, alone or together. */
const anyArgs: fc.Arbitrary<SecureFargateTaskArgs> = fc.record({
  image: fc.constantFrom({ context }, { context: "" }, { context: `${context}/missing` }),
  secrets: fc
    .oneof(
      fc.dictionary(envName, secretValue, { maxKeys: 3 }),
      fc.dictionary(fc.string({ maxLength: 6 }), fc.constantFrom("", "x"), { maxKeys: 2 }),
    )
    .map(asValues),
  environment: fc.dictionary(fc.oneof(envName, fc.string({ maxLength: 6 })), fc.string({ maxLength: 6 }), { maxKeys: 2 }),
  cpu: fc.oneof(fc.constantFrom(256, 512, 1024, 2048, 4096, 8192, 16384), fc.integer({ min: -1, max: 20000 })),
  memory: fc.oneof(fc.constantFrom(512, 1024, 2048, 4096, 8192, 16384, 30720, 61440), fc.integer({ min: -1, max: 130000 })),
  desiredCount: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.double({ noNaN: true, min: -2, max: 3 })),
  logRetentionInDays: fc.integer({ min: -1, max: 4000 }),
  stopTimeoutSeconds: fc.integer({ min: -5, max: 200 }),
  user: fc.oneof(fc.constantFrom("1000:1000", "root", "0", "0:0", "root:wheel"), fc.string({ maxLength: 8 })),
  containerName: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{1,24}$/), fc.string({ maxLength: 8 })),
});
const componentName = fc.oneof(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/), fc.string({ maxLength: 40 }), fc.constant("sg-app"));

function rejection(name: string, args: SecureFargateTaskArgs): InvalidArgumentsError | undefined {
  try {
    validateArgs(name, args);
    return undefined;
  } catch (e) {
    if (e instanceof InvalidArgumentsError) return e;
    throw e;
  }
}

describe("properties of validation and the pure builders (fast-check)", () => {
  it("accepts every valid combination of arguments", () => {
    fc.assert(
      fc.property(acceptedArgs, (args) => {
        expect(rejection("app", args)).to.equal(undefined);
      }),
      { numRuns: 150 },
    );
  });

  it("rejects any arguments it rejects with errors that each name their field, and accepts only sizes Fargate offers", () => {
    fc.assert(
      fc.property(componentName, anyArgs, (name, args) => {
        const rejected = rejection(name, args);
        if (!isOffered(args.cpu!, args.memory!)) {
          const fields = rejected?.errors.map((e) => e.field) ?? [];
          expect(fields.includes("cpu") || fields.includes("memory"), `${args.cpu} / ${args.memory} accepted`).to.equal(true);
        }
        if (rejected === undefined) return;
        expect(rejected.errors).to.not.deep.equal([]);
        for (const error of rejected.errors) {
          expect(error.field).to.match(/^[A-Za-z]/);
          expect(error.message.startsWith(`\`${error.field}\` `), error.message).to.equal(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("derives names valid for ECS, ECR, CloudWatch Logs, Secrets Manager and KMS from any project, stack and component name", () => {
    const pulumiName = fc.stringMatching(/^[A-Za-z0-9_.-]{1,60}$/);
    const name = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/);
    fc.assert(
      fc.property(pulumiName, pulumiName, name, (project, stack, component) => {
        const names = deriveNames(project, stack, component);
        expect(names.family).to.match(NAME_RULES.family);
        expect(names.logGroup).to.match(NAME_RULES.logGroup);
        expect(names.repository).to.match(NAME_RULES.repository);
        expect(names.repository.length).to.be.within(2, 256);
        expect(`${names.secretPrefix}secrets-` + "x".repeat(26)).to.match(NAME_RULES.secretName);
        expect(names.keyAlias).to.match(NAME_RULES.keyAlias);
      }),
      { numRuns: 200 },
    );
  });
});

/**
 * Project and stack names Pulumi accepts: 1 to 100 letters, digits, `_`, `.` and `-` (pulumi/pulumi, the backends'
 * `ParseReference`: "stack names are limited to 100 characters and may only contain alphanumeric, hyphens,
 * underscores, or periods"; project names likewise, under 100).
 */
const PULUMI_CHARS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-"];
const pulumiName = fc.oneof(
  fc.string({ unit: fc.constantFrom(...PULUMI_CHARS), minLength: 1, maxLength: 100 }),
  fc
    .integer({ min: 1, max: 100 })
    .chain((n) => fc.constantFrom("x".repeat(n), ".".repeat(n), "-".repeat(n), "_".repeat(n), "A.b-".repeat(25).slice(0, n))),
);
/** Component names the component accepts (validate.ts). */
const acceptedComponentName = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,31}$/),
    fc.integer({ min: 1, max: 32 }).map((n) => "a".repeat(n)),
  )
  .filter((n) => !/^sg-/i.test(n));

describe("properties of the component under mocks (fast-check)", () => {
  it("for any project, stack and component name Pulumi and the component accept, sends AWS only what its rules accept", async () => {
    // mockRun holds every captured resource to the AWS input rules table (the test kit's awsRules) and fails on any violation.
    const { SecureFargateTask } = await import("../src");
    const program = (component: string) => () =>
      void new SecureFargateTask(component, {
        image: { context },
        secrets: {
          TOKEN: { value: pulumi.secret("t") },
          DB: { secretsManager: "prod/db", followRotation: true },
          TLS: { s3Object: pulumi.secret("pem") },
          PARAM: { ssmParameter: "/app/param" },
        },
        secretDelivery: "files",
        tags: { team: "streams" },
        portMappings: [{ containerPort: 8080 }],
        loadBalancer: { certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/0b1c2d3e-1111-2222-3333-444455556666" },
      });
    const extremes: Array<[string, string, string]> = [
      ["p".repeat(100), "s".repeat(100), "a".repeat(32)],
      [".", "-", "a"],
      ["A.b-".repeat(25), "_".repeat(100), `a${"-".repeat(31)}`],
      ["internal", "dev", "a"],
    ];
    for (const [project, stack, component] of extremes) {
      const run = await mockRun(program(component), { project, stack });
      expect(run.ofType("aws:ecs/taskDefinition:TaskDefinition"), `${project}/${stack}/${component}`).to.have.length(1);
    }
    await fc.assert(
      fc.asyncProperty(pulumiName, pulumiName, acceptedComponentName, async (project, stack, component) => {
        const run = await mockRun(program(component), { project, stack });
        expect(run.ofType("aws:lambda/function:Function")).to.have.length(1);
      }),
      { numRuns: 12 },
    );
  });

  it("for any accepted arguments, defines containers valid for Fargate, every secret pinned, no secret value in the definition or the execution policy", async () => {
    await fc.assert(
      fc.asyncProperty(acceptedArgs, async (args) => {
        const { SecureFargateTask } = await import("../src");
        // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the arbitrary generates string values; String() only narrows the type
        const secrets = Object.fromEntries(Object.entries(args.secrets).map(([k, ref]) => [k, String(ref.value)]));
        const run = await mockRun(() => void new SecureFargateTask("app", { ...args, secrets: secretValues(secrets) }));
        const task = run.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs;
        expect(isOffered(Number(task.cpu), Number(task.memory)), `${String(task.cpu)}/${String(task.memory)}`).to.equal(true);
        expect(task.family).to.match(NAME_RULES.family);
        const definitions = String(task.containerDefinitions);
        const [container] = JSON.parse(definitions) as Array<{
          name: string;
          image: string;
          secrets: Array<{ name: string; valueFrom: string }>;
          logConfiguration: { options: Record<string, string> };
        }>;
        expect(container.name).to.match(NAME_RULES.containerName);
        expect(container.logConfiguration.options["awslogs-group"]).to.match(NAME_RULES.logGroup);
        expect(
          container.image
            .split("/")
            .slice(1)
            .join("/")
            .replace(/@sha256:.*$/, ""),
        ).to.match(NAME_RULES.repository);
        expect(container.secrets.map((s) => s.name).sort()).to.deep.equal(Object.keys(secrets).sort());
        for (const s of container.secrets) expect(s.valueFrom).to.match(PINNED);
        const executionPolicy = String(run.get("aws:iam/rolePolicy:RolePolicy", "app-execution-policy").inputs.policy);
        for (const value of Object.values(secrets)) {
          expect(definitions).to.not.include(value);
          expect(executionPolicy).to.not.include(value);
        }
      }),
      { numRuns: 6 },
    );
  });

  it("for any rejected arguments, fails with a pulumi.ResourceError naming each field, before any child exists", async () => {
    await fc.assert(
      fc.asyncProperty(
        anyArgs.filter((args) => rejection("app", args) !== undefined),
        async (args) => {
          const { SecureFargateTask } = await import("../src");
          let thrown: unknown;
          const run = await mockRun(() => {
            try {
              new SecureFargateTask("app", args);
            } catch (e) {
              thrown = e;
            }
          });
          expect(thrown).to.be.instanceOf(pulumi.ResourceError);
          for (const error of rejection("app", args)!.errors) expect((thrown as Error).message).to.include(`\`${error.field}\``);
          expect(run.resources.map((r) => r.type)).to.deep.equal(["secure-fargate-task:index:SecureFargateTask"]);
        },
      ),
      { numRuns: 10 },
    );
  });
});

function steps(from: number, to: number, step: number): number[] {
  return Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
}

/** Plain values as secret references, as validation sees them. */
function asValues(values: Record<string, string>): Record<string, { value: string }> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }]));
}
