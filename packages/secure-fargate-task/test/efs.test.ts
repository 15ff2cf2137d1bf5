/**
 * EFS volumes: the pure builders (task definition volumes, mount points, the task role's mount grants), the
 * arguments' checks with their exact messages, and every child that changes, under mocks.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html
 * https://docs.aws.amazon.com/efs/latest/ug/access-points-iam-policy.html
 */
import { expect } from "chai";
import type { EfsVolumeArgs, SecureFargateTaskArgs } from "../src";
import {
  accessPointIdOf,
  efsArns,
  efsMountPoints,
  efsMountStatements,
  efsTaskVolumes,
  reservedMounts,
  ResolvedEfsVolume,
  validateEfsVolumes,
} from "../src/storage/efs";
import { InvalidArgumentsError } from "../src/errors";
import { validateArgs } from "../src/validate";
import { taskGroupDescription } from "../src/network/network";
import { ACCOUNT, makeContext, REGION } from "@twitterstream/test-kit/mocks";
import { containerDefinitions, rolePolicy, runComponent } from "./runComponent";

const SCOPE = { partition: "aws", region: REGION, accountId: ACCOUNT };
const FS = "fs-0123456789abcdef0";
const AP = "fsap-0123456789abcdef0";
const AP_RO = "fsap-0fedcba9876543210";
const EFS_SG = "sg-0a1b2c3d4e5f60718";
const FS_ARN = `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:file-system/${FS}`;
const AP_ARN = `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:access-point/${AP}`;
const AP_RO_ARN = `arn:aws:elasticfilesystem:${REGION}:${ACCOUNT}:access-point/${AP_RO}`;

const data: EfsVolumeArgs = { name: "data", fileSystemId: FS, accessPointId: AP, containerPath: "/data", mountTargetSecurityGroupId: EFS_SG };
const models: EfsVolumeArgs = { ...data, name: "models", accessPointId: AP_RO, containerPath: "/models", readOnly: true };
const resolved = (v: EfsVolumeArgs): ResolvedEfsVolume => ({
  name: v.name,
  fileSystemId: v.fileSystemId as string,
  accessPointId: v.accessPointId as string,
  containerPath: v.containerPath,
  readOnly: v.readOnly ?? false,
});

