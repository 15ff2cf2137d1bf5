/**
 * What only a Node.js program can deploy: a resource of the `pulumi-nodejs` provider (a `pulumi.dynamic.Resource`
 * registers as `pulumi-nodejs:dynamic:Resource`, under a `pulumi:providers:pulumi-nodejs` provider). The engine starts
 * that provider's plugin in the program's directory, where it resolves `@pulumi/pulumi/cmd/dynamic-provider` from the
 * program's node_modules: a Python, Go, C# or YAML program has none, so it can neither create nor delete such a
 * resource (pulumi/pulumi#5455; pulumi-eks removed its dynamic providers for this, pulumi/pulumi-eks#451).
 */
const NODE_ONLY_PACKAGE = "pulumi-nodejs";

/** The package a resource type belongs to: `<package>:<module>:<type>`, or a provider `pulumi:providers:<package>`. */
export function packageOf(type: string): string {
  return type.startsWith("pulumi:providers:") ? type.slice("pulumi:providers:".length) : type.split(":")[0];
}

/** One line for each resource a program in another language could not deploy or destroy. */
export function nodeOnlyResources(resources: ReadonlyArray<{ type: string; name: string }>): string[] {
  return resources
    .filter((r) => packageOf(r.type) === NODE_ONLY_PACKAGE)
    .map(
      (r) =>
        `${r.type} ${r.name}: a resource of the ${NODE_ONLY_PACKAGE} provider, whose plugin runs from the program's own node_modules; a Python, Go, C# or YAML program can neither deploy nor destroy it (pulumi/pulumi#5455). Use a resource of a provider plugin instead.`,
    );
}
