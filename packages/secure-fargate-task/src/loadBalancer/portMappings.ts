import type { PortMappingSettings } from "./settings";

/** One entry of a container definition's `portMappings`, as ECS takes it. */
export interface PortMapping {
  containerPort: number;
  protocol: "tcp" | "udp";
  name?: string;
  appProtocol?: "http" | "http2" | "grpc";
}

/**
 * The container definition's port mappings. No `hostPort`: with `awsvpc` it can only equal the container port, and ECS
 * fills it in. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html
 */
export function containerPortMappings(mappings: readonly PortMappingSettings[]): PortMapping[] {
  return mappings.map((m) => ({
    containerPort: m.containerPort,
    protocol: m.protocol,
    ...(m.name !== undefined ? { name: m.name } : {}),
    ...(m.appProtocol !== undefined ? { appProtocol: m.appProtocol } : {}),
  }));
}
