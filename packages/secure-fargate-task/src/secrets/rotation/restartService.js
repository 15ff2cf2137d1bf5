"use strict";
// The rotation target: starts a new deployment of one ECS service, so that its new tasks read the secret's new
// AWSCURRENT version. Runs in AWS Lambda's Node.js runtime, which provides the AWS SDK v3.
const { ECSClient, UpdateServiceCommand } = require("@aws-sdk/client-ecs");

const client = new ECSClient({});

exports.handler = async (event) => {
  const cluster = process.env.CLUSTER;
  const service = process.env.SERVICE;
  const response = await client.send(new UpdateServiceCommand({ cluster, service, forceNewDeployment: true }));
  const deployment = (response.service && response.service.deployments && response.service.deployments[0]) || {};
  console.log(
    JSON.stringify({
      message: "new deployment started",
      reason: event["detail-type"],
      secret: (event.resources || [])[0],
      versionId: event.detail && event.detail.versionId,
      deploymentId: deployment.id,
    }),
  );
  return { deploymentId: deployment.id };
};
