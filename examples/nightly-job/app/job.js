// The nightly job: reads API_TOKEN (injected by ECS from Secrets Manager), calls the report endpoint once, exits 0 on
// success and 1 on failure, so that the task's exit code says how the night went.
const token = process.env.API_TOKEN;
const url = process.env.REPORT_URL;
if (!token || !url) {
  console.error(JSON.stringify({ level: "error", msg: "API_TOKEN and REPORT_URL are required" }));
  process.exit(1);
}
globalThis.fetch(url, { method: "POST", headers: { authorization: `Bearer ${token}` } }).then(
  (res) => {
    console.log(JSON.stringify({ level: res.ok ? "info" : "error", msg: "report requested", status: res.status }));
    process.exit(res.ok ? 0 : 1);
  },
  (err) => {
    console.error(JSON.stringify({ level: "error", msg: "report request failed", error: String(err) }));
    process.exit(1);
  },
);
