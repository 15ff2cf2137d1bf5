/**
 * What each AWS control would flag in a subject, computed from the captured resources the way the control's AWS
 * Config rule reads the deployed ones. Each function returns one line per flagged resource; none means compliant.
 */
import { containerSecretReferences } from "./secretReferences";
import { containers, ContainerJson, ofType, ofTypes, policyInput, Resource, stateString, Subject, TYPES } from "./subject";

type Finder = (subject: Subject) => string[];

function eachContainer(test: (c: ContainerJson) => string | undefined): Finder {
  return (s) => containers(s).flatMap((c) => test(c) ?? []);
}

function eachOf(type: string, test: (r: Resource, s: Subject) => string | undefined): Finder {
  return (s) => ofType(s, type).flatMap((r) => test(r, s) ?? []);
}

const ROOT_USER = /^(root|0)(:|$)/;
/** The `secretKeys` the conformance pack passes to `ecs-no-environment-secrets`. */
const SECRET_KEYS = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "ECS_ENGINE_AUTH_DATA"];

export const hostModeWithoutUser = eachOf(TYPES.taskDefinition, (t) => {
  if (t.inputs.networkMode !== "host") return undefined;
  const defs = JSON.parse(String(t.inputs.containerDefinitions)) as ContainerJson[];
  const bad = defs.filter((c) => c.privileged !== true && (!c.user || ROOT_USER.test(c.user)));
  return bad.length > 0 ? `${t.name}: host network mode with root, unprivileged containers` : undefined;
});

export const publicIp = eachOf(TYPES.service, (svc) => {
  const network = svc.inputs.networkConfiguration as { assignPublicIp?: boolean } | undefined;
  return network?.assignPublicIp === true ? `${svc.name} assigns a public IP` : undefined;
});

export const hostPidMode = eachOf(TYPES.taskDefinition, (t) =>
  t.inputs.pidMode === "host" ? `${t.name} shares the host's PID namespace` : undefined,
);

export const privileged = eachContainer((c) => (c.privileged === true ? `${c.name} is privileged` : undefined));

export const writableRoot = eachContainer((c) => (c.readonlyRootFilesystem === true ? undefined : `${c.name} has a writable root filesystem`));

/** The Config rule's check (variable names), plus ours: no secret value anywhere in a container definition. */
export const environmentSecrets: Finder = (s) =>
  containers(s).flatMap((c) => {
    const named = (c.environment ?? []).filter((e) => SECRET_KEYS.includes(e.name)).map((e) => `${c.name}: ${e.name} in environment`);
    const text = JSON.stringify(c);
    const leaked = s.secretValues.filter((v) => text.includes(v)).map(() => `${c.name}: a secret value in the container definition`);
    return [...named, ...leaked];
  });

export const noLogging = eachContainer((c) => (c.logConfiguration?.logDriver ? undefined : `${c.name} has no log configuration`));

export const notLatestPlatform = eachOf(TYPES.service, (svc) => {
  const version = svc.inputs.platformVersion;
  const strategy = (svc.inputs.capacityProviderStrategies ?? []) as Array<{ capacityProvider?: string }>;
  const onFargate =
    svc.inputs.launchType === "FARGATE" || strategy.some((i) => i.capacityProvider === "FARGATE" || i.capacityProvider === "FARGATE_SPOT");
  if (!onFargate || version === undefined || version === "LATEST") return undefined;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- the input as given, whatever its type, for the finding's text
  return `${svc.name} runs Fargate platform ${String(version)}`;
});

export const noContainerInsights = eachOf(TYPES.cluster, (cluster) => {
  const settings = (cluster.inputs.settings ?? []) as Array<{ name: string; value: string }>;
  const on = settings.some((x) => x.name === "containerInsights" && (x.value === "enabled" || x.value === "enhanced"));
  return on ? undefined : `${cluster.name} has no Container Insights`;
});

/**
 * A container without a user, or running as root. The FireLens log router (the container with a
 * `firelensConfiguration`) is left out: ECS requires it to run as root, and RegisterTaskDefinition refuses any other
 * UID on it ("If 'user' field is specified on firelens container, then 'UID' has to be '0'";
 * https://github.com/aws/aws-for-fluent-bit/blob/mainline/troubleshooting/debugging.md#amazon-ecs-firelens-root-is-required).
 */
