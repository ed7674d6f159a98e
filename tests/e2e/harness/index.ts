// The end-to-end harness: start the bot and the Agents Playground, talk to the bot the way Teams
// would, and read what came back through the Playground's connector. See tests/e2e/README.md.
export { Bot, type BotOptions } from "./bot.js";
export { Playground, type PlaygroundMessage, type PlaygroundEvent, type PlaygroundOptions, type PlaygroundExchange, type InvokeResponse, type Sent } from "./playground.js";
export { startEnvironment, type Environment } from "./environment.js";
export { adaptiveCard, cardActions, cardText } from "./cards.js";
export { launchChromium } from "./browser.js";
export { repoRoot, testOutputDir } from "./paths.js";
export { freePort, waitFor, delay } from "./processes.js";
