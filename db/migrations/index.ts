import type { Migration } from 'kysely';
import * as foundation from './0001_foundation.ts';
import * as repliesAndReceiptTimeout from './0002_replies_and_receipt_timeout.ts';
import * as sealedAppSecrets from './0003_sealed_app_secrets.ts';
import * as appRequestRate from './0004_app_request_rate.ts';
import * as apiKeys from './0005_api_keys.ts';
import * as operators from './0006_operators.ts';
import * as channelNumbers from './0007_channel_numbers.ts';
import * as compatibleSurface from './0008_compatible_surface.ts';
import * as templateReview from './0009_template_review.ts';
import * as signatures from './0010_signatures.ts';
import * as sendingControls from './0011_sending_controls.ts';
import * as screenFunction from './0012_screen_function.ts';
import * as trafficThresholds from './0013_traffic_thresholds.ts';
import * as unblockRequests from './0014_unblock_requests.ts';
import * as routing from './0015_routing.ts';
import * as carrierBindStatus from './0016_carrier_bind_status.ts';
import * as bindThroughput from './0017_bind_throughput.ts';
import * as everySubmission from './0018_every_submission.ts';
import * as callbackSigning from './0019_callback_signing.ts';
import * as auditLog from './0020_audit_log.ts';
import * as billing from './0021_billing.ts';
import * as carrierMessageIds from './0022_carrier_message_ids.ts';
import * as smppSettings from './0023_smpp_settings.ts';
import * as bindLeases from './0025_bind_leases.ts';
import * as replyParts from './0026_reply_parts.ts';
import * as campaignUploads from './0027_campaign_uploads.ts';
import * as campaigns from './0028_campaigns.ts';
import * as mode2HoldInOrder from './0029_mode2_hold_in_order.ts';
import * as campaignFailuresIndex from './0030_campaign_failures_index.ts';
import * as apiClaimLane from './0031_api_claim_lane.ts';
import * as screenSetBased from './0032_screen_set_based.ts';
import * as updateRoom from './0033_update_room.ts';
import * as screenByNumber from './0034_screen_by_number.ts';
import * as unblockRequestsOfTenant from './0035_unblock_requests_of_tenant.ts';
import * as tenantSuspensionsOfTenant from './0036_tenant_suspensions_of_tenant.ts';
import * as messageStats from './0037_message_stats.ts';
import * as repliesList from './0038_replies_list.ts';
import * as dailyStats from './0039_daily_stats.ts';
import * as campaignDetails from './0040_campaign_details.ts';
import * as messageExports from './0041_message_exports.ts';
import * as messagePartitions from './0042_message_partitions.ts';
import * as statRollups from './0043_stat_rollups.ts';
import * as callbackPartitions from './0044_callback_partitions.ts';
import * as consoleUsers from './0045_console_users.ts';
import * as failoverTime from './0046_failover_time.ts';

/** Every migration, in order. A static list keeps migrations working under tsx, bundlers and tests alike. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_replies_and_receipt_timeout': repliesAndReceiptTimeout,
  '0003_sealed_app_secrets': sealedAppSecrets,
  '0004_app_request_rate': appRequestRate,
  '0005_api_keys': apiKeys,
  '0006_operators': operators,
  '0007_channel_numbers': channelNumbers,
  '0008_compatible_surface': compatibleSurface,
  '0009_template_review': templateReview,
  '0010_signatures': signatures,
  '0011_sending_controls': sendingControls,
  '0012_screen_function': screenFunction,
  '0013_traffic_thresholds': trafficThresholds,
  '0014_unblock_requests': unblockRequests,
  '0015_routing': routing,
  '0016_carrier_bind_status': carrierBindStatus,
  '0017_bind_throughput': bindThroughput,
  '0018_every_submission': everySubmission,
  '0019_callback_signing': callbackSigning,
  '0020_audit_log': auditLog,
  '0021_billing': billing,
  '0022_carrier_message_ids': carrierMessageIds,
  '0023_smpp_settings': smppSettings,
  '0025_bind_leases': bindLeases,
  '0026_reply_parts': replyParts,
  '0027_campaign_uploads': campaignUploads,
  '0028_campaigns': campaigns,
  '0029_mode2_hold_in_order': mode2HoldInOrder,
  '0030_campaign_failures_index': campaignFailuresIndex,
  '0031_api_claim_lane': apiClaimLane,
  '0032_screen_set_based': screenSetBased,
  '0033_update_room': updateRoom,
  '0034_screen_by_number': screenByNumber,
  '0035_unblock_requests_of_tenant': unblockRequestsOfTenant,
  '0036_tenant_suspensions_of_tenant': tenantSuspensionsOfTenant,
  '0037_message_stats': messageStats,
  '0038_replies_list': repliesList,
  '0039_daily_stats': dailyStats,
  '0040_campaign_details': campaignDetails,
  '0041_message_exports': messageExports,
  '0042_message_partitions': messagePartitions,
  '0043_stat_rollups': statRollups,
  '0044_callback_partitions': callbackPartitions,
  '0045_console_users': consoleUsers,
  '0046_failover_time': failoverTime,
};
