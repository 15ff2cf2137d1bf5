/** AWS's input rules for EC2 (security groups and their rules, the VPC's parts), each with its source (../README.md says how to add one). */
import { DOC, EC2_SG_TEXT, formatCheck, len, ResourceRules, Rule, Source, SOURCES, tagRules, TF } from "../rules";

/** A security group rule resource's (aws.vpc.SecurityGroupIngressRule / EgressRule) own fields. */
function vpcSecurityGroupRuleRules(operation: string): Rule[] {
  const source: Source = {
    doc: DOC(`AWSEC2/latest/APIReference/${operation}.html`) + "; " + DOC("AWSEC2/latest/APIReference/API_IpPermission.html"),
  };
  return [
    {
      path: "description",
      checks: [len(0, 255), EC2_SG_TEXT],
      source: {
        doc: DOC("AWSEC2/latest/APIReference/API_IpRange.html") + " (Description: 255 characters, a-zA-Z0-9, spaces and ._-:/()#,@[]+=&;{}!$*)",
      },
    },
    {
      path: "ipProtocol",
      checks: [formatCheck(/^(?:-1|tcp|udp|icmp|icmpv6|\d{1,3})$/i, "tcp, udp, icmp, icmpv6, -1 or a protocol number")],
      source,
    },
    { path: "fromPort", checks: [{ kind: "intRange", min: -1, max: 65535 }], source },
    { path: "toPort", checks: [{ kind: "intRange", min: -1, max: 65535 }], source },
    {
      path: "cidrIpv4",
      checks: [
        formatCheck(/^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\/(?:3[0-2]|[12]?\d)$/, "an IPv4 CIDR block"),
      ],
      source: {
        tf: TF("ec2/vpc_security_group_ingress_rule.go", "cidr_ipv4 fwvalidators.IPv4CIDRNetworkAddress"),
        doc: DOC("AWSEC2/latest/APIReference/API_IpRange.html"),
      },
    },
    ...tagRules({ doc: DOC("AWSEC2/latest/UserGuide/Using_Tags.html") }),
  ];
}

/** The input rules of EC2 resource types, by type token. */
export const EC2_RULES: Readonly<Record<string, ResourceRules>> = {
  "aws:ec2/securityGroup:SecurityGroup": {
    rules: [
      {
        path: "name",
        checks: [
          len(0, 255),
          EC2_SG_TEXT,
          {
            kind: "custom",
            what: "no sg- prefix",
            test: (v) => (typeof v === "string" && /^sg-/i.test(v) ? "cannot start with `sg-`" : undefined),
          },
        ],
        source: {
          tf: TF("ec2/vpc_security_group.go", "name StringLenBetween(0, 255)"),
          doc: DOC("AWSEC2/latest/APIReference/API_CreateSecurityGroup.html"),
        },
      },
      {
        path: "description",
        checks: [len(0, 255), EC2_SG_TEXT],
        source: {
          tf: TF("ec2/vpc_security_group.go", "description StringLenBetween(0, 255)"),
          doc: DOC("AWSEC2/latest/APIReference/API_CreateSecurityGroup.html"),
        },
      },
      ...(["ingress", "egress"] as const).map((dir) => ({
        path: `${dir}[].description`,
        checks: [len(0, 255), EC2_SG_TEXT],
        source: { tf: TF("ec2/validate.go", "validSecurityGroupRuleDescription"), doc: DOC("AWSEC2/latest/APIReference/API_IpRange.html") },
      })),
      ...(["ingress", "egress"] as const).map((dir) => ({
        path: `${dir}[].protocol`,
        checks: [formatCheck(/^(?:-1|tcp|udp|icmp|icmpv6|all|\d{1,3})$/i, "tcp, udp, icmp, icmpv6, -1/all or a protocol number")],
        source: { doc: DOC("AWSEC2/latest/APIReference/API_IpPermission.html") },
      })),
      ...tagRules(),
    ],
    autoName: { field: "name", maxLength: 255, suppressedBy: ["namePrefix"], source: SOURCES.pulumiAutoName },
  },

  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": { rules: vpcSecurityGroupRuleRules("API_AuthorizeSecurityGroupIngress") },

  "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": { rules: vpcSecurityGroupRuleRules("API_AuthorizeSecurityGroupEgress") },

  "aws:ec2/vpc:Vpc": { rules: tagRules({ doc: DOC("AWSEC2/latest/UserGuide/Using_Tags.html") }) },

  "aws:ec2/subnet:Subnet": { rules: tagRules({ doc: DOC("AWSEC2/latest/UserGuide/Using_Tags.html") }) },

  "aws:ec2/routeTable:RouteTable": { rules: tagRules({ doc: DOC("AWSEC2/latest/UserGuide/Using_Tags.html") }) },

  "aws:ec2/routeTableAssociation:RouteTableAssociation": { rules: [], note: "ids only" },

  "aws:ec2/route:Route": { rules: [], note: "ids and CIDRs only" },

  "aws:ec2/internetGateway:InternetGateway": { rules: tagRules({ doc: DOC("AWSEC2/latest/UserGuide/Using_Tags.html") }) },

  "aws:ec2/natGateway:NatGateway": { rules: tagRules({ doc: DOC("AWSEC2/latest/UserGuide/Using_Tags.html") }) },

  "aws:ec2/eip:Eip": { rules: tagRules({ doc: DOC("AWSEC2/latest/UserGuide/Using_Tags.html") }) },
};
