// Every module's tables, gathered for Drizzle and drizzle-kit. Each module owns its own.
export * from '../modules/admin-units/schema.ts';
export * from '../modules/catalog/schema.ts';
export * from '../modules/dossiers/schema.ts';
export * from '../modules/identity/schema.ts';
export * from '../modules/notifications/schema.ts';
export * from '../modules/reporting/schema.ts';
export * from '../platform/audit/schema.ts';
export * from '../platform/calendar/schema.ts';
