/**
 * The task role's DynamoDB actions follow the service's code: one action per AWS SDK command the deployed service
 * sends. `service/dev/` (the local run against a local DynamoDB) is outside `service/src/`, so it is left out.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { expect } from "chai";
import { SERVICE_TABLE_ACTIONS } from "../table";

const SERVICE_SRC = path.resolve(__dirname, "..", "..", "service", "src");

/** `@aws-sdk/lib-dynamodb` and `@aws-sdk/client-dynamodb` commands -> the IAM action each needs. */
const ACTION_OF_COMMAND: Record<string, string> = {
  BatchWriteCommand: "dynamodb:BatchWriteItem",
  BatchWriteItemCommand: "dynamodb:BatchWriteItem",
  PutCommand: "dynamodb:PutItem",
  PutItemCommand: "dynamodb:PutItem",
  UpdateCommand: "dynamodb:UpdateItem",
  UpdateItemCommand: "dynamodb:UpdateItem",
  DeleteCommand: "dynamodb:DeleteItem",
  DeleteItemCommand: "dynamodb:DeleteItem",
  GetCommand: "dynamodb:GetItem",
  GetItemCommand: "dynamodb:GetItem",
  BatchGetCommand: "dynamodb:BatchGetItem",
  QueryCommand: "dynamodb:Query",
  ScanCommand: "dynamodb:Scan",
  DescribeTableCommand: "dynamodb:DescribeTable",
};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("task role grant", () => {
  it("allows exactly the DynamoDB actions of the commands the service sends", () => {
    const commands = new Set<string>();
    for (const file of sourceFiles(SERVICE_SRC)) {
      for (const match of fs.readFileSync(file, "utf8").matchAll(/\bnew (\w+Command)\(/g)) commands.add(match[1]);
    }
    expect([...commands], "the service sends at least one command").to.not.be.empty;
    const actions = [...commands].map((command) => {
      const action = ACTION_OF_COMMAND[command];
      if (action === undefined) throw new Error(`the service sends ${command}: add its IAM action here and to the grant`);
      return action;
    });
    expect([...SERVICE_TABLE_ACTIONS].sort()).to.deep.equal([...new Set(actions)].sort());
  });
});
