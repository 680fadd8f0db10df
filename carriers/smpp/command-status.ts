import smpp from 'smpp';

const { errors } = smpp;

export const ESME_ROK = errors.ESME_ROK;
export const ESME_RINVBNDSTS = errors.ESME_RINVBNDSTS;
export const ESME_RSYSERR = errors.ESME_RSYSERR;
export const ESME_RINVDSTADR = errors.ESME_RINVDSTADR;
export const ESME_RBINDFAIL = errors.ESME_RBINDFAIL;
export const ESME_RINVPASWD = errors.ESME_RINVPASWD;
export const ESME_RINVSYSID = errors.ESME_RINVSYSID;
export const ESME_RINVSYSTYP = errors.ESME_RINVSYSTYP;
export const ESME_RMSGQFUL = errors.ESME_RMSGQFUL;
export const ESME_RTHROTTLED = errors.ESME_RTHROTTLED;
export const ESME_RX_T_APPN = errors.ESME_RX_T_APPN;
export const ESME_RX_P_APPN = errors.ESME_RX_P_APPN;
export const ESME_RINVCMDID = errors.ESME_RINVCMDID;

const nameByStatus = new Map<number, string>();
for (const [name, status] of Object.entries(errors)) if (!nameByStatus.has(status)) nameByStatus.set(status, name);

/** The SMPP name of a command_status (`ESME_RINVDSTADR`), or `ESME_0x…` for vendor-specific values. */
export function commandStatusName(status: number): string {
  return nameByStatus.get(status) ?? `ESME_0x${status.toString(16).toUpperCase().padStart(8, '0')}`;
}

/** The SMSC asks the client to slow down; the same PDU is sent again after a pause. */
export function isThrottleStatus(status: number): boolean {
  return status === ESME_RTHROTTLED || status === ESME_RMSGQFUL;
}

/**
 * Statuses that say something about the SMSC's state rather than the message, so the same message may
 * be accepted later. Anything else (bad address, bad data coding, …) will fail again the same way.
 */
const transientStatuses = new Set<number>([
  ESME_RTHROTTLED,
  ESME_RMSGQFUL,
  ESME_RSYSERR,
  ESME_RINVBNDSTS,
  ESME_RX_T_APPN,
  errors.ESME_RUNKNOWNERR,
]);

export function isTransientStatus(status: number): boolean {
  return transientStatuses.has(status);
}
