'use strict';
// The peer of bench/: the smallest bot Microsoft's JavaScript SDK allows — CloudAdapter and an
// echo reply. No app id, so like our local mode it neither checks nor sends tokens. Plain
// node:http with the small request/response shape CloudAdapter.process expects (no web framework),
// so the comparison is the SDK's turn pipeline against ours.
const http = require('node:http');
const {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
} = require('botbuilder');

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error(`turn error: ${error.message}`);
  await context.sendActivity('Er ging iets mis.');
};

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text}`));
      await next();
    });
  }
}

const bot = new EchoBot();

const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/messages') {
    res.statusCode = 404;
    res.end();
    return;
  }

  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    try {
      req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }

    const response = {
      socket: res.socket,
      header: (name, value) => res.setHeader(name, value),
      status: (code) => {
        res.statusCode = code;
      },
      send: (body) => {
        if (body === undefined) return;
        if (typeof body === 'object' && !Buffer.isBuffer(body)) {
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.write(JSON.stringify(body));
        } else {
          res.write(body);
        }
      },
      end: () => res.end(),
    };

    try {
      await adapter.process(req, response, (context) => bot.run(context));
    } catch (error) {
      console.error(`process failed: ${error.message}`);
      if (!res.writableEnded) {
        res.statusCode = 500;
        res.end();
      }
    }
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`Now listening on: http://127.0.0.1:${server.address().port}`);
});
