import type { MainlandNetwork } from '../domain/mainland-networks.ts';
import type { ColumnType, Generated, Selectable } from 'kysely';
import type { MessageStatus } from '../domain/message-status.ts';
import type { TemplateRegion, TemplateType, VariableType } from '../domain/templates.ts';
import type { StatOutcome } from '../domain/message-stats.ts';
import type { MessageFilters } from './message-filters.ts';
import type { TextEncoding } from '../domain/segments.ts';
import type { ApiScope } from '../domain/api-keys.ts';
import type { OperatorRole } from '../domain/operators.ts';
import type { ConsoleLocale, ConsoleRole } from '../domain/console-roles.ts';
import type { BillingMode, BillingScope } from '../domain/billing.ts';
import type { SmppSettings } from '../domain/smpp-settings.ts';
import type { MessageIdFormat } from '../domain/carrier-message-ids.ts';

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type JsonValue = ColumnType<unknown, string, string>;

export interface TenantsTable {
  id: Generated<string>;
  name: string;
  /** Countries international SMS may go to (ISO codes, `*` for all); the mainland is always allowed. */
  allowed_countries: ColumnType<string[], string[] | undefined, string[]>;
  /** Traffic thresholds: messages a day (Asia/Shanghai) and an hour; the alarm sends an SMS, the limit suspends. */
  daily_alarm: number | null;
  daily_limit: number | null;
  hourly_alarm: number | null;
  hourly_limit: number | null;
  /** Where alarm and suspension notices go. */
  contact_numbers: ColumnType<string[], string[] | undefined, string[]>;
  /** 1: pay per use once the packages are used up; 2: international only, held when they are (docs/billing.md). */
  billing_mode: ColumnType<BillingMode, BillingMode | undefined, BillingMode>;
  /** Where the tenant's statistics days start (migration 0039); the daily cube is kept in it. */
  stats_time_zone: Generated<string>;
  created_at: CreatedAt;
}

export interface AppsTable {
  id: Generated<string>;
  tenant_id: string;
  name: string;
  app_key: string;
  /** The app secret encrypted under the master key (`domain/secret-box.ts`); null for an app without one. */
  secret_sealed: string | null;
  /** The secret before the last rotation, accepted until `previous_secret_until`. */
  previous_secret_sealed: string | null;
  previous_secret_until: Timestamp | null;
  /** The callback signing secret (`domain/callback-signing.ts`), sealed; null for an app that signs nothing yet. */
  signing_secret_sealed: string | null;
  /** The signing secret before the last rotation, signing alongside until `previous_signing_secret_until`. */
  previous_signing_secret_sealed: string | null;
  previous_signing_secret_until: Timestamp | null;
  /** This app's request rate limit; null for the deployment's default. */
  requests_per_second: ColumnType<number | null, number | null | undefined, number | null>;
  /** The international sender id. */
  sender_id: string;
  /** Appended to the platform's mainland access number to make this app's mainland `from`; routes replies back. */
  mainland_extension: Generated<string>;
  callback_url: string | null;
  /** Where replies from recipients go (spec §5); null keeps them only in the inbox. */
  uplink_url: string | null;
  /** Refuse a WSSE nonce seen before within the window; off only for a legacy client that reuses nonces. */
  wsse_nonce_check: Generated<boolean>;
  /** Overrides the tenant's countries for this app; null to use the tenant's. */
  allowed_countries: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  created_at: CreatedAt;
}

export interface TemplatesTable {
  id: string;
  tenant_id: string;
  name: string;
  region: TemplateRegion;
  type: TemplateType;
  /** The text sending uses: the approved version's (the first version's while none is approved). */
  body: string;
  /** One type per variable of `body`; empty for a template made before variable types existed. */
  variables: ColumnType<VariableType[], string | undefined, string>;
  /** approved once any version is; before that the state of its first application. */
  status: TemplateStatus;
  approved_version: number | null;
  created_at: CreatedAt;
}

