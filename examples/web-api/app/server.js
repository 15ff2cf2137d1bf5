// The example's API: answers /health, and never prints the password it was given.
const http = require("node:http");
const hasPassword = Boolean(process.env.DB_PASSWORD);
http
  .createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ok: hasPassword, db: process.env.DB_HOST }));
  })
  .listen(Number(process.env.PORT ?? 8080));
