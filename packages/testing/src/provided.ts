// What the global setup hands every test file through vitest's `inject('motcua')`.
declare module 'vitest' {
  export interface ProvidedContext {
    motcua: { databaseUrl: string; superuserUrl: string; s3Endpoint: string };
  }
}

export {};
