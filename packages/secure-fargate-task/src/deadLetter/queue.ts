import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";
import type { Statement } from "../iam/policyDocument";
import { DEAD_LETTER_RETENTION_SECONDS, deadLetterAlarm, deadLetterQueuePolicy } from "./deadLetter";

/** What the queue's alarm says and whom it notifies. */
export interface DeadLetterAlarmSettings {
  /** What failed and what to do about it. */
  description: string;
  actions: pulumi.Input<pulumi.Input<string>[]>;
}

/** A dead-letter queue and its policy (send to it once the policy is there). */
export interface DeadLetterQueue {
  queue: aws.sqs.Queue;
  policy: aws.sqs.QueuePolicy;
}

/**
 * A dead-letter queue `${name}-${purpose}-dlq` encrypted with the component's key, keeping messages 14 days, an alarm
 * `${name}-${purpose}-dlq-alarm` when it holds one, and its policy `${name}-${purpose}-dlq-policy`: TLS only, plus
 * `grants` (of the queue's ARN) for a service principal that sends to it. A role of the account sends with its own
 * policy, which is the caller's to grant.
 */
export function createDeadLetterQueue(
  ctx: ChildContext,
  purpose: string,
  kmsKeyArn: pulumi.Input<string>,
  alarm: DeadLetterAlarmSettings,
  grants: (queueArn: string) => pulumi.Input<Statement[]> = () => [],
): DeadLetterQueue {
  const opts = { parent: ctx.parent };
  const queue = new aws.sqs.Queue(
    `${ctx.name}-${purpose}-dlq`,
    { kmsMasterKeyId: kmsKeyArn, messageRetentionSeconds: DEAD_LETTER_RETENTION_SECONDS, tags: ctx.tags },
    opts,
  );
  new aws.cloudwatch.MetricAlarm(
    `${ctx.name}-${purpose}-dlq-alarm`,
    { ...deadLetterAlarm(queue.name, alarm.description, alarm.actions), tags: ctx.tags },
    opts,
  );
  const policy = new aws.sqs.QueuePolicy(
    `${ctx.name}-${purpose}-dlq-policy`,
    {
      queueUrl: queue.url,
      policy: queue.arn.apply((arn) => pulumi.output(grants(arn)).apply((g) => JSON.stringify(deadLetterQueuePolicy(arn, g)))),
    },
    opts,
  );
  return { queue, policy };
}
