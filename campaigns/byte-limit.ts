import { Transform } from 'node:stream';
import { UploadFailure } from './upload-failure.ts';

/** Passes bytes through and fails the stream once more than `maxBytes` went by: a body counted as it streams. */
export function limitBytes(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(new UploadFailure('payload_too_large', `The file is larger than ${maxBytes / (1024 * 1024)} MiB.`));
      else done(null, chunk);
    },
  });
}
