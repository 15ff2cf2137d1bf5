// Pulumi's AWSGuard policies, every one advisory: `pulumi preview --policy-pack packages/policy-pack/awsguard`, next to
// our own pack. JavaScript, not TypeScript: @pulumi/awsguard's types are @pulumi/aws v4's, which nothing else here
// needs to compile. What it finds on the component, and what we do about each finding: ../README.md.
"use strict";
const { AwsGuard } = require("@pulumi/awsguard");

new AwsGuard({ all: "advisory" });
