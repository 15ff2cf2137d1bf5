/** The one DynamoDB document client of the process. */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * A document client for `region`. The endpoint follows the AWS SDK's own variables (AWS_ENDPOINT_URL_DYNAMODB,
 * AWS_ENDPOINT_URL). The SDK's retries are off (`maxAttempts: 1`): the writer retries, with jitter, and counts.
 * @param timeoutMs time limit of one request, so a black-holed endpoint is retried instead of hanging.
 */
export function createDocumentClient(region: string, timeoutMs: number): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    maxAttempts: 1,
    requestHandler: { requestTimeout: timeoutMs, connectionTimeout: Math.min(timeoutMs, 3000) },
  });
  return DynamoDBDocumentClient.from(client);
}
