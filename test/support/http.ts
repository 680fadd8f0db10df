/** A JSON call to the API as the tests make it: the answer's status and its parsed body. */
export async function callApi(baseUrl: string, method: string, path: string, authorization: string, body?: unknown) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
