// Where the add-in gets its policy: fetched from the bot host, cached in roamingSettings (the
// JavaScript-only runtime has no localStorage), with the bundled copy as the safe default. Send-time
// code never waits for the network: it uses the cache or the default.
import { defaultPolicy, parsePolicy, type Policy } from "../core/policy";

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const __PA_POLICY_URL__: string;

const CACHE_KEY = "paPolicy";
export const POLICY_MAX_AGE_MS = 12 * 60 * 60 * 1000;

interface Cached { fetchedAt: number; policy: unknown }

export function policyUrl(): string {
  const built = typeof __PA_POLICY_URL__ === "string" ? __PA_POLICY_URL__ : "";
  // "%%PA_POLICY_URL%%" is the marker the host replaces when it serves the bundle; still there = not served by our host.
  if (built && built.indexOf("%%") < 0) return built;
  const loc = typeof location !== "undefined" ? location : null;
  if (loc && /^https?:$/.test(loc.protocol)) {
    // Pages are served from <host>/addin/…; the policy sits next to them.
    const path = loc.pathname.replace(/[^/]*$/, "");
    return loc.protocol + "//" + loc.host + path + "policy.json";
  }
  return "";
}

function roaming(office: any): any {
  return office && office.context && office.context.roamingSettings ? office.context.roamingSettings : null;
}

function readCache(office: any): Cached | null {
  const rs = roaming(office);
  if (!rs) return null;
  try {
    const raw = rs.get(CACHE_KEY);
    const c = typeof raw === "string" ? JSON.parse(raw) : raw;
    return c && typeof c.fetchedAt === "number" ? (c as Cached) : null;
  } catch {
    return null;
  }
}

/** The policy to use right now, without any network call. */
export function currentPolicy(office: any): { policy: Policy; source: "cache" | "default"; stale: boolean } {
  const c = readCache(office);
  if (c) {
    try {
      return { policy: parsePolicy(c.policy), source: "cache", stale: Date.now() - c.fetchedAt > POLICY_MAX_AGE_MS };
    } catch {
      // A cached policy that no longer validates is ignored.
    }
  }
  return { policy: defaultPolicy(), source: "default", stale: true };
}

function httpGetJson(url: string, timeoutMs: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (err: Error | null, value?: unknown) => {
      if (settled) return;
      settled = true;
      if (err) reject(err);
      else resolve(value);
    };
    const timer = setTimeout(() => finish(new Error("timeout")), timeoutMs);
    const done = (err: Error | null, value?: unknown) => { clearTimeout(timer); finish(err, value); };
    if (typeof fetch === "function") {
      fetch(url, { credentials: "omit", cache: "no-cache" })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error("HTTP " + r.status))))
        .then((v) => done(null, v), (e: Error) => done(e));
    } else if (typeof XMLHttpRequest !== "undefined") {
      const x = new XMLHttpRequest();
      x.open("GET", url);
      x.onload = () => {
        if (x.status !== 200) return done(new Error("HTTP " + x.status));
        try { done(null, JSON.parse(x.responseText)); } catch (e) { done(e as Error); }
      };
      x.onerror = () => done(new Error("network"));
      x.send();
    } else {
      done(new Error("no http"));
    }
  });
}

/** Fetches, validates and caches the policy when the cache is stale. Failures keep what we have. */
export async function refreshPolicy(office: any, timeoutMs: number): Promise<Policy> {
  const now = currentPolicy(office);
  if (!now.stale) return now.policy;
  const url = policyUrl();
  if (!url) return now.policy;
  try {
    const raw = await httpGetJson(url, timeoutMs);
    const policy = parsePolicy(raw);
    const rs = roaming(office);
    if (rs) {
      rs.set(CACHE_KEY, JSON.stringify({ fetchedAt: Date.now(), policy: raw }));
      if (typeof rs.saveAsync === "function") rs.saveAsync(() => undefined);
    }
    return policy;
  } catch {
    return now.policy;
  }
}
