// Preloaded into the Agents Playground (node -r ./loopback.cjs …): it listens on every network
// interface and has no option to change that. Our bot runs without authentication locally, and the
// Playground relays to it, so the Playground must be reachable from this machine only. This makes
// servers that do not name a host listen on 127.0.0.1.
"use strict";
const net = require("node:net");

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const first = args[0];
  if (typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first))) {
    if (args.length === 1 || typeof args[1] === "function") {
      args.splice(1, 0, "127.0.0.1");
    }
  } else if (first && typeof first === "object" && first.host === undefined && first.path === undefined && first.fd === undefined) {
    args[0] = { ...first, host: "127.0.0.1" };
  }
  return listen.apply(this, args);
};
