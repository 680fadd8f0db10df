import type { ConcatInfo } from './segments.ts';

/** A handset's reply (MO), as a carrier hands it over. */
export interface InboundReply {
  /** The recipient who replied, E.164 with `+`. */
  from: string;
  /** The number they replied to (our displayed number, with its extension). */
  to: string;
  /** May hold half of a surrogate pair when the handset cut a character between two parts. */
  text: string;
  receivedAt: Date;
  /** Set when this is one part of a concatenated reply; the parts are joined before the reply is routed. */
  part?: ConcatInfo;
}

export interface JoinedReplyText {
  text: string;
  /** The part numbers that never came, ascending; empty when the reply is complete. */
  missingParts: number[];
}

/**
 * Joins the parts of a concatenated reply in part order. A surrogate pair cut between two parts comes back whole;
 * half of one a missing part left alone becomes U+FFFD (stored text cannot hold it), never joined across the gap.
 */
export function joinReplyParts(total: number, parts: readonly { seq: number; text: string }[]): JoinedReplyText {
  const bySeq = new Map(parts.map((p) => [p.seq, p.text]));
  const runs: string[] = [];
  const missingParts: number[] = [];
  let run = '';
  for (let seq = 1; seq <= total; seq++) {
    const part = bySeq.get(seq);
    if (part !== undefined) {
      run += part;
      continue;
    }
    missingParts.push(seq);
    runs.push(run);
    run = '';
  }
  runs.push(run);
  return { text: runs.map((r) => r.replace(loneSurrogate, '\uFFFD')).join(''), missingParts };
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