export const rootUser = eachContainer((c) =>
  c.firelensConfiguration !== undefined || (c.user && !ROOT_USER.test(c.user)) ? undefined : `${c.name} runs as root`,
);

export const noMemoryLimit = eachContainer((c) => (typeof c.memory === "number" ? undefined : `${c.name} has no memory limit`));

export const noScanOnPush = eachOf(TYPES.repository, (repo) => {
  const scanning = repo.inputs.imageScanningConfiguration as { scanOnPush?: boolean } | undefined;
  return scanning?.scanOnPush === true ? undefined : `${repo.name} does not scan on push`;
});

export const mutableTags = eachOf(TYPES.repository, (repo) =>
  repo.inputs.imageTagMutability === "IMMUTABLE" ? undefined : `${repo.name} has mutable tags`,
);

export const noLifecyclePolicy = eachOf(TYPES.repository, (repo, s) => {
  const name = stateString(repo, "name");
  return ofType(s, TYPES.lifecyclePolicy).some((p) => p.inputs.repository === name) ? undefined : `${repo.name} has no lifecycle policy`;
});

export const noKeyRotation = eachOf(TYPES.key, (key) => (key.inputs.enableKeyRotation === true ? undefined : `${key.name} does not rotate`));

/** `kms:Decrypt` or `kms:ReEncryptFrom` on every key, in any inline policy (KMS.2 ignores conditions, as here). */
export const decryptOnAllKeys = eachOf(TYPES.rolePolicy, (p) => {
  const broad = policyInput(p, "policy").Statement.filter((st) => {
    const actions = [st.Action].flat();
    const resources = [st.Resource ?? []].flat();
    return st.Effect === "Allow" && resources.includes("*") && actions.some((a) => /^(kms:(Decrypt|ReEncryptFrom|\*)|\*)$/.test(a));
  });
  return broad.length > 0 ? `${p.name} allows decryption with every key` : undefined;
});

/** Retention below the Config rule's default minimum of 365 days; 0 (never expire) is compliant. */
export const shortRetention = eachOf(TYPES.logGroup, (g) => {
  const days = Number(g.inputs.retentionInDays ?? 0);
  return days === 0 || days >= 365 ? undefined : `${g.name} keeps logs ${days} days`;
});

export const unencryptedLogs = eachOf(TYPES.logGroup, (g) => (g.inputs.kmsKeyId ? undefined : `${g.name} is not encrypted with a KMS key`));

export const awsManagedSecretKey = eachOf(TYPES.secret, (secret) => {
  const key = secret.inputs.kmsKeyId;
  return typeof key === "string" && key !== "" && !key.endsWith("alias/aws/secretsmanager")
    ? undefined
    : `${secret.name} is encrypted with the AWS managed key`;
});

export const noRotation = eachOf(TYPES.secret, (secret, s) =>
  ofType(s, TYPES.secretRotation).some((r) => r.inputs.secretId === secret.id || r.inputs.secretId === secret.state.arn)
    ? undefined
    : `${secret.name} has no rotation configured`,
);

/** Rotation that is configured but has no schedule would never run; without rotation there is nothing to evaluate. */
export const rotationWithoutSchedule = eachOf(TYPES.secretRotation, (r) => (r.inputs.rotationRules ? undefined : `${r.name} has no schedule`));

/**
 * A secret no container refers to (nothing would ever read it), in any delivery: a `valueFrom`, a log secret option,
 * registry credentials, or the file-delivery spec the init container reads. A spec that does not parse is flagged too:
 * the init container would refuse it, so no secret it names would be read.
 */
export const unreferencedSecrets: Finder = (s) => {
  const references = containers(s).map((c) => ({ name: c.name, ...containerSecretReferences(c) }));
  const read = new Set(references.flatMap((r) => r.arns));
  const unreadable = references.flatMap((r) => (r.unreadableSpec === undefined ? [] : [`${r.name}: ${r.unreadableSpec}`]));
  const unread = ofType(s, TYPES.secret).flatMap((secret) =>
    read.has(stateString(secret, "arn")) ? [] : [`${secret.name} is referenced by no container`],
  );
  return [...unreadable, ...unread];
};

/** An EFS volume of a task definition, as ECS takes it (the fields the checks read). */
interface EfsVolumeJson {
  name: string;
  efsVolumeConfiguration?: { transitEncryption?: string; authorizationConfig?: { accessPointId?: string; iam?: string } };
}

