/**
 * `npm run local`: dynalite, the fake X API server (or the real X API when X credentials are in the environment) and
 * the real service process on loopback, wired through the variables the service reads in AWS. Shows progress, stops
 * the service with SIGTERM, prints the table and the counts; exits 0 only when the table holds exactly what it should.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import { startFakeXServer, type FakePost, type FakeXServer } from "../dev/fakeXServer";
import { containsPhrase, generatePosts } from "../dev/generator";
import { countItems, createPostsTable, scanItems, startLocalDynamo, type LocalDynamo } from "../dev/localDynamo";
import { parseLocalArgs, UsageError, USAGE, type LocalOptions } from "../dev/localOptions";
import { checkTable, formatItems, formatSummary, tableIsRight } from "../dev/localReport";

const REPO = path.resolve(__dirname, "../..");
const MAIN = path.join(REPO, "service/src/main.ts");
const TABLE = "twitterStream";
const X_CREDENTIALS = ["CONSUMERKEY", "CONSUMERSECRETKEY", "ACCESSTOKEN", "ACCESSTOKENSECRET", "BEARERTOKEN"];
/** Longest wait, after feeding stops, for the service to store what was sent. */
const DRAIN_MS = 10_000;
/** Longest wait for the service to exit after SIGTERM (ECS waits 30 s before SIGKILL). */
const STOP_MS = 30_000;

/** The fake X side of the run: the server, every post generated and the ids of the matching ones. */
interface FakeSide {
  readonly server: FakeXServer;
  readonly posts: readonly FakePost[];
  readonly matchingIds: ReadonlySet<string>;
}

function isSet(env: NodeJS.ProcessEnv, name: string): boolean {
  return (env[name] ?? "") !== "" || (env[`${name}_FILE`] ?? "") !== "";
}

/** Real X is read when the service could authenticate with what the environment holds. */
function hasXCredentials(env: NodeJS.ProcessEnv): boolean {
  return isSet(env, "BEARERTOKEN") || (isSet(env, "CONSUMERKEY") && isSet(env, "CONSUMERSECRETKEY"));
}

/**
 * The service's environment: the caller's, minus every X credential and AWS endpoint or credential setting, plus the
 * local ones; with real X, the caller's X credentials and X_API_BASE_URL are kept.
 */
function serviceEnv(opts: LocalOptions, dynamo: LocalDynamo, fake: FakeSide | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    const credential = X_CREDENTIALS.some((c) => name === c || name === `${c}_FILE`) || name === "X_API_BASE_URL";
    if ((fake !== undefined && credential) || name.startsWith("AWS_")) continue;
    env[name] = value;
  }
  Object.assign(env, {
    DYNAMODBTABLE: TABLE,
    AWSREGION: "us-east-1",
    FILTER: opts.filter,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ACCESS_KEY_ID: "local",
    AWS_SECRET_ACCESS_KEY: "local",
    STATS_INTERVAL_MS: env["STATS_INTERVAL_MS"] ?? "5000",
  });
  if (fake !== undefined) {
    Object.assign(env, {
      X_API_BASE_URL: fake.server.url,
      CONSUMERKEY: "local-consumer-key",
      CONSUMERSECRETKEY: "local-consumer-secret",
      ACCESSTOKEN: "local-access-token",
      ACCESSTOKENSECRET: "local-access-token-secret",
    });
  }
  return env;
}

async function startFake(opts: LocalOptions): Promise<FakeSide> {
  const posts = generatePosts({ count: opts.posts, matchRatio: opts.matchRatio, pattern: opts.filter, seed: opts.seed });
  const server = await startFakeXServer({
    consumerKey: "local-consumer-key",
    consumerSecret: "local-consumer-secret",
    bearerToken: `AAAAAAAAAAAAAAAAAAAAA${randomBytes(24).toString("base64url")}`,
  });
  const matchingIds = new Set(posts.filter((p) => containsPhrase(p.text, opts.filter)).map((p) => p.id));
  return { server, posts, matchingIds };
}

