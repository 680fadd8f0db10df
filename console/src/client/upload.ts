import { ApiFailure, requestHeaders } from './client';

/**
 * A multipart or raw upload with progress (fetch reports none): `onProgress` gets the fraction sent. Resolves with
 * the answer's JSON, typed by the caller from the OpenAPI types; rejects with an ApiFailure on an error answer.
 */
export function upload<T>(method: 'POST' | 'PUT', path: string, body: FormData | Blob, onProgress: (fraction: number) => void, contentType?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    for (const [name, value] of Object.entries(requestHeaders())) xhr.setRequestHeader(name, value);
    if (contentType) xhr.setRequestHeader('content-type', contentType);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(xhr.responseText);
      } catch {
        parsed = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(parsed as T);
      } else {
        const error = (parsed ?? {}) as { code?: string; message?: string; details?: unknown };
        reject(new ApiFailure(xhr.status, error.code ?? `http_${xhr.status}`, error.message ?? xhr.statusText, error.details));
      }
    };
    xhr.onerror = () => reject(new ApiFailure(0, 'network', 'The upload could not reach the server.'));
    xhr.send(body);
  });
}