describe("EFS volumes", () => {
  describe("pure builders", () => {
    it("mounts each volume with TLS and IAM authorisation through its access point, by id, sorted by name", () => {
      expect(efsTaskVolumes([resolved(models), resolved({ ...data, accessPointId: AP_ARN })])).to.deep.equal([
        {
          name: "data",
          efsVolumeConfiguration: { fileSystemId: FS, transitEncryption: "ENABLED", authorizationConfig: { accessPointId: AP, iam: "ENABLED" } },
        },
        {
          name: "models",
          efsVolumeConfiguration: { fileSystemId: FS, transitEncryption: "ENABLED", authorizationConfig: { accessPointId: AP_RO, iam: "ENABLED" } },
        },
      ]);
    });

    it("mounts them in the app container at their paths, read-only where asked, sorted by path", () => {
      expect(efsMountPoints([resolved(models), resolved(data)])).to.deep.equal([
        { sourceVolume: "data", containerPath: "/data", readOnly: false },
        { sourceVolume: "models", containerPath: "/models", readOnly: true },
      ]);
    });

    it("grants ClientMount and ClientWrite on the file system only through the access point; ClientMount alone when read-only", () => {
      expect(efsMountStatements([resolved(models), resolved(data)], SCOPE)).to.deep.equal([
        {
          Sid: "MountEfs0",
          Effect: "Allow",
          Action: ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"],
          Resource: FS_ARN,
          Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": AP_ARN } },
        },
        {
          Sid: "MountEfs1",
          Effect: "Allow",
          Action: "elasticfilesystem:ClientMount",
          Resource: FS_ARN,
          Condition: { StringEquals: { "elasticfilesystem:AccessPointArn": AP_RO_ARN } },
        },
      ]);
    });

    it("grants write through an access point when any volume through it writes, once", () => {
      const statements = efsMountStatements(
        [resolved({ ...data, readOnly: true }), resolved({ ...data, name: "again", containerPath: "/again" })],
        SCOPE,
      );
      expect(statements.map((s) => s.Action)).to.deep.equal([["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]]);
      expect(efsMountStatements([], SCOPE)).to.deep.equal([]);
    });

    it("takes the account, region and partition of an access point given by ARN", () => {
      const arn = "arn:aws-cn:elasticfilesystem:cn-north-1:210987654321:access-point/fsap-00000000aaaaaaaa1";
      expect(accessPointIdOf(arn)).to.equal("fsap-00000000aaaaaaaa1");
      expect(accessPointIdOf(AP)).to.equal(AP);
      expect(efsArns({ fileSystemId: FS, accessPointId: arn }, SCOPE)).to.deep.equal({
        fileSystem: `arn:aws-cn:elasticfilesystem:cn-north-1:210987654321:file-system/${FS}`,
        accessPoint: arn,
      });
      expect(efsArns({ fileSystemId: FS, accessPointId: AP }, SCOPE)).to.deep.equal({ fileSystem: FS_ARN, accessPoint: AP_ARN });
    });

    it("describes the tasks' group as before without NFS, and names NFS with it", () => {
      expect(taskGroupDescription("app", false, false)).to.equal("Tasks of app: HTTPS egress only, no ingress");
      expect(taskGroupDescription("app", true, false)).to.equal("Tasks of app: HTTPS egress, ingress from the load balancer only");
      expect(taskGroupDescription("app", false, true)).to.equal("Tasks of app: HTTPS and NFS to EFS egress only, no ingress");
      expect(taskGroupDescription("app", true, true)).to.equal("Tasks of app: HTTPS and NFS to EFS egress, ingress from the load balancer only");
    });
  });

  describe("the component's own mounts, which no EFS volume may take", () => {
    it("are the app's /tmp and secrets volumes at /tmp and /run/secrets, with neither sidecars nor a router", () => {
      expect(reservedMounts({})).to.deep.equal({ volumeNames: ["tmp", "secrets"], containerPaths: ["/tmp", "/run/secrets"] });
    });

    it("add each sidecar's own /tmp volume, and the FireLens router's only when logging routes through it", () => {
      const sidecars = [
        { name: "proxy", image: "envoy:1" },
        { name: "agent", image: "agent:1" },
      ];
      expect(reservedMounts({ sidecars, logging: { logDriver: "awsfirelens" } }).volumeNames).to.deep.equal([
        "tmp",
        "secrets",
        "proxy-tmp",
        "agent-tmp",
        "log_router-tmp",
      ]);
      expect(reservedMounts({ sidecars, logging: { logDriver: "awslogs" } }).volumeNames).to.not.include("log_router-tmp");
    });

    it("are refused to an EFS volume by validateEfsVolumes, which reports through reject", () => {
      const problems: string[] = [];
      const reserved = reservedMounts({ sidecars: [{ name: "proxy", image: "envoy:1" }] });
      validateEfsVolumes([{ ...data, name: "proxy-tmp" }], { reserved, componentSecurityGroup: true }, (field, problem) =>
        problems.push(`${field} ${problem}`),
      );
      expect(problems).to.deep.equal([
        'efsVolumes[0].name is the name of a volume the component makes: got "proxy-tmp". Use another name, e.g. "data".',
      ]);
    });
  });

  describe("validation", () => {
    const valid: SecureFargateTaskArgs = { image: { context: makeContext() }, secrets: { API_KEY: { value: "k" } } };
    const OWN_NETWORK = { subnetIds: ["subnet-a"], securityGroupIds: ["sg-tasks"] };
    function problems(volumes: EfsVolumeArgs[], extra: Partial<SecureFargateTaskArgs> = {}): string[] {
      try {
        validateArgs("app", { ...valid, ...extra, efsVolumes: volumes });
        return [];
      } catch (e) {
        if (e instanceof InvalidArgumentsError) return e.errors.map((x) => x.message);
        throw e;
      }
    }

    it("accepts volumes by access point id or ARN, and defaults readOnly to false", () => {
      expect(problems([data, models, { ...data, name: "arn", containerPath: "/arn", accessPointId: AP_ARN }])).to.deep.equal([]);
      expect(validateArgs("app", { ...valid, efsVolumes: [data] }).efsVolumes).to.deep.equal([
        { name: "data", fileSystemId: FS, accessPointId: AP, containerPath: "/data", readOnly: false, mountTargetSecurityGroupId: EFS_SG },
      ]);
      expect(validateArgs("app", valid).efsVolumes).to.deep.equal([]);
    });

    const cases: Array<[string, EfsVolumeArgs[], string, Partial<SecureFargateTaskArgs>?]> = [
      [
        "a volume name with a dot",
        [{ ...data, name: "my.data" }],
        '`efsVolumes[0].name` must be 1 to 255 letters, digits, hyphens or underscores: got "my.data". Use e.g. "data".',
      ],
      [
        "the name of the /tmp volume",
        [{ ...data, name: "tmp" }],
        '`efsVolumes[0].name` is the name of a volume the component makes: got "tmp". Use another name, e.g. "data".',
      ],
      [
        "the name of the secrets volume",
        [{ ...data, name: "secrets" }],
        '`efsVolumes[0].name` is the name of a volume the component makes: got "secrets". Use another name, e.g. "data".',
      ],
      [
        "two volumes of one name",
        [data, { ...models, name: "data" }],
        '`efsVolumes[1].name` is the name of another EFS volume: got "data". Give each volume its own name.',
      ],
      [
        "a file system ARN",
        [{ ...data, fileSystemId: FS_ARN }],
        `\`efsVolumes[0].fileSystemId\` is not an EFS file system id ("fs-" and 8 to 40 hex digits): got "${FS_ARN}". Give the id, e.g. "fs-0123456789abcdef0", not an ARN or a name.`,
      ],
      [
        "an access point id of the wrong form",
        [{ ...data, accessPointId: "ap-01234567" }],
        '`efsVolumes[0].accessPointId` is not an EFS access point id ("fsap-" and 8 to 40 hex digits) or ARN: got "ap-01234567". Give e.g. "fsap-0123456789abcdef0".',
      ],
      [
        "a relative path",
        [{ ...data, containerPath: "data" }],
        '`efsVolumes[0].containerPath` must be an absolute path in the container: got "data". Use e.g. "/data".',
      ],
      [
        "a path with ..",
        [{ ...data, containerPath: "/data/../etc" }],
        '`efsVolumes[0].containerPath` must be a normalised path, without "." or ".." parts, double or trailing slashes: got "/data/../etc". Write "/etc".',
      ],
      [
        "a trailing slash",
        [{ ...data, containerPath: "/data/" }],
        '`efsVolumes[0].containerPath` must be a normalised path, without "." or ".." parts, double or trailing slashes: got "/data/". Write "/data".',
      ],
      [
        "the root",
        [{ ...data, containerPath: "/" }],
        '`efsVolumes[0].containerPath` would hide the container\'s whole filesystem: got "/". Mount it at a directory, e.g. "/data".',
      ],
      [
        "/tmp",
        [{ ...data, containerPath: "/tmp" }],
        '`efsVolumes[0].containerPath` is at or under "/tmp", which the component mounts: got "/tmp". Use another path, e.g. "/data".',
      ],
      [
        "a path under /tmp",
        [{ ...data, containerPath: "/tmp/cache" }],
        '`efsVolumes[0].containerPath` is at or under "/tmp", which the component mounts: got "/tmp/cache". Use another path, e.g. "/data".',
      ],
      [
        "the secrets path",
        [{ ...data, containerPath: "/run/secrets" }],
        '`efsVolumes[0].containerPath` is at or under "/run/secrets", which the component mounts: got "/run/secrets". Use another path, e.g. "/data".',
      ],
      [
        "two volumes at one path",
        [data, { ...models, containerPath: "/data" }],
        '`efsVolumes[1].containerPath` is the path of another EFS volume: got "/data". Give each volume its own path.',
      ],
      [
        "no mount target group with the component's security group",
        [{ ...data, mountTargetSecurityGroupId: undefined }],
        "`efsVolumes[0].mountTargetSecurityGroupId` is required: the tasks' security group the component makes allows egress only to what it names. Give the security group of the file system's mount targets (and let it admit TCP 2049 from the tasks' group), or give your own `network.securityGroupIds`.",
      ],
      [
        "a mount target group with the caller's security groups",
        [data],
        "`efsVolumes[0].mountTargetSecurityGroupId` goes only with the tasks' security group the component makes; with `network.securityGroupIds` the groups' rules are yours. Remove it, and let your groups reach TCP 2049 on the mount targets.",
        { network: OWN_NETWORK },
      ],
      [
        "a mount target group that is not an id",
        [{ ...data, mountTargetSecurityGroupId: "efs-mount-targets" }],
        '`efsVolumes[0].mountTargetSecurityGroupId` is not a security group id: got "efs-mount-targets". Give e.g. "sg-0123456789abcdef0".',
      ],
    ];
    for (const [what, volumes, message, extra] of cases) {
      it(`rejects ${what}`, () => {
        expect(problems(volumes, extra)).to.deep.equal([message]);
      });
    }

    it("accepts a volume without a mount target group with the caller's security groups", () => {
      expect(problems([{ ...data, mountTargetSecurityGroupId: undefined }], { network: OWN_NETWORK })).to.deep.equal([]);
    });
  });

  describe("under mocks", () => {
    it("gives the task definition the EFS volumes after its own, and the app container their mounts", async () => {
      const { run } = await runComponent({ efsVolumes: [models, data] });
      const task = run.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs;
      expect(task.volumes).to.deep.equal([{ name: "tmp" }, ...efsTaskVolumes([resolved(data), resolved(models)])]);
      const [app] = containerDefinitions(run);
      expect(app.mountPoints).to.deep.equal([
        { sourceVolume: "tmp", containerPath: "/tmp", readOnly: false },
        { sourceVolume: "data", containerPath: "/data", readOnly: false },
        { sourceVolume: "models", containerPath: "/models", readOnly: true },
      ]);
    });

    it("mounts EFS in the app container only, after the secrets volume, with file delivery", async () => {
      const { run } = await runComponent({ secretDelivery: "files", efsVolumes: [data] });
      const task = run.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs;
      expect((task.volumes as Array<{ name: string }>).map((v) => v.name)).to.deep.equal(["secrets", "tmp", "data"]);
      const [app, init] = containerDefinitions(run);
      expect((app.mountPoints as Array<{ sourceVolume: string }>).map((m) => m.sourceVolume)).to.deep.equal(["tmp", "secrets", "data"]);
      expect(init.mountPoints).to.deep.equal([{ sourceVolume: "secrets", containerPath: "/run/secrets", readOnly: false }]);
    });

    it("grants the task role exactly the mounts, in its only policy, and the execution role nothing for EFS", async () => {
      const { run } = await runComponent({ efsVolumes: [data, models] });
      expect(rolePolicy(run, "app-task-policy")).to.deep.equal({
        Version: "2012-10-17",
        Statement: efsMountStatements([resolved(data), resolved(models)], SCOPE),
      });
      expect(JSON.stringify(rolePolicy(run, "app-execution-policy"))).to.not.include("elasticfilesystem");
    });

    it("adds NFS egress to the mount targets' group to the tasks' group the component makes, and keeps HTTPS", async () => {
      const { run } = await runComponent({ efsVolumes: [data, { ...models, mountTargetSecurityGroupId: EFS_SG }] });
      const group = run.get("aws:ec2/securityGroup:SecurityGroup", "app-sg").inputs;
      expect(group.description).to.equal("Tasks of app: HTTPS and NFS to EFS egress only, no ingress");
      expect(group.ingress).to.deep.equal([]);
      expect(group.egress).to.deep.equal([
        {
          description: "HTTPS to AWS APIs and to the endpoints of the application",
          protocol: "tcp",
          fromPort: 443,
          toPort: 443,
          cidrBlocks: ["0.0.0.0/0"],
          ipv6CidrBlocks: ["::/0"],
        },
        { description: "NFS to the EFS mount targets", protocol: "tcp", fromPort: 2049, toPort: 2049, securityGroups: [EFS_SG] },
      ]);
    });

    it("leaves the caller's security groups alone", async () => {
      const { run } = await runComponent({
        network: { subnetIds: ["subnet-a"], securityGroupIds: ["sg-tasks"], vpcId: "vpc-caller" },
        efsVolumes: [{ ...data, mountTargetSecurityGroupId: undefined }],
      });
      expect(run.ofType("aws:ec2/securityGroup:SecurityGroup")).to.deep.equal([]);
      expect(run.get("aws:ecs/service:Service", "app-service").inputs.networkConfiguration).to.deep.include({ securityGroups: ["sg-tasks"] });
    });

    it("changes nothing without EFS volumes: no task policy, the group as before", async () => {
      const { run } = await runComponent();
      expect(run.ofType("aws:iam/rolePolicy:RolePolicy").map((p) => p.name)).to.deep.equal(["app-execution-policy"]);
      expect(run.get("aws:ec2/securityGroup:SecurityGroup", "app-sg").inputs.description).to.equal("Tasks of app: HTTPS egress only, no ingress");
      expect(run.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs.volumes).to.deep.equal([{ name: "tmp" }]);
    });
  });
});