function echo(child: ChildProcess): void {
  for (const stream of [child.stdout, child.stderr]) {
    if (stream !== null) createInterface({ input: stream }).on("line", (line) => console.log(`  service │ ${line}`));
  }
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once("exit", (code) => resolve(code));
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function run(opts: LocalOptions): Promise<number> {
  const dynamo = await startLocalDynamo();
  await createPostsTable(dynamo.doc, TABLE);
  const fake = opts.fake || !hasXCredentials(process.env) ? await startFake(opts) : undefined;
  console.log(
    fake === undefined
      ? `twitterstream local run: real X API, dynalite at ${dynamo.endpoint}, FILTER ${JSON.stringify(opts.filter)}`
      : `twitterstream local run: fake X API at ${fake.server.url} (${opts.posts} posts, ${opts.rate}/s, ` +
          `${fake.matchingIds.size} containing ${JSON.stringify(opts.filter)}), dynalite at ${dynamo.endpoint}`,
  );

  const service = spawn(process.execPath, ["--no-warnings", "--import", "tsx", MAIN], {
    cwd: REPO,
    env: serviceEnv(opts, dynamo, fake),
    stdio: ["ignore", "pipe", "pipe"],
  });
  echo(service);
  const exited = exitOf(service);
  let serviceGone = false;
  void exited.then(() => (serviceGone = true));
  let interrupted = false;
  process.once("SIGINT", () => (interrupted = true));

  const started = Date.now();
  const deadline = started + opts.seconds * 1000;
  const matchingSent = (): number => (fake === undefined ? 0 : [...fake.server.sentIds()].filter((id) => fake.matchingIds.has(id)).length);
  let fed = 0;
  let stored = 0;
  let lastProgress = 0;
  const done = (): boolean => fake !== undefined && fed === fake.posts.length && fake.server.sentCount() >= fed && stored >= matchingSent();
  while (Date.now() < deadline && !interrupted && !serviceGone && !done()) {
    if (fake !== undefined) {
      const due = Math.min(fake.posts.length, Math.floor(((Date.now() - started) / 1000) * opts.rate) + 1);
      for (; fed < due; fed += 1) fake.server.post(fake.posts[fed]);
    }
    stored = await countItems(dynamo.doc, TABLE);
    if (Date.now() - lastProgress >= 1000) {
      lastProgress = Date.now();
      const seconds = String(Math.round((lastProgress - started) / 1000)).padStart(3);
      const sent = fake === undefined ? "" : `sent ${fake.server.sentCount()}/${fake.posts.length} (${matchingSent()} matching) · `;
      console.log(`[${seconds}s] ${sent}stored ${stored}`);
    }
    await sleep(100);
  }
  for (const drainEnd = Date.now() + DRAIN_MS; fake !== undefined && !serviceGone && Date.now() < drainEnd; await sleep(100)) {
    stored = await countItems(dynamo.doc, TABLE);
    if (stored >= matchingSent()) break;
  }

  if (!serviceGone) {
    console.log("stopping the service with SIGTERM");
    service.kill("SIGTERM");
  }
  const timer = setTimeout(() => service.kill("SIGKILL"), STOP_MS);
  const code = await exited;
  clearTimeout(timer);

  const items = await scanItems(dynamo.doc, TABLE);
  // With real X, X decided what matched (the service stores what `matching_rules` attributes to its rule): there is
  // no local matcher to judge the items by.
  const check = checkTable(
    items,
    fake === undefined ? () => true : (text) => containsPhrase(text, opts.filter),
    fake === undefined ? undefined : new Set([...fake.server.sentIds()].filter((id) => fake.matchingIds.has(id))),
  );
  console.log(`\nservice exit code: ${code ?? "killed"}\n\nstored items (${items.length}), oldest first:`);
  for (const line of formatItems(items, opts.rows)) console.log(line);
  console.log(`\n${formatSummary(check, fake === undefined ? undefined : { sent: fake.server.sentCount(), matching: matchingSent() })}`);

  await fake?.server.close();
  await dynamo.close();
  return code === 0 && tableIsRight(check) ? 0 : 1;
}

async function main(): Promise<void> {
  let opts: LocalOptions | "help";
  try {
    opts = parseLocalArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    process.exit(2);
  }
  if (opts === "help") {
    console.log(USAGE);
    return;
  }
  process.exit(await run(opts));
}

void main();
