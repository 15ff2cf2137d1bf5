/** The benchmark's loads, shared by its processes: the same generated posts, the same items. */
import { containsPhrase, generatePostStream } from "../dev/generator";
import type { FakePost } from "../dev/fakePost";
import { toItem, type PostItem } from "../src/intake/item";

/** What is streamed. */
export interface Load {
  readonly posts: number;
  readonly matchRatio: number;
  readonly pattern: string;
  readonly seed: number;
}

/** The load of `npm run bench`'s main run: BENCH_POSTS posts (default 100,000), half of them matching. */
export function benchLoad(env: NodeJS.ProcessEnv): Load {
  return { posts: Number(env["BENCH_POSTS"] ?? 100_000), matchRatio: 0.5, pattern: "climate change", seed: 42 };
}

/** The slow-DynamoDB run's load: a burst of BENCH_SLOW_POSTS matching posts (default 60,000, the run). */
export function slowLoad(env: NodeJS.ProcessEnv): Load {
  return { posts: Number(env["BENCH_SLOW_POSTS"] ?? 60_000), matchRatio: 1, pattern: "climate change", seed: 43 };
}

/** The generated posts, one at a time. */
export function posts(load: Load): Generator<FakePost> {
  return generatePostStream({ count: load.posts, matchRatio: load.matchRatio, pattern: load.pattern, seed: load.seed });
}

/** The items the service stores for this load: one per matching post, as the service builds them. */
export function expectedItems(load: Load): PostItem[] {
  const items: PostItem[] = [];
  for (const p of posts(load)) {
    if (containsPhrase(p.text, load.pattern)) {
      items.push(toItem({ id: p.id, text: p.text, authorId: p.authorId, username: p.username, createdAt: p.createdAt }, load.pattern));
    }
  }
  return items;
}
