/** The references the permission rows cite. Provider files are read for which API calls their CRUD functions make. */
import type { Source } from "./types";

const TF = "https://github.com/hashicorp/terraform-provider-aws/blob/main/internal/service";

/** A resource or data source file of terraform-provider-aws, which @pulumi/aws wraps. */
export function tf(path: string): Source {
  return { title: `terraform-provider-aws internal/service/${path}`, url: `${TF}/${path}` };
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

/** awsx's VPC component: the children it creates (`new aws.ec2.*`) and the availability-zone lookup. */
export const AWSX_VPC = pulumiSource("pulumi-awsx", "awsx/ec2/vpc.ts");

/** The Service Authorization Reference: which actions take which resource types and condition keys. */
export const SAR = awsDoc(
  "Service Authorization Reference: actions, resources, and condition keys",
  "https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html",
);
