import * as pulumi from "@pulumi/pulumi";
import { type Reject, show } from "../errors";

/** Checks `alarmActions`, what the dead-letter alarms notify: a list of ARNs when known; none by default. */
export function validateAlarmActions(
  given: pulumi.Input<pulumi.Input<string>[]> | undefined,
  reject: Reject,
): pulumi.Input<pulumi.Input<string>[]> {
  const alarmActions = given ?? [];
  if (pulumi.Output.isInstance(alarmActions)) {
    // Known at deployment only: AWS checks it then.
  } else if (!Array.isArray(alarmActions)) {
    reject("alarmActions", `must be a list of ARNs: got ${show(alarmActions)}. Write [topicArn].`);
  } else {
    alarmActions.forEach((a: pulumi.Input<string>, i: number) => {
      if (typeof a === "string" && !/^arn:[\w-]+:[a-z0-9-]+:/.test(a)) {
        reject(`alarmActions[${i}]`, `must be an ARN (an SNS topic's, say): got ${show(a)}. Use the topic's \`arn\` output.`);
      }
    });
  }
  return alarmActions;
}
