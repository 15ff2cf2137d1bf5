/** What a one-off run of the task needs. */
export interface RunTaskInputs {
  clusterArn: string;
  taskDefinitionArn: string;
  subnetIds: readonly string[];
  securityGroupIds: readonly string[];
  assignPublicIp: boolean;
}

/** The exact `aws ecs run-task` command line for a one-off run of this task definition revision. */
export function runTaskCommand(inputs: RunTaskInputs): string {
  const network = `awsvpcConfiguration={subnets=[${inputs.subnetIds.join(",")}],securityGroups=[${inputs.securityGroupIds.join(",")}],assignPublicIp=${inputs.assignPublicIp ? "ENABLED" : "DISABLED"}}`;
  return [
    "aws ecs run-task",
    `--cluster ${inputs.clusterArn}`,
    "--launch-type FARGATE",
    "--platform-version LATEST",
    `--task-definition ${inputs.taskDefinitionArn}`,
    `--network-configuration '${network}'`,
  ].join(" ");
}
