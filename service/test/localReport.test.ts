import { expect } from "chai";
import { parseLocalArgs, UsageError } from "../dev/localOptions";
import { checkTable, formatItems, formatSummary, tableIsRight } from "../dev/localReport";

const ITEMS = [
  { user: "2", username: "zoe_b", date: "2025-03-14T09:26:54.000Z#12", id: "12", text: "Climate change\nsecond line" },
  { user: "1", date: "2025-03-14T09:26:53.000Z#11", id: "11", text: "気候 climate change 🌍" },
];

describe("local run pieces", () => {
  describe("parseLocalArgs", () => {
    it("fills in defaults, FILTER from the environment", () => {
      expect(parseLocalArgs([], { FILTER: "open source" })).to.deep.equal({
        seconds: 20,
        rate: 50,
        posts: 1000,
        matchRatio: 0.3,
        filter: "open source",
        seed: 1,
        rows: 40,
        fake: false,
      });
    });

    it("reads every flag", () => {
      const args = [
        "--seconds",
        "5",
        "--rate",
        "10",
        "--posts",
        "7",
        "--match-ratio",
        "0.5",
        "--filter",
        "aws",
        "--seed",
        "9",
        "--rows",
        "3",
        "--fake",
      ];
      expect(parseLocalArgs(args, {})).to.deep.equal({
        seconds: 5,
        rate: 10,
        posts: 7,
        matchRatio: 0.5,
        filter: "aws",
        seed: 9,
        rows: 3,
        fake: true,
      });
      expect(parseLocalArgs(["--help"], {})).to.equal("help");
    });

    it("rejects a bad value naming the flag and the range", () => {
      expect(() => parseLocalArgs(["--seconds", "0"], {})).to.throw(UsageError, '--seconds must be an integer from 1 to 86400, got: "0"');
      expect(() => parseLocalArgs(["--match-ratio", "x"], {})).to.throw(UsageError, '--match-ratio must be a number from 0 to 1, got: "x"');
      expect(() => parseLocalArgs(["--filter", " "], {})).to.throw(UsageError, "--filter is empty");
    });
  });

  describe("the table check", () => {
    it("counts items that do not match and matching posts sent but missing", () => {
      const check = checkTable(ITEMS, (text) => text.includes("🌍"), new Set(["11", "13"]));
      expect(check).to.deep.equal({ stored: 2, notMatching: 1, missing: 1 });
      expect(tableIsRight(check)).to.equal(false);
      expect(tableIsRight(checkTable(ITEMS, () => true, new Set(["11", "12"])))).to.equal(true);
      expect(formatSummary(check, { sent: 5, matching: 2 })).to.equal("sent 5 · matching 2 · stored 2 · missing 1 · not matching 1");
      expect(formatSummary(checkTable(ITEMS, () => true))).to.equal("stored 2 · not matching 0");
    });

    it("prints rows oldest first, @username when known, line breaks as ⏎, then how many more", () => {
      expect(formatItems(ITEMS, 1)).to.deep.equal([
        "  user   │ date                        │ text",
        "  1      │ 2025-03-14T09:26:53.000Z#11 │ 気候 climate change 🌍",
        "  … and 1 more",
      ]);
      expect(formatItems(ITEMS, 5)[2]).to.equal("  @zoe_b │ 2025-03-14T09:26:54.000Z#12 │ Climate change⏎second line");
    });
  });
});
