/** The part of s3rver's API the init tests use; the package ships no types. */
declare module "s3rver" {
  import type { AddressInfo } from "node:net";

  namespace S3rver {
    interface Options {
      address?: string;
      port?: number;
      directory: string;
      silent?: boolean;
      configureBuckets?: Array<{ name: string }>;
    }
  }

  class S3rver {
    constructor(options: S3rver.Options);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }

  export = S3rver;
}
