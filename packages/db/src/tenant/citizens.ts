import { boolean, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Citizens and organisations who use the agency's portal. They live in the tenant schema: the
 * agency is the data controller. A citizen signs in with email or phone and a password, or
 * through the national identity provider (OIDC), which marks the account identity-verified.
 */
export const citizens = pgTable(
  'citizens',
  {
    id: text('id').primaryKey(),
    email: text('email'),
    phone: text('phone'),
    fullName: text('full_name').notNull(),
    passwordHash: text('password_hash'),
    identityVerified: boolean('identity_verified').notNull().default(false),
    /** Issuer and subject of the national identity provider's ID token. */
    oidcIssuer: text('oidc_issuer'),
    oidcSubject: text('oidc_subject'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('citizens_email_key').on(t.email),
    uniqueIndex('citizens_phone_key').on(t.phone),
    uniqueIndex('citizens_oidc_key').on(t.oidcIssuer, t.oidcSubject),
  ],
);

export type Citizen = typeof citizens.$inferSelect;
