/** The references the permission rows cite. Provider files are read for which API calls their CRUD functions make. */
import type { Source } from "./types";

const TF = "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service";

/** A resource or data source file of terraform-provider-aws, which @pulumi/aws wraps. */
export function tf(path: string): Source {
  return { title: `terraform-provider-aws internal/service/${path}`, url: `${TF}/${path}` };
}

/** A pull request of terraform-provider-aws, where a call was added that the file read does not show yet. */
export function tfPull(number: number, title: string): Source {
  return { title: `terraform-provider-aws #${number}: ${title}`, url: `https://github.com/hashicorp/terraform-provider-aws/pull/${number}` };
}

/** An AWS documentation page. */
export function awsDoc(title: string, url: string): Source {
  return { title, url };
}

/** A file of an open-source Pulumi provider. */
export function pulumiSource(repo: string, path: string): Source {
  return { title: `${repo} ${path}`, url: `https://github.com/pulumi/${repo}/blob/master/${path}` };
}

/** Amazon ECR's encryption-at-rest page: the IAM principal creating a KMS-encrypted repository needs the grant actions. */
export const ECR_ENCRYPTION = awsDoc(
  "Amazon ECR User Guide: Encryption at rest (required IAM permissions)",
  "https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html",
);

/** Amazon ECR's push-permissions page. */
export const ECR_PUSH = awsDoc(
  "Amazon ECR User Guide: IAM permissions for pushing an image",
  "https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-push-iam.html",
);

/** IAM: passing a role to a service, and the `iam:PassedToService` condition key. */
export const PASS_ROLE = awsDoc(
  "IAM User Guide: Grant a user permissions to pass a role to an AWS service",
  "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html",
);

/** Secrets Manager: a customer managed key needs kms:GenerateDataKey and kms:Decrypt for whoever writes the value. */
export const SECRETS_MANAGER_KMS = awsDoc(
  "Secrets Manager User Guide: Secret encryption and decryption (permissions for the KMS key)",
  "https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html",
);

/** The ECS service-linked role, created on first use of ECS in an account. */
export const ECS_SLR = awsDoc(
  "Amazon ECS Developer Guide: Using service-linked roles for Amazon ECS",
  "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html",
);

/** Elastic Load Balancing's service-linked role, created by the first load balancer of an account. */
export const ELB_SLR = awsDoc(
  "Elastic Load Balancing User Guide: Service-linked role for Elastic Load Balancing",
  "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/elb-service-linked-roles.html",
);

/** ELB: tags given to a create call are authorized as `elasticloadbalancing:AddTags` too. */
export const ELB_TAG_ON_CREATE = awsDoc(
  "Elastic Load Balancing User Guide: ELB API permissions to tag resources during creation",
  "https://docs.aws.amazon.com/elasticloadbalancing/latest/userguide/tagging-resources-during-creation.html",
);

/** Application Auto Scaling's service-linked role for ECS, created by the first ECS scalable target of an account. */
export const SCALING_SLR = awsDoc(
  "Application Auto Scaling User Guide: Service-linked roles for Application Auto Scaling",
  "https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-service-linked-roles.html",
);

/** ECS service auto scaling: the CloudWatch alarm actions a target tracking policy needs beside Application Auto Scaling's. */
export const ECS_SCALING_IAM = awsDoc(
  "Amazon ECS Developer Guide: IAM permissions required for Amazon ECS service auto scaling",
  "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/auto-scaling-IAM.html",
);

/** awsx's VPC component: the children it creates (`new aws.ec2.*`) and the availability-zone lookup. */
export const AWSX_VPC = pulumiSource("pulumi-awsx", "awsx/ec2/vpc.ts");

/** The Service Authorization Reference: which actions take which resource types and condition keys. */
export const SAR = awsDoc(
  "Service Authorization Reference: actions, resources, and condition keys",
  "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
);