export type TemplateStatus = 'approved' | 'pending' | 'rejected' | 'withdrawn';
export type TemplateVersionState = 'waiting' | 'in_review' | 'approved' | 'rejected' | 'withdrawn' | 'superseded';

export interface TemplateVersionsTable {
  id: Generated<string>;
  template_id: string;
  tenant_id: string;
  version: number;
  name: string;
  body: string;
  variables: ColumnType<VariableType[], string, string>;
  state: TemplateVersionState;
  overdue: Generated<boolean>;
  submitted_at: CreatedAt;
  /** When the review enters the reviewers' queue: the start of the next review window. */
  opens_at: Timestamp | null;
  /** When an undecided review becomes overdue and is escalated. */
  due_at: Timestamp | null;
  escalated_at: Timestamp | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  reason: string | null;
  /** Days the review calendar judged Monday–Friday because no holiday data covered them. */
  calendar_fallback_days: ColumnType<string[], string[] | undefined, string[]>;
  workflow_id: string | null;
}

export type SignatureState = 'in_review' | 'documents_requested' | 'approved' | 'rejected' | 'expired';
export type DocumentKind = 'attorney_letter' | 'business_license';

export interface SignaturesTable {
  id: Generated<string>;
  tenant_id: string;
  /** The text shown in 【】 before a mainland message. */
  name: string;
  type: TemplateType;
  state: SignatureState;
  /** Why it was rejected, or what documents the reviewer asks for. */
  reason: string | null;
  submitted_at: CreatedAt;
  documents_requested_at: Timestamp | null;
  /** When an application waiting for documents expires. */
  expires_at: Timestamp | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  workflow_id: string | null;
}

export interface SignatureDocumentsTable {
  id: Generated<string>;
  signature_id: string;
  kind: DocumentKind;
  /** Detected from the content, never from the file name. */
  content_type: string;
  size: number;
  sha256: string;
  file_name: string | null;
  content: Buffer;
  uploaded_at: CreatedAt;
}

export interface RegionRulesTable {
  id: Generated<string>;
  tenant_id: string;
  app_id: string | null;
  prefix: string;
  action: 'allow' | 'deny';
}

export interface RecipientSendsTable {
  tenant_id: string;
  recipient: string;
  content_hash: string;
  sent_at: Timestamp;
}

export interface BlocklistTable {
  number: string;
  source: 'complaint' | 'carrier' | 'operator';
  reason: string;
  created_at: CreatedAt;
  created_by: string | null;
}

export interface OptOutsTable {
  tenant_id: string;
  number: string;
  reply_text: string | null;
  created_at: CreatedAt;
}

export type TrafficPeriod = 'day' | 'hour';

export interface TrafficEventsTable {
  tenant_id: string;
  period: TrafficPeriod;
  period_start: Timestamp;
  kind: 'alarm' | 'limit';
  count: number;
  created_at: CreatedAt;
}

export interface TenantSuspensionsTable {
  id: Generated<string>;
  tenant_id: string;
  period: TrafficPeriod;
  period_start: Timestamp;
  until: Timestamp;
  reason: string;
  state: ColumnType<'active' | 'ended', 'active' | 'ended' | undefined, 'active' | 'ended'>;
  ended_reason: string | null;
  ended_at: Timestamp | null;
  lifted_by: string | null;
  created_at: CreatedAt;
}

export type UnblockState = 'in_review' | 'carrier_pending' | 'unblocked' | 'refused';

export interface UnblockRequestsTable {
  id: Generated<string>;
  tenant_id: string;
  number: string;
  reason: string;
  state: UnblockState;
  /** Why it ended as it did (the operator's or the carrier's answer). */
  outcome: string | null;
  decided_by: string | null;
  carrier_ticket: string | null;
  submitted_at: CreatedAt;
  finished_at: Timestamp | null;
  workflow_id: string | null;
}

