/**
 * The task's ephemeral storage: `ephemeralStorageGiB` against ECS's range for `EphemeralStorage.sizeInGiB` (21 to 200;
 * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html), Fargate's default of 20
 * written as no size at all, and what the task definition gets under mocks.
 */
import { expect } from "chai";
import type { SecureFargateTaskArgs } from "../src";
import { ephemeralStorage } from "../src/storage/ephemeralStorage";
import { InvalidArgumentsError } from "../src/errors";
import { validateArgs } from "../src/validate";
import { makeContext } from "@twitterstream/test-kit/mocks";
import { runComponent } from "./runComponent";

const valid: SecureFargateTaskArgs = { image: { context: makeContext() }, secrets: { API_KEY: { value: "k" } } };

/** The messages validateArgs rejects this size with (none when it accepts it). */
function problems(ephemeralStorageGiB: number): string[] {
  try {
    validateArgs("app", { ...valid, ephemeralStorageGiB });
    return [];
  } catch (e) {
    if (e instanceof InvalidArgumentsError) return e.errors.map((x) => x.message);
    throw e;
  }
}

const message = (got: string): string =>
  `\`ephemeralStorageGiB\` must be a whole number of GiB from 21 to 200 (ECS EphemeralStorage.sizeInGiB), or 20 for Fargate's default: got ${got}. Leave it out for 20 GiB.`;

describe("ephemeralStorageGiB", () => {
  it("defaults to Fargate's 20 GiB", () => {
    expect(validateArgs("app", valid).ephemeralStorageGiB).to.equal(20);
  });

  it("accepts 20 (the default, said out loud) and both bounds of ECS's range", () => {
    for (const size of [20, 21, 100, 200]) expect(problems(size), String(size)).to.deep.equal([]);
  });

  for (const [what, size] of [
    ["less than the default", 19],
    ["zero", 0],
    ["more than 200", 201],
    ["a fraction", 21.5],
    ["a negative size", -30],
  ] as const) {
    it(`rejects ${what} (${size})`, () => {
      expect(problems(size)).to.deep.equal([message(String(size))]);
    });
  }

  it("writes no size for the default (ECS's range starts at 21), and the size otherwise", () => {
    expect(ephemeralStorage(20)).to.equal(undefined);
    expect(ephemeralStorage(21)).to.deep.equal({ sizeInGib: 21 });
    expect(ephemeralStorage(200)).to.deep.equal({ sizeInGib: 200 });
  });

  describe("under mocks", () => {
    it("gives the task definition the size", async () => {
      const { run } = await runComponent({ ephemeralStorageGiB: 50 });
      expect(run.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs.ephemeralStorage).to.deep.equal({ sizeInGib: 50 });
    });

    it("leaves ephemeralStorage out of the task definition by default and for 20", async () => {
      for (const overrides of [{}, { ephemeralStorageGiB: 20 }]) {
        const { run } = await runComponent(overrides);
        expect(run.get("aws:ecs/taskDefinition:TaskDefinition", "app-task").inputs).to.not.have.property("ephemeralStorage");
      }
    });
  });
});
