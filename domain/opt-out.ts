/** Replies that opt the sender out of a tenant's messages, compared trimmed and upper-cased. */
export const unsubscribeWords = ['TD', 'T', 'N', '退订', '退定', 'UNSUBSCRIBE', 'STOP'];

/** Replies that opt the sender back in after an opt-out, compared the same way. */
export const subscribeWords = ['START', 'UNSTOP', 'SUBSCRIBE', '订阅', '恢复'];

/** What a tenant is told of an opt-out: only the handset can lift it. */
export const optOutRemedy =
  `The recipient opted out by replying an unsubscribe word; only they can opt back in, by replying ${subscribeWords.map((w) => `"${w}"`).join(', ')} to the number they opted out from. An unblock request cannot lift an opt-out.`;