/**
 * The Config rule: every EFS volume of a task definition has transit encryption on. Also (ours): it mounts through an
 * access point as the task role (`iam: ENABLED`), so that IAM decides who mounts what.
 */
export const efsVolumeWithoutTls = eachOf(TYPES.taskDefinition, (t) => {
  const volumes = ((t.inputs.volumes ?? []) as EfsVolumeJson[]).filter((v) => v.efsVolumeConfiguration !== undefined);
  const bad = volumes.flatMap((v) => {
    const c = v.efsVolumeConfiguration!;
    const problems = [
      c.transitEncryption === "ENABLED" ? undefined : "no transit encryption",
      c.authorizationConfig?.iam === "ENABLED" && c.authorizationConfig.accessPointId ? undefined : "no access point with IAM authorisation",
    ].filter((p): p is string => p !== undefined);
    return problems.length > 0 ? [`${v.name} (${problems.join(", ")})`] : [];
  });
  return bad.length > 0 ? `${t.name}: EFS volume ${bad.join("; ")}` : undefined;
});

export const unencryptedFileSystem = eachOf(TYPES.efsFileSystem, (fs) =>
  fs.inputs.encrypted === true ? undefined : `${fs.name} is not encrypted at rest`,
);

/**
 * In a backup plan: EFS automatic backups (a backup policy ENABLED) or an AWS Backup selection naming its ARN. The file
 * system's id is read from its ARN, an output both the mocks and the analyzer give (the analyzer's props hold no id).
 */
export const fileSystemNotBackedUp = eachOf(TYPES.efsFileSystem, (fs, s) => {
  const arn = String(fs.state.arn);
  const id = arn.split("/").pop();
  const automatic = ofType(s, TYPES.efsBackupPolicy).some(
    (p) => p.inputs.fileSystemId === id && (p.inputs.backupPolicy as { status?: string } | undefined)?.status === "ENABLED",
  );
  const selected = ofType(s, TYPES.backupSelection).some((sel) => ((sel.inputs.resources ?? []) as string[]).includes(arn));
  return automatic || selected ? undefined : `${fs.name} is in no backup plan`;
});

export const accessPointWithoutRootDirectory = eachOf(TYPES.efsAccessPoint, (ap) => {
  const path = (ap.inputs.rootDirectory as { path?: string } | undefined)?.path;
  return path && path !== "/" ? undefined : `${ap.name} exposes the file system's root directory`;
});

export const accessPointWithoutUser = eachOf(TYPES.efsAccessPoint, (ap) =>
  ap.inputs.posixUser ? undefined : `${ap.name} enforces no user identity`,
);

/** EventBridge.2 with no required keys: a custom event bus without any tag. */
export const untaggedEventBuses = eachOf(TYPES.eventBus, (bus) =>
  Object.keys((bus.inputs.tags as Record<string, string> | undefined) ?? {}).length === 0 ? `${bus.name} has no tags` : undefined,
);

/** EventBridge.3: a custom event bus without a resource-based policy. */
export const eventBusesWithoutPolicy = eachOf(TYPES.eventBus, (bus, s) =>
  ofType(s, TYPES.eventBusPolicy).some((p) => p.inputs.eventBusName === bus.inputs.name) ? undefined : `${bus.name} has no resource-based policy`,
);

// --- EC2 Auto Scaling (groups and launch configurations a stack makes; the component scales with Application Auto Scaling) ---

const count = (v: unknown): number => (Array.isArray(v) ? v.length : 0);

export const asgWithoutElbHealthCheck = eachOf(TYPES.autoScalingGroup, (g) =>
  count(g.inputs.loadBalancers) + count(g.inputs.targetGroupArns) > 0 && g.inputs.healthCheckType !== "ELB"
    ? `${g.name} is behind a load balancer without ELB health checks`
    : undefined,
);

export const asgInOneZone = eachOf(TYPES.autoScalingGroup, (g) =>
  Math.max(count(g.inputs.availabilityZones), count(g.inputs.vpcZoneIdentifiers)) < 2
    ? `${g.name} covers fewer than two Availability Zones`
    : undefined,
);

export const launchConfigWithoutImdsv2 = eachOf(TYPES.launchConfiguration, (lc) => {
  const options = (lc.inputs.metadataOptions ?? {}) as { httpTokens?: string; httpEndpoint?: string };
  return options.httpEndpoint === "disabled" || options.httpTokens === "required" ? undefined : `${lc.name} does not require IMDSv2`;
});

