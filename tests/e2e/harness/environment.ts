// The usual end-to-end set-up: the bot and a Playground pointed at it, stopped together.
import { Bot, type BotOptions } from "./bot.js";
import { Playground, type PlaygroundOptions } from "./playground.js";

export interface Environment {
  bot: Bot;
  playground: Playground;
  stop(): Promise<void>;
}

export async function startEnvironment(
  options: { bot?: BotOptions; playground?: Omit<PlaygroundOptions, "botEndpoint"> } = {},
): Promise<Environment> {
  const bot = await Bot.start(options.bot);
  try {
    const playground = await Playground.start({ botEndpoint: bot.messagesUrl, ...options.playground });
    return {
      bot,
      playground,
      async stop() {
        await playground.stop();
        await bot.stop();
      },
    };
  } catch (error) {
    await bot.stop();
    throw error;
  }
}
