/** The input rules of Docker images (the docker provider builds and pushes them), each with its source (../README.md says how to add one). */
import { DOC, DOCKER_REFERENCE, DOCKER_SOURCE, formatCheck, ResourceRules } from "../rules";

/** The input rules of Docker images, by type token. */
export const DOCKER_RULES: Readonly<Record<string, ResourceRules>> = {
  "docker:index/image:Image": {
    rules: [
      {
        path: "imageName",
        checks: [formatCheck(DOCKER_REFERENCE, "[registry/]repository[:tag] with tag [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")],
        source: DOCKER_SOURCE,
      },
      {
        path: "build.platform",
        checks: [{ kind: "oneOf", values: ["linux/amd64", "linux/arm64"] }],
        source: { doc: DOC("AmazonECS/latest/developerguide/task_definition_parameters.html#runtime-platform") },
      },
    ],
  },
};
