// S3 reports a missing object by name (NoSuchKey) on GET and only by status on HEAD, whose
// response has no body to carry a code. A missing bucket on GET stays an error: that is a
// configuration problem, not an absent object.
export function isNotFound(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
  if (e?.name === 'NoSuchBucket') return false;
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
}
