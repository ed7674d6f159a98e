// Before the end-to-end tests: make sure the bot is built (skipped when ./test.sh just built it).
import { execFileSync } from "node:child_process";
import { botProjectDir } from "./paths.js";

export default function setup(): void {
  if (process.env.PA_E2E_SKIP_BUILD === "1") return;
  execFileSync("dotnet", ["build", botProjectDir, "--nologo", "-v", "quiet"], { stdio: "inherit" });
}
