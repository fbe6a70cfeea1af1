import { pgSchema } from 'drizzle-orm/pg-core';

/** The platform schema: everything of the vendor, nothing of an agency's citizens. */
export const platform = pgSchema('platform');
