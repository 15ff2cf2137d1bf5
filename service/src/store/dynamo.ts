/** The one DynamoDB document client of the process. */
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient } from "@aws-sdk/lib-dynamodb";

/**
 * A document client for `region`. The endpoint follows the AWS SDK's own variables (AWS_ENDPOINT_URL_DYNAMODB,
 * AWS_ENDPOINT_URL). The SDK's retries are off (`maxAttempts: 1`): the writer retries, with jitter, and counts.
 * The SDK's logger middleware is removed: with no logger configured it still copies every request's items into a
 * redacted log record (about 5 % of the CPU of a batch), and the service logs for itself.
 * @param timeoutMs time limit of one request, so a black-holed endpoint is retried instead of hanging.
 */
export function createDocumentClient(region: string, timeoutMs: number): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region,
    maxAttempts: 1,
    requestHandler: { requestTimeout: timeoutMs, connectionTimeout: Math.min(timeoutMs, 3000) },
  });
  client.middlewareStack.remove("loggerMiddleware");
  return DynamoDBDocumentClient.from(client);
}
