import * as pulumi from "@pulumi/pulumi";
import { denyInsecureTransport, policyDocument, type PolicyDocument, type Statement } from "../iam/policyDocument";

/** How long a dead-letter queue keeps a message: 14 days, SQS's maximum, time enough to notice and replay it. */
export const DEAD_LETTER_RETENTION_SECONDS = 1_209_600;

/** A dead-letter queue a role sends to, and the key that encrypts it. */
export interface DeadLetterTarget {
  queueArn: string;
  kmsKeyArn: string;
  region: string;
}

/**
 * What a role needs to send to a KMS-encrypted dead-letter queue in its own account: `sqs:SendMessage` on that queue
 * (no queue policy needed), and the key's `kms:GenerateDataKey` and `kms:Decrypt`, through SQS only (SQS asks KMS for
 * a data key as the sender).
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html
 */
export function sendToDeadLetterQueue(deadLetter: DeadLetterTarget): Statement[] {
  return [
    { Sid: "RecordFailuresInDeadLetterQueue", Effect: "Allow", Action: "sqs:SendMessage", Resource: deadLetter.queueArn },
    {
      Sid: "EncryptDeadLettersViaSqs",
      Effect: "Allow",
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: deadLetter.kmsKeyArn,
      Condition: { StringEquals: { "kms:ViaService": `sqs.${deadLetter.region}.amazonaws.com` } },
    },
  ];
}

/**
 * An alarm when the dead-letter queue holds a message, described by `description` (what failed, what to do). Missing
 * data is `notBreaching`: SQS stops sending metrics for a queue that has been empty and unused for six hours, and a
 * queue that holds a message is never inactive.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-available-cloudwatch-metrics.html
 */
export function deadLetterAlarm(queueName: pulumi.Input<string>, description: string, actions: pulumi.Input<pulumi.Input<string>[]>) {
  return {
    alarmDescription: description,
    namespace: "AWS/SQS",
    metricName: "ApproximateNumberOfMessagesVisible",
    dimensions: { QueueName: queueName },
    statistic: "Maximum",
    period: 300,
    evaluationPeriods: 1,
    comparisonOperator: "GreaterThanThreshold",
    threshold: 0,
    treatMissingData: "notBreaching",
    alarmActions: actions,
    okActions: actions,
  };
}

/**
 * A dead-letter queue's policy: every request not made over TLS denied (`aws:SecureTransport` false), then the grants
 * given (a service principal's, held to its source). A role of the same account sends with its own policy and needs no
 * grant here.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html
 */
export function deadLetterQueuePolicy(queueArn: string, grants: Statement[] = []): PolicyDocument {
  return policyDocument([denyInsecureTransport("sqs:*", queueArn), ...grants]);
}