export interface CalendarYearsTable {
  year: number;
  holidays: string[];
  workdays: string[];
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
  updated_by: string | null;
}

export interface SendRequestsTable {
  id: string;
  tenant_id: string;
  app_id: string;
  idempotency_key: string | null;
  request_hash: string;
  response: JsonValue | null;
  send_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface MessagesTable {
  id: string;
  request_id: string;
  tenant_id: string;
  app_id: string;
  template_id: string;
  sender: string;
  recipient: string;
  body: string;
  encoding: TextEncoding;
  segments: number;
  status: MessageStatus;
  error_code: string | null;
  error_message: string | null;
  reference: string | null;
  callback_url: string | null;
  send_at: Timestamp | null;
  carrier: string | null;
  attempts: Generated<number>;
  /** The last dispatch attempt whose outcome was recorded. */
  recorded_attempt: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  created_at: CreatedAt;
  submitted_at: Timestamp | null;
  completed_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  /** The API the message came through; it decides the format of the status reports. */
  surface: Generated<MessageSurface>;
  /** The carrier it waits for when another worker holds that carrier's binds (db/bind-leases.ts); null otherwise. */
  lane: string | null;
  /** The campaign that sent it (migration 0028); null for a message sent through the API. */
  campaign_id: Generated<string | null>;
  /** The recipient's ISO 3166 country, the template's region and the signature, written at accept (migration 0037); null on older rows. */
  country: string | null;
  region: TemplateRegion | null;
  signature: string | null;
}

/** The statistics' key (migrations 0037, 0039): the UTC hour the message was to go, its dimensions and its outcome. */
interface MessageStatKey {
  tenant_id: string;
  region: TemplateRegion | null;
  country: string | null;
  template_id: string | null;
  signature: string | null;
  carrier: string | null;
  campaign_id: string | null;
  outcome: StatOutcome;
  reason: string | null;
}

/** Counts of a statistic key: messages, segments and the delivery-time histogram (`d00`…`d16`, migration 0039). */
type StatCounts<T> = Record<'messages' | 'segments' | `d${'0' | '1'}${number}`, T>;

/** A cube row's key: which dimensions it keeps (migration 0043: `all`, `place`, `content`, `carrier`, `campaign`, `total`), the others null. */
interface CubeKey extends MessageStatKey {
  rollup: string;
}

export interface MessageStatsTable extends CubeKey, StatCounts<number> {
  hour: Timestamp;
}

export interface MessageStatsDailyTable extends CubeKey, StatCounts<number> {
  /** The start of the day in the tenant's `stats_time_zone`. */
  day: Timestamp;
}

export interface MessageStatDeltasTable extends MessageStatKey, StatCounts<number> {
  id: Generated<string>;
  hour: Timestamp;
}

/** A background export of the sending details (migration 0041). */
export interface MessageExportsTable {
  id: string;
  tenant_id: string;
  app_id: string;
  filters: ColumnType<StoredMessageFilters, string, string>;
  bom: boolean;
  state: Generated<MessageExportState>;
  rows: ColumnType<string, number | undefined, number>;
  bytes: ColumnType<string, number | undefined, number>;
  parts: Generated<number>;
  /** Where the last part written ended: its last message's accept time (microseconds) and id. */
  after_micros: string | null;
  after_id: string | null;
  error: string | null;
  created_at: CreatedAt;
  finished_at: Timestamp | null;
  expires_at: Timestamp;
}

export type MessageExportState = 'running' | 'ready' | 'failed' | 'expired';

/** The filters of a message list as stored with an export: the times as ISO 8601. */
export interface StoredMessageFilters extends Omit<MessageFilters, 'since' | 'until'> {
  since?: string;
  until?: string;
}

export interface MessageExportPartsTable {
  export_id: string;
  part_no: number;
  data: Buffer;
}

export type MessageSurface = 'native' | 'compatible';

/** One row per submission of a part: a part sent again keeps its first submission too. */
export interface MessagePartsTable {
  message_id: string;
  part_no: number;
  /** The dispatch attempt that sent it. */
  attempt: Generated<number>;
  carrier: string;
  carrier_message_id: string;
  submitted_at: Timestamp;
  receipt_stat: string | null;
  receipt_err: string | null;
  receipt_at: Timestamp | null;
}

export interface ReceiptInboxTable {
  id: Generated<number>;
  carrier: string;
  carrier_message_id: string;
  stat: string;
  err: string;
  raw: string;
  received_at: CreatedAt;
  match_attempts: Generated<number>;
  next_match_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CallbackOutboxTable {
  id: Generated<number>;
  /** A status report is about a message, an uplink notification about a reply, an event about a tenant notice; exactly one is set. */
  message_id: string | null;
  reply_id: number | null;
  notice_id: ColumnType<number | null, number | null | undefined, never>;
  /** The app whose signing secret signs the report. */
  app_id: string | null;
  format: Generated<'json' | 'form'>;
  url: string;
  payload: JsonValue;
  status: ColumnType<'pending' | 'delivered' | 'expired', 'pending' | undefined, 'delivered' | 'expired' | 'pending'>;
  attempts: Generated<number>;
  /** Attempts whose outcome was recorded; a claim finding more knows a sender stopped mid-attempt. */
  recorded_attempts: Generated<number>;
  next_attempt_at: ColumnType<Date, Date | string | undefined, Date | string>;
  give_up_at: Timestamp;
  created_at: CreatedAt;
  completed_at: Timestamp | null;
}

export interface CallbackAttemptsTable {
  id: Generated<number>;
  outbox_id: number;
  attempted_at: CreatedAt;
  /** Which claim of the report it was (null for attempts recorded before this was kept). */
  attempt: number | null;
  http_status: number | null;
  error: string | null;
  /** Null for an attempt whose sender stopped before recording it. */
  duration_ms: number | null;
}

export interface InboundRepliesTable {
  id: Generated<number>;
  carrier: string;
  sender: string;
  recipient: string;
  text: string;
  received_at: Timestamp;
  tenant_id: string | null;
  routed_at: Timestamp | null;
  public_id: Generated<string>;
  /** The app whose channel number (with its extension) was replied to; null if none matched. */
  app_id: string | null;
  /** The parts of a concatenated reply it was delivered without, after the parts timeout; null when it came whole. */
  missing_parts: number[] | null;
}

/** One part of a concatenated reply, waiting for the rest of its set (carrier, sender, recipient, reference, total). */
export interface ReplyPartsTable {
  carrier: string;
  sender: string;
  recipient: string;
  reference: number;
  total: number;
  seq: number;
  /** The part's text as UTF-16LE code units: it may end or begin with half of a surrogate pair. */
  text_utf16: Buffer;
  received_at: Timestamp;
  stored_at: Generated<Date>;
  /** When its set became a reply; the part is kept a while after that to know a copy of it. Null while it waits. */
  delivered_at: Date | null;
}

export interface WsseNoncesTable {
  app_id: string;
  nonce: string;
  expires_at: Timestamp;
}

export interface ApiKeysTable {
  id: Generated<string>;
  app_id: string;
  name: string;
  /** The public part of the key, for lookup. */
  prefix: string;
  secret_hash: string;
  scopes: ApiScope[];
  created_at: CreatedAt;
  revoked_at: Timestamp | null;
}

/** A change made through /v1/admin, by whom; secrets in the request are replaced by "[redacted]". */
export type AuditActorKind = 'operator' | 'console_user' | 'app' | 'api_key';

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  /** Who made the change: an operator (a staff console user acts as one), a tenant's console user, an app or an API key. */
  actor_kind: ColumnType<AuditActorKind, AuditActorKind | undefined, never>;
  actor_id: string;
  actor_name: string;
  /** The tenant whose settings changed, for changes made through the tenants' API. */
  tenant_id: string | null;
  /** `METHOD /route/{pattern}`. */
  action: string;
  path: string;
  status: number;
  details: JsonValue;
  request_id: string | null;
}

export interface ConsoleUsersTable {
  id: Generated<string>;
  /** Lower-cased. */
  email: string;
  name: string;
  role: ConsoleRole;
  /** The tenant of an owner or member; null for staff. */
  tenant_id: string | null;
  /** The operator a staff user acts as; null for tenants' people. */
  operator_id: string | null;
  /** domain/passwords.ts; null until the invitation is accepted. */
  password_hash: string | null;
  locale: ColumnType<ConsoleLocale, ConsoleLocale | undefined, ConsoleLocale>;
  /** SHA-256 of the one-time invitation token, until it is used. */
  invite_hash: string | null;
  invite_expires_at: Timestamp | null;
  invited_by: string;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
}

export interface ConsoleSessionsTable {
  /** SHA-256 of the cookie's token: a copy of the table signs no one in. */
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface OperatorsTable {
  id: Generated<string>;
  name: string;
  role: OperatorRole;
  token_prefix: string;
  token_hash: string;
  created_at: CreatedAt;
  disabled_at: Timestamp | null;
}

export type CarrierState = 'active' | 'draining' | 'off';

export interface CarriersTable {
  id: string;
  name: string;
  state: Generated<CarrierState>;
  /** How the carrier writes message ids (domain/carrier-message-ids.ts). */
  response_id_format: Generated<MessageIdFormat>;
  receipt_id_format: Generated<MessageIdFormat>;
  /** The SMPP settings an operator gave (domain/smpp-settings.ts); the rest are defaults. */
  smpp_settings: ColumnType<Partial<SmppSettings>, string | undefined, string>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface BindLeasesTable {
  carrier_id: string;
  position: number;
  owner: string;
  acquired_at: Generated<Date>;
  expires_at: Date;
  bound: Generated<boolean>;
}

export interface BindWorkersTable {
  worker: string;
  seen_at: Date;
}

export interface CarrierBindsTable {
  carrier_id: string;
  position: number;
  host: string;
  port: number;
  system_id: string;
  password_sealed: string;
  window: number;
  throughput: number | null;
}

export interface RoutesTable {
  id: Generated<string>;
  country: string;
  network: MainlandNetwork | null;
  prefix: string | null;
  carrier_id: string;
  priority: number;
  created_at: CreatedAt;
}

export interface PortedNumbersTable {
  number: string;
  network: MainlandNetwork;
  imported_at: CreatedAt;
}

export interface RoutingConfigTable {
  id: boolean;
  version: ColumnType<string, string | number, string | number>;
}

export interface MessageFailoversTable {
  message_id: string;
  at: Timestamp;
  carrier: string;
  code: string;
  reason: string;
}

/** A dispatch attempt that did not put the whole message at a carrier and was tried again. */
export interface MessageRetriesTable {
  message_id: string;
  attempt: number;
  at: Timestamp;
  carrier: string | null;
  code: string;
  reason: string;
  /** The carrier may have taken the message in this attempt without Tern knowing. */
  maybe_sent: boolean;
}

export interface CarrierBindStatusTable {
  worker: string;
  carrier_id: string;
  position: number;
  bound: boolean;
  since: Timestamp;
  last_failure: string | null;
  reported_at: CreatedAt;
}

export interface PriceTablesTable {
  version: Generated<number>;
  currency: string;
  note: ColumnType<string, string | undefined, never>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PricesTable {
  version: number;
  scope: BillingScope;
  /** ISO 3166 code, or `*` for every other country of the scope. */
  country: string;
  /** Per billable segment, in the currency's minor unit. */
  segment_price: ColumnType<number, number, never>;
}

export interface PackagesTable {
  id: Generated<string>;
  tenant_id: string;
  scope: BillingScope;
  segments: number;
  valid_from: Timestamp;
  expires_at: Timestamp;
  source: 'purchase' | 'grant';
  reference: string | null;
  created_by: string | null;
  created_at: CreatedAt;
}

/** A package's segments in shards (migration 0021); `used` is kept by the charge and the refund, proven by the ledger check. */
export interface PackageShardsTable {
  package_id: string;
  shard: number;
  segments: number;
  used: ColumnType<number, never, never>;
}

export interface BillingLedgerTable {
  id: ColumnType<number, never, never>;
  tenant_id: string;
  at: Date;
  kind: 'charge' | 'refund';
  message_id: string;
  package_id: string | null;
  package_shard: number | null;
  scope: BillingScope;
  country: string;
  segments: number;
  amount: number;
  currency: string;
  price_version: number;
  refund_of: number | null;
}

export interface BillingHoldsTable {
  id: ColumnType<number, never, never>;
  tenant_id: string;
  scope: 'international';
  started_at: Date;
  workflow_started_at: Timestamp | null;
  ended_at: Timestamp | null;
  ended_reason: HoldEndReason | null;
  ended_by: string | null;
}

export type HoldEndReason = 'topped_up' | 'released' | 'mode_changed';

export interface QuotaAlarmsTable {
  tenant_id: string;
  scope: BillingScope;
  threshold: number;
  armed: boolean;
  fired_at: Timestamp | null;
}

export interface TenantNoticesTable {
  id: ColumnType<number, never, never>;
  tenant_id: string;
  kind: string;
  details: JsonValue;
  at: CreatedAt;
  sent_at: Timestamp | null;
}

export type CampaignUploadStatus = 'receiving' | 'ready' | 'failed';

/** The segments of an upload's accepted rows in one billing scope and country (ISO 3166). */
export interface CountrySegments {
  scope: BillingScope;
  country: string;
  segments: number;
}

/** A recipient list of the Group SMS Assistant (migration 0027), with its counts as they grow while it is read. */
export interface CampaignUploadsTable {
  id: Generated<string>;
  tenant_id: string;
  app_id: string;
  name: string;
  template_id: string;
  signature: string | null;
  status: CampaignUploadStatus;
  rows_read: Generated<number>;
  rows_accepted: Generated<number>;
  duplicates: Generated<number>;
  invalid: Generated<number>;
  segments_mainland: Generated<number>;
  segments_international: Generated<number>;
  segments_by_country: ColumnType<CountrySegments[], string | undefined, string>;
  error_code: string | null;
  error_message: string | null;
  created_at: CreatedAt;
  touched_at: ColumnType<Date, Date | string | undefined, Date | string>;
  finished_at: Timestamp | null;
}

/** One accepted row of an upload: a number (E.164) with its template values; `line` orders a campaign's chunks. */
export interface CampaignRecipientsTable {
  upload_id: string;
  line: number;
  recipient: string;
  params: string[];
  segments: number;
  country: string;
  scope: BillingScope;
}

/** One refused row of an upload, with the rule's code and a sentence for the person who made the file. */
export interface CampaignUploadErrorsTable {
  upload_id: string;
  line: number;
  code: string;
  message: string;
}

/** How far retention has gone (migration 0042): messages with ids below `before_id` may have been dropped. */
export interface MessageRetentionTable {
  only_row: Generated<boolean>;
  before_id: string;
  before_at: Date;
  /** The latest statistics time (send time, else accept time) of a dropped message. */
  counted_until: Date;
}

export interface Database {
  tenants: TenantsTable;
  apps: AppsTable;
  templates: TemplatesTable;
  send_requests: SendRequestsTable;
  messages: MessagesTable;
  message_parts: MessagePartsTable;
  message_stats: MessageStatsTable;
  message_stats_daily: MessageStatsDailyTable;
  message_exports: MessageExportsTable;
  message_export_parts: MessageExportPartsTable;
  message_stat_deltas: MessageStatDeltasTable;
  message_retention: MessageRetentionTable;
  receipt_inbox: ReceiptInboxTable;
  callback_outbox: CallbackOutboxTable;
  callback_attempts: CallbackAttemptsTable;
  inbound_replies: InboundRepliesTable;
  reply_parts: ReplyPartsTable;
  api_keys: ApiKeysTable;
  operators: OperatorsTable;
  console_users: ConsoleUsersTable;
  console_sessions: ConsoleSessionsTable;
  wsse_nonces: WsseNoncesTable;
  template_versions: TemplateVersionsTable;
  calendar_years: CalendarYearsTable;
  signatures: SignaturesTable;
  signature_documents: SignatureDocumentsTable;
  region_rules: RegionRulesTable;
  recipient_sends: RecipientSendsTable;
  blocklist: BlocklistTable;
  opt_outs: OptOutsTable;
  traffic_events: TrafficEventsTable;
  tenant_suspensions: TenantSuspensionsTable;
  unblock_requests: UnblockRequestsTable;
  carriers: CarriersTable;
  carrier_binds: CarrierBindsTable;
  bind_leases: BindLeasesTable;
  bind_workers: BindWorkersTable;
  routes: RoutesTable;
  ported_numbers: PortedNumbersTable;
  routing_config: RoutingConfigTable;
  message_failovers: MessageFailoversTable;
  message_retries: MessageRetriesTable;
  audit_log: AuditLogTable;
  price_tables: PriceTablesTable;
  prices: PricesTable;
  packages: PackagesTable;
  package_shards: PackageShardsTable;
  billing_ledger: BillingLedgerTable;
  billing_holds: BillingHoldsTable;
  quota_alarms: QuotaAlarmsTable;
  tenant_notices: TenantNoticesTable;
  /** A view: the submission of each part that decides its outcome. */
  part_outcomes: Omit<MessagePartsTable, 'attempt'> & { attempt: number };
  carrier_bind_status: CarrierBindStatusTable;
  campaign_uploads: CampaignUploadsTable;
  campaign_recipients: CampaignRecipientsTable;
  campaign_upload_errors: CampaignUploadErrorsTable;
  campaigns: CampaignsTable;
  campaign_refusals: CampaignRefusalsTable;
}

export type OperatorRow = Selectable<OperatorsTable>;
export type ConsoleUserRow = Selectable<ConsoleUsersTable>;

export type ApiKeyRow = Selectable<ApiKeysTable>;

export type MessageRow = Selectable<MessagesTable>;
export type TemplateRow = Selectable<TemplatesTable>;
export type AppRow = Selectable<AppsTable>;
export type TemplateVersionRow = Selectable<TemplateVersionsTable>;
export type SignatureRow = Selectable<SignaturesTable>;
export type UnblockRequestRow = Selectable<UnblockRequestsTable>;
export type CampaignUploadRow = Selectable<CampaignUploadsTable>;

export type CampaignStatus = 'scheduled' | 'running' | 'paused' | 'waiting' | 'cancelled' | 'stopped' | 'completed';

/** A campaign of the Group SMS Assistant (migration 0028): one upload's rows, sent from a template by its workflow. */
export interface CampaignsTable {
  id: string;
  tenant_id: string;
  app_id: string;
  upload_id: string;
  name: string;
  template_id: string;
  signature: string | null;
  send_at: Timestamp | null;
  rate_per_second: number | null;
  status: CampaignStatus;
  stop_reason: string | null;
  recipients: number;
  /** The last line of the upload queued so far. */
  cursor: Generated<number>;
  queued: Generated<number>;
  refused: Generated<number>;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

/** A row the accept step refused when its chunk was queued. */
export interface CampaignRefusalsTable {
  campaign_id: string;
  line: number;
  recipient: string;
  code: string;
  message: string;
}

