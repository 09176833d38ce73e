import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../../platform/localized.ts';

/**
 * Agencies (cơ quan, đơn vị): the province's People's Committee, its Office, departments,
 * the Public Administration Service Centre, and each commune's People's Committee with its
 * one-stop desk. Officials belong to agencies through role assignments.
 */
export const agencies = pgTable(
  'identity_agency',
  {
    id: uuid('id').primaryKey(),
    // Decision 20/2020/QĐ-TTg identifier: ≤35 chars of [0-9A-Z.], editable per agency.
    code: text('code').notNull().unique(),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    kind: text('kind').notNull(),
    level: text('level').notNull(), // province | commune
    parentId: uuid('parent_id').references((): AnyPgColumn => agencies.id),
    adminUnitCode: text('admin_unit_code').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('identity_agency_parent_idx').on(t.parentId),
    index('identity_agency_unit_idx').on(t.adminUnitCode),
    index('identity_agency_name_trgm_idx').using(
      'gin',
      sql`f_unaccent(lower(${t.name}->>'vi')) gin_trgm_ops`,
    ),
  ],
);

/**
 * People who sign in: citizens, business representatives and officials alike. A person is an
 * official through role assignments, not through a different kind of account.
 */
export const persons = pgTable(
  'identity_person',
  {
    id: uuid('id').primaryKey(),
    fullName: text('full_name').notNull(),
    cccd: text('cccd').unique(), // citizen ID, 12 digits
    dateOfBirth: date('date_of_birth'),
    email: text('email').unique(), // stored lower-case
    phone: text('phone').unique(), // stored as 0xxxxxxxxx
    addressCommuneCode: text('address_commune_code'),
    addressDetail: text('address_detail'),
    assuranceLevel: text('assurance_level').notNull().default('level1'), // level1 | level2
    passwordHash: text('password_hash'),
    totpSecret: text('totp_secret'), // encrypted with SECRET_KEY
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    // The 30-second step of the last accepted code: a code is good once (RFC 6238 §5.2).
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    status: text('status').notNull().default('active'), // pending | active | disabled
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true }),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('identity_person_name_trgm_idx').using('gin', sql`f_unaccent(lower(${t.fullName})) gin_trgm_ops`),
  ],
);

/** Businesses and other organisations, identified by their tax code (mã số thuế). */
export const organizations = pgTable('identity_organization', {
  id: uuid('id').primaryKey(),
  taxCode: text('tax_code').notNull().unique(),
  name: text('name').notNull(),
  addressCommuneCode: text('address_commune_code'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const representatives = pgTable(
  'identity_representative',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    title: text('title'),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.personId] })],
);

/** An official's role in one agency; a person may hold roles in several agencies. */
export const roleAssignments = pgTable(
  'identity_role_assignment',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('identity_role_assignment_uq').on(t.personId, t.agencyId, t.role)],
);

/** Accounts at an upstream identity provider (VNeID / the national portal) linked to a person. */
export const externalIdentities = pgTable(
  'identity_external_identity',
  {
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    assuranceLevel: text('assurance_level'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.subject] })],
);

/** One-time tokens (e-mail verification, password reset); only their hash is kept. */
export const oneTimeTokens = pgTable('identity_one_time_token', {
  tokenHash: text('token_hash').primaryKey(),
  personId: uuid('person_id')
    .notNull()
    .references(() => persons.id),
  purpose: text('purpose').notNull(), // verify_email | reset_password
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Sessions of the platform's own web app (an httpOnly cookie holds the token; we keep its hash). */
export const webSessions = pgTable(
  'identity_web_session',
  {
    id: uuid('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    personId: uuid('person_id')
      .notNull()
      .references(() => persons.id),
    idToken: text('id_token'), // for RP-initiated logout
    userAgent: text('user_agent'),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('identity_web_session_person_idx').on(t.personId)],
);

/** Relying parties registered by a system admin (never self-registered). */
export const oidcClients = pgTable('identity_oidc_client', {
  clientId: text('client_id').primaryKey(),
  name: text('name').notNull(),
  // Client metadata as oidc-provider reads it (redirect_uris, grant_types, …); the secret apart.
  metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull(),
  secret: text('secret'), // encrypted with SECRET_KEY; null for public clients
  trusted: boolean('trusted').notNull().default(false), // first-party: no consent screen, may get `cccd`
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
});

/** oidc-provider's storage (sessions, codes, tokens, grants, interactions), one row per object. */
export const oidcPayloads = pgTable(
  'identity_oidc_payload',
  {
    model: text('model').notNull(),
    id: text('id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    grantId: text('grant_id'),
    userCode: text('user_code'),
    uid: text('uid'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.model, t.id] }),
    index('identity_oidc_payload_grant_idx').on(t.grantId),
    index('identity_oidc_payload_uid_idx').on(t.uid),
    index('identity_oidc_payload_expires_idx').on(t.expiresAt),
  ],
);

/** Token-signing keys; private parts encrypted with SECRET_KEY. Retired keys stay published for a while. */
export const signingKeys = pgTable('identity_signing_key', {
  kid: text('kid').primaryKey(),
  privateJwk: text('private_jwk').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});
