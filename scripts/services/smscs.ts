// `npm run smscs`: the dev stack's six simulated SMSCs and their control, on TERN_SMSC_PORT… and TERN_SMSC_CONTROL_PORT.
import { pino } from 'pino';
import { startDevSimulators } from '../stack/dev-carriers.ts';
import { devPorts } from '../stack/dev-config.ts';
import { startSmscControl } from '../stack/smsc-control.ts';
import { runService } from './run-service.ts';

runService('SMPP simulators', async () => {
  const ports = devPorts();
  const simulators = await startDevSimulators(ports.smsc, pino({ name: 'smsc', level: process.env.LOG_LEVEL ?? 'info' }));
  const control = await startSmscControl(simulators, ports.smscControl);
  return {
    lines: [...simulators.map((c) => `${c.id} 127.0.0.1:${c.simulator.port} (system_id tern, password tern)`), `control ${control.url}`],
    stop: async () => {
      await control.close();
      await Promise.all(simulators.map((c) => c.simulator.close()));
    },
  };
});
