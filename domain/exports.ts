/** How long a finished export's file can be downloaded before its workflow deletes it. */
export const exportKeptMs = 24 * 3600_000;
