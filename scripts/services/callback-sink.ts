// `npm run callback-sink`: the HTTP sink that records status reports and replies, on TERN_CALLBACK_SINK_PORT.
import { startCallbackSink } from '../stack/callback-sink.ts';
import { devPorts } from '../stack/dev-config.ts';
import { runService } from './run-service.ts';

runService('callback sink', async () => {
  const sink = await startCallbackSink({ port: devPorts().callbacks });
  const base = new URL(sink.url).origin;
  return { lines: [`callback URL ${sink.url} (GET shows what it received)`, `compatible statusCallback ${base}/hw/report, replies ${base}/uplink`], stop: () => sink.close() };
});
