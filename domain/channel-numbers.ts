import type { TemplateRegion } from './templates.ts';

/** The platform's mainland access number (a 106 number); an app's mainland `from` is it plus the app's extension. */
export const mainlandAccessNumber = '10690000';

export interface ChannelNumbers {
  /** International sender id. */
  from: string;
  /** Mainland displayed number: access number + extension. */
  mainlandFrom: string;
}

export function channelNumbers(app: { sender_id: string; mainland_extension: string }): ChannelNumbers {
  return { from: app.sender_id, mainlandFrom: mainlandAccessNumber + app.mainland_extension };
}

/** The number a message shows as its sender: the mainland number for mainland templates, else the sender id. */
export function senderFor(app: { sender_id: string; mainland_extension: string }, region: TemplateRegion): string {
  const numbers = channelNumbers(app);
  return region === 'mainland' ? numbers.mainlandFrom : numbers.from;
}
