/** A handset's reply (MO), as a carrier hands it over. */
export interface InboundReply {
  /** The recipient who replied, E.164 with `+`. */
  from: string;
  /** The number they replied to (our displayed number, with its extension). */
  to: string;
  text: string;
  receivedAt: Date;
}
