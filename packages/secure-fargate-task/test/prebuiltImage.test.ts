import { expect } from "chai";
import { ecrImageLocation, ecrRepositoryArn } from "../src/image/ecrImage";
import { ACCOUNT, REGION } from "@twitterstream/test-kit/mocks";
import { REPOSITORY, rolePolicy, runComponent } from "./runComponent";

const DIGEST = `sha256:${"0a".repeat(32)}`;
const OTHER_ACCOUNT = "210987654321";

describe("an image pulled by name", () => {
  describe("GIVEN an image in ECR", () => {
    it("grants the execution role the ECR token and the pull on exactly that repository, and makes no repository", async () => {
      const name = `${OTHER_ACCOUNT}.dkr.ecr.us-west-2.amazonaws.com/team/app@${DIGEST}`;
      const { run: r } = await runComponent({ image: { name } });
      expect(r.ofType("aws:ecr/repository:Repository")).to.have.length(0);
      const statements = rolePolicy(r, "app-execution-policy").Statement;
      expect(statements.slice(0, 2)).to.deep.equal([
        { Sid: "EcrAuthorization", Effect: "Allow", Action: "ecr:GetAuthorizationToken", Resource: "*" },
        {
          Sid: "PullImage",
          Effect: "Allow",
          Action: ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"],
          Resource: `arn:aws:ecr:us-west-2:${OTHER_ACCOUNT}:repository/team/app`,
        },
      ]);
    });

    it("grants both repositories when file delivery also pushes the init image to the component's own", async () => {
      const name = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/team/app:v1`;
      const { run: r } = await runComponent({ image: { name }, secretDelivery: "files", user: "1000:1000" });
      const pull = rolePolicy(r, "app-execution-policy").Statement.find((s) => s.Sid === "PullImage");
      expect(pull!.Resource).to.deep.equal([
        `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/${REPOSITORY}`,
        `arn:aws:ecr:${REGION}:${ACCOUNT}:repository/team/app`,
      ]);
    });

    it("refuses registry credentials, which ECS does not use for ECR", async () => {
      const name = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/team/app:v1`;
      let message = "";
      try {
        await runComponent({ image: { name, repositoryCredentials: { username: "u", password: "p" } } });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).to.include("`image.repositoryCredentials` do not apply to an ECR image");
    });
  });

  describe("GIVEN an image outside ECR", () => {
    it("grants no ECR action at all", async () => {
      const { run: r } = await runComponent({ image: { name: `ghcr.io/org/app@${DIGEST}` } });
      const actions = rolePolicy(r, "app-execution-policy").Statement.flatMap((s) => [s.Action].flat());
      expect(actions.filter((a) => String(a).startsWith("ecr:"))).to.deep.equal([]);
    });
  });

  describe("ecrImageLocation / ecrRepositoryArn", () => {
    const cases: Array<[string, string | undefined]> = [
      [`${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/app`, `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/app`],
      [`${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/a/b-c/d_e.f:1.2@${DIGEST}`, `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/a/b-c/d_e.f`],
      [`${ACCOUNT}.dkr.ecr-fips.us-gov-west-1.amazonaws.com/app:v1`, `arn:aws:ecr:us-gov-west-1:${ACCOUNT}:repository/app`],
      [`${ACCOUNT}.dkr.ecr.cn-north-1.amazonaws.com.cn/app@${DIGEST}`, `arn:aws-cn:ecr:cn-north-1:${ACCOUNT}:repository/app`],
      [`${ACCOUNT}.dkr-ecr.eu-west-1.on.aws/app:v1`, `arn:aws:ecr:eu-west-1:${ACCOUNT}:repository/app`],
      ["public.ecr.aws/nginx/nginx:latest", undefined],
      ["ghcr.io/org/app:1", undefined],
      ["nginx:latest", undefined],
      [`${ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com.evil.example/app`, undefined],
    ];
    for (const [ref, arn] of cases) {
      it(`${ref} → ${arn ?? "not ECR"}`, () => {
        expect(ecrRepositoryArn(ref, "aws")).to.equal(arn);
        expect(ecrImageLocation(ref) !== undefined).to.equal(arn !== undefined);
      });
    }
  });
});
