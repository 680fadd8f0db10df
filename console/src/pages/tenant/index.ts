import { Blocklist } from './blocklist';
import { Billing } from './billing';
import { Campaign } from './campaign';
import { Campaigns } from './campaigns';
import { Messages } from './messages';
import { Overview } from './overview';
import { Replies } from './replies';
import { Send } from './send';
import { Settings } from './settings';
import { Signatures } from './signatures';
import { Statistics } from './statistics';
import { Template } from './template';
import { Templates } from './templates';

export const pages = {
  overview: Overview,
  send: Send,
  templates: Templates,
  template: Template,
  signatures: Signatures,
  campaigns: Campaigns,
  campaign: Campaign,
  messages: Messages,
  statistics: Statistics,
  replies: Replies,
  billing: Billing,
  blocklist: Blocklist,
  settings: Settings,
};
