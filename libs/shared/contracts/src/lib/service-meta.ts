/** What a running Bandstand service says about itself (GET /api/v1/meta). */
export interface ServiceMeta {
  /** Name of the process, e.g. `api`. */
  readonly service: string;
  /** Release version of Bandstand the process was built from. */
  readonly version: string;
  /** Node.js version the process runs on, e.g. `v24.9.0`. */
  readonly node: string;
  /** Seconds since the process started. */
  readonly uptimeSeconds: number;
}