export const launchConfigWithPublicIp = eachOf(TYPES.launchConfiguration, (lc) =>
  lc.inputs.associatePublicIpAddress === true ? `${lc.name} gives instances a public IP address` : undefined,
);

export const asgWithoutLaunchTemplate = eachOf(TYPES.autoScalingGroup, (g) =>
  g.inputs.launchTemplate === undefined && g.inputs.mixedInstancesPolicy === undefined ? `${g.name} does not use a launch template` : undefined,
);

/** A queue with no server-side encryption: neither a KMS key nor SQS-managed SSE. */
export const unencryptedQueues = eachOf(TYPES.queue, (q) =>
  q.inputs.kmsMasterKeyId || q.inputs.sqsManagedSseEnabled === true ? undefined : `${q.name} is not encrypted at rest`,
);

/**
 * A bucket with no server access logging. A bucket that receives other buckets' access logs is exempt: logging it to
 * itself would log its own log writes without end, and another log bucket only moves the question (Security Hub
 * documents suppressing S3.9 for log buckets).
 */
export const bucketsWithoutAccessLogs: Finder = (s) => {
  const logged = new Set(ofType(s, TYPES.bucketLogging).map((l) => String(l.inputs.bucket)));
  const targets = new Set(ofType(s, TYPES.bucketLogging).map((l) => String(l.inputs.targetBucket)));
  return ofType(s, TYPES.bucket).flatMap((b) => {
    const name = String(b.state.bucket ?? b.inputs.bucket);
    return logged.has(name) || targets.has(name) ? [] : [`${b.name} has no server access logging`];
  });
};

/**
 * A function invoked asynchronously (an EventBridge target) whose failed invocations go nowhere: no on-failure
 * destination and no dead-letter queue.
 */
export const asyncFunctionsWithoutDeadLetters: Finder = (s) => {
  const targeted = new Set(ofType(s, TYPES.eventTarget).map((t) => String(t.inputs.arn)));
  const configured = new Set(
    ofType(s, TYPES.functionEventInvokeConfig)
      .filter((c) => (c.inputs.destinationConfig as { onFailure?: { destination?: string } } | undefined)?.onFailure?.destination)
      .map((c) => String(c.inputs.functionName)),
  );
  return ofType(s, TYPES.lambdaFunction).flatMap((f) => {
    if (!targeted.has(String(f.state.arn))) return [];
    const dlq = (f.inputs.deadLetterConfig as { targetArn?: string } | undefined)?.targetArn;
    return dlq || configured.has(String(f.state.name)) ? [] : [`${f.name} drops failed asynchronous invocations`];
  });
};

// --- Elastic Load Balancing v2 (Application and Network Load Balancers; `aws.lb` or `aws.alb`) ---

const LOAD_BALANCERS = [TYPES.loadBalancer, TYPES.albLoadBalancer] as const;
const LISTENERS = [TYPES.listener, TYPES.albListener] as const;

/**
 * ELB.17's `sslPolicies` (not customizable), from the Security Hub control's text.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/elb-controls.html#elb-17
 */
export const ELB17_SSL_POLICIES = [
  "ELBSecurityPolicy-TLS13-1-3-2021-06",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
  "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
  "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09",
];

/** `application` (the provider's default), `network` or `gateway`. */
function lbType(lb: Resource): string {
  return typeof lb.inputs.loadBalancerType === "string" ? lb.inputs.loadBalancerType : "application";
}

function eachLoadBalancer(test: (lb: Resource, s: Subject) => string | undefined, types = ["application", "network", "gateway"]): Finder {
  return (s) => ofTypes(s, LOAD_BALANCERS).flatMap((lb) => (types.includes(lbType(lb)) ? (test(lb, s) ?? []) : []));
}

/**
 * The listener's protocol. Without one, the provider sends none and ELB takes HTTP for an Application Load Balancer; a
 * Gateway Load Balancer's listeners have none (GENEVE). The load balancer is the stack's one whose ARN the listener
 * names; a listener on a load balancer the stack does not make is taken as it says.
 */
