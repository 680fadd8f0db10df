/** Replies that opt the sender out of a tenant's messages, compared trimmed and upper-cased. */
export const unsubscribeWords = ['TD', 'T', 'N', '退订', '退定', 'UNSUBSCRIBE', 'STOP'];
