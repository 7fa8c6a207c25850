/**
 * The benches' HTTP call to the local stack's API: JSON in and out, a bearer token, and a thrown error
 * (with the status and body) for anything that is not a 2xx, so a bench never measures a failure.
 */
export const apiCaller = (apiUrl: string) => async (method: string, path: string, token: string, body?: unknown) => {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return JSON.parse(text) as { id: string; status: string };
};