function listenerProtocol(listener: Resource, s: Subject): string | undefined {
  if (typeof listener.inputs.protocol === "string") return listener.inputs.protocol;
  const lb = ofTypes(s, LOAD_BALANCERS).find((l) => l.state.arn !== undefined && l.state.arn === listener.inputs.loadBalancerArn);
  return lb && lbType(lb) !== "application" ? undefined : "HTTP";
}

function eachListener(test: (listener: Resource, protocol: string | undefined) => string | undefined): Finder {
  return (s) => ofTypes(s, LISTENERS).flatMap((l) => test(l, listenerProtocol(l, s)) ?? []);
}

interface ListenerAction {
  type?: string;
  redirect?: { protocol?: string };
}

/** ELB.1: an HTTP listener (only an Application Load Balancer has them) whose default action is not a redirect to HTTPS. */
export const httpListenersWithoutRedirect = eachListener((l, protocol) => {
  if (protocol !== "HTTP") return undefined;
  const actions = (l.inputs.defaultActions ?? []) as ListenerAction[];
  return actions.some((a) => a.type === "redirect" && a.redirect?.protocol === "HTTPS") ? undefined : `${l.name} does not redirect HTTP to HTTPS`;
});

/** ELB.4: `routing.http.drop_invalid_header_fields.enabled`, off unless set. */
export const albKeepsInvalidHeaders = eachLoadBalancer(
  (lb) => (lb.inputs.dropInvalidHeaderFields === true ? undefined : `${lb.name} does not drop invalid header fields`),
  ["application"],
);

/** ELB.5 (Application Load Balancers; its Classic half is left out): access logs, off unless `enabled` is true. */
export const albWithoutAccessLogs = eachLoadBalancer(
  (lb) => ((lb.inputs.accessLogs as { enabled?: boolean } | undefined)?.enabled === true ? undefined : `${lb.name} has no access logs`),
  ["application"],
);

/** ELB.6: deletion protection, off unless set. */
export const lbWithoutDeletionProtection = eachLoadBalancer((lb) =>
  lb.inputs.enableDeletionProtection === true ? undefined : `${lb.name} has no deletion protection`,
);

/** ELB.12: `defensive` (ELB's default when none is set) or `strictest`; `monitor` fails. */
export const albWeakDesyncMitigation = eachLoadBalancer(
  (lb) => {
    const mode = typeof lb.inputs.desyncMitigationMode === "string" ? lb.inputs.desyncMitigationMode : "defensive";
    return mode === "defensive" || mode === "strictest" ? undefined : `${lb.name} has desync mitigation mode ${mode}`;
  },
  ["application"],
);

/** ELB.13: fewer than two Availability Zones. ELB takes one subnet per zone, so zones are counted as subnets. */
export const lbInOneZone = eachLoadBalancer((lb) =>
  Math.max(count(lb.inputs.subnets), count(lb.inputs.subnetMappings)) < 2 ? `${lb.name} spans fewer than two Availability Zones` : undefined,
);

/** ELB.16: an Application Load Balancer with no WAF (or WAF Classic regional) web ACL association naming its ARN. */
export const albWithoutWaf = eachLoadBalancer(
  (lb, s) => {
    const associated = ofTypes(s, [TYPES.webAclAssociation, TYPES.wafRegionalWebAclAssociation]).some(
      (a) => lb.state.arn !== undefined && a.inputs.resourceArn === lb.state.arn,
    );
    return associated ? undefined : `${lb.name} is associated with no WAF web ACL`;
  },
  ["application"],
);

/** ELB.17: an HTTPS or TLS listener whose security policy is not one of ELB.17's (none set: ELB's default `ELBSecurityPolicy-2016-08`). */
export const listenersWithoutRecommendedPolicy = eachListener((l, protocol) => {
  if (protocol !== "HTTPS" && protocol !== "TLS") return undefined;
  const policy = typeof l.inputs.sslPolicy === "string" ? l.inputs.sslPolicy : "ELBSecurityPolicy-2016-08";
  return ELB17_SSL_POLICIES.includes(policy) ? undefined : `${l.name} uses security policy ${policy}`;
});

/** ELB.18: a listener that does not encrypt: an Application Load Balancer's not HTTPS, a Network Load Balancer's not TLS. */
export const unencryptedListeners = eachListener((l, protocol) =>
  protocol === undefined || protocol === "HTTPS" || protocol === "TLS" ? undefined : `${l.name} listens on ${protocol}`,
);
