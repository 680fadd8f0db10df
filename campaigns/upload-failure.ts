/** Why a recipient list could not be read to its end; the upload is then `failed` with this code and message. */
export type UploadFailureCode = 'payload_too_large' | 'invalid_csv' | 'upload_interrupted' | 'too_many_rows' | 'no_recipients';

export class UploadFailure extends Error {
  constructor(
    readonly code: UploadFailureCode,
    message: string,
    /** The failed upload, once one was made. */
    readonly uploadId?: string,
  ) {
    super(message);
  }

  /** The same failure, naming its upload. */
  of(uploadId: string): UploadFailure {
    return new UploadFailure(this.code, this.message, uploadId);
  }
}
