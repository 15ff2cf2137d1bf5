import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ChildContext } from "../context";
import { DEAD_LETTER_RETENTION_SECONDS, deadLetterAlarm } from "./deadLetter";

/** What the queue's alarm says and whom it notifies. */
export interface DeadLetterAlarmSettings {
  /** What failed and what to do about it. */
  description: string;
  actions: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * A dead-letter queue `${name}-${purpose}-dlq` encrypted with the component's key, keeping messages 14 days, and an
 * alarm `${name}-${purpose}-dlq-alarm` when it holds one. Who may send to it is the caller's to grant.
 */
export function createDeadLetterQueue(
  ctx: ChildContext,
  purpose: string,
  kmsKeyArn: pulumi.Input<string>,
  alarm: DeadLetterAlarmSettings,
): aws.sqs.Queue {
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
  return queue;
}
