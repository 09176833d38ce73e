import type { Config } from '../../config.ts';
import { openAndMigrate } from '../../db/open.ts';
import { inTransaction } from '../../db/transaction.ts';
import { verifyAudit } from '../../platform/audit/audit.ts';
import type { Verb } from '../../platform/cli.ts';
import { DomainError } from '../../platform/errors.ts';
import { createSealer, resolveSecretKey } from '../../platform/secrets.ts';
import { createPerson, findByLogin, mask, setStatus, unlock } from './accounts.ts';
import { type ClientInput, listClients, registerClient } from './clients.ts';
import { rotateSigningKey } from './oidc/keys.ts';
import { findAgencyByCode, grantRole, parseRole, revokeRole, rolesOf } from './roles.ts';
import { persons } from './schema.ts';
import { issueToken } from './tokens.ts';

async function withDb<T>(
  config: Config,
  work: (db: Awaited<ReturnType<typeof openAndMigrate>>) => Promise<T>,
): Promise<T> {
  const database = await openAndMigrate(config);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

/** Domain errors read as sentences on the command line, with the fields they name. */
function explain(e: unknown): number {
  if (!(e instanceof DomainError)) throw e;
  console.error(`${e.detail?.vi ?? e.spec.vi} / ${e.detail?.en ?? e.spec.en}`);
  for (const f of e.fieldErrors) console.error(`  ${f.field}: ${f.vi} / ${f.en}`);
  return 2;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

export const identityVerbs: Record<string, Verb> = {
  users: {
    usage: 'cqs users add|list|set-role|disable|enable|unlock [options]',
    summary: `Manage accounts.
  add       --name "Họ Tên" --email E [--phone P] [--cccd N] [--agency CODE --role ROLE]
            creates an active account and prints a one-time link (valid 30 minutes) to set its password
  list      [--q TEXT] lists accounts (personal data masked) with roles and lock state
  set-role  --login L --agency CODE --role ROLE [--revoke]
  disable | enable | unlock  --login L
Roles: counter_officer, specialist, leader, agency_admin, dx_office, system_admin. A login is an e-mail, phone or CCCD.`,
    args: [1, 1],
    options: {
      name: { type: 'string' },
      email: { type: 'string' },
      phone: { type: 'string' },
      cccd: { type: 'string' },
      agency: { type: 'string' },
      role: { type: 'string' },
      login: { type: 'string' },
      q: { type: 'string' },
      revoke: { type: 'boolean' },
    },
    async run(config, [sub], f) {
      return withDb(config, async (database) => {
        try {
          if (sub === 'add') {
            const link = await inTransaction(database, async (tx) => {
              const p = await createPerson(
                tx,
                { fullName: str(f.name) ?? '', email: str(f.email), phone: str(f.phone), cccd: str(f.cccd) },
                { status: 'active' },
              );
              if (f.agency || f.role) {
                const agency = await findAgencyByCode(tx, str(f.agency) ?? '');
                await grantRole(tx, p.id, agency.id, parseRole(str(f.role) ?? ''), null, null);
              }
              return `${config.publicUrl}/account/reset-password?token=${await issueToken(tx, p.id, 'reset_password')}`;
            });
            console.log(
              `Đã tạo tài khoản / account created. Đặt mật khẩu / set the password (30 min, once):\n  ${link}`,
            );
            return 0;
          }
          if (sub === 'list') {
            const rows = await database.db.select().from(persons).orderBy(persons.fullName);
            const q = str(f.q)?.toLowerCase();
            for (const p of rows) {
              if (q && !`${p.fullName} ${p.email}`.toLowerCase().includes(q)) continue;
              const roles = (await rolesOf(database.db, p.id))
                .map((r) => `${r.role}@${r.agencyCode}`)
                .join(', ');
              const locked =
                p.lockedUntil && p.lockedUntil > new Date()
                  ? ` LOCKED until ${p.lockedUntil.toISOString()}`
                  : '';
              console.log(
                `${p.id}  ${p.fullName}  ${mask.email(p.email) ?? '-'}  ${mask.phone(p.phone) ?? '-'}  ${p.status}${locked}  ${roles}`,
              );
            }
            return 0;
          }
          const person = await findByLogin(database.db, str(f.login) ?? '');
          if (!person) {
            console.error('Không tìm thấy tài khoản / no such account (--login e-mail, phone or CCCD)');
            return 2;
          }
          await inTransaction(database, async (tx) => {
            if (sub === 'set-role') {
              const agency = await findAgencyByCode(tx, str(f.agency) ?? '');
              const role = parseRole(str(f.role) ?? '');
              await (f.revoke ? revokeRole : grantRole)(tx, person.id, agency.id, role, null, null);
            } else if (sub === 'disable' || sub === 'enable') {
              await setStatus(tx, person.id, sub === 'disable' ? 'disabled' : 'active', person.id, null);
            } else if (sub === 'unlock') {
              await unlock(tx, person.id, person.id, null);
            } else {
              throw new Error(`unknown users command: ${sub}`);
            }
          });
          console.log(`OK: ${sub} ${person.fullName}`);
          return 0;
        } catch (e) {
          return explain(e);
        }
      });
    },
  },
  clients: {
    usage: 'cqs clients add|list [options]',
    summary: `Register other provincial systems as OpenID Connect clients.
  add   --id CLIENT_ID --name "Tên hệ thống" --grant authorization_code [--grant refresh_token] [--grant client_credentials]
        [--redirect-uri URL ...] [--post-logout-uri URL ...] [--public] [--trusted] [--resource-server]
        prints the client secret once (none for --public clients, which must use PKCE);
        --resource-server: an API that may introspect access tokens issued to other clients
  list  the registered clients`,
    args: [1, 1],
    options: {
      id: { type: 'string' },
      name: { type: 'string' },
      grant: { type: 'string', multiple: true },
      'redirect-uri': { type: 'string', multiple: true },
      'post-logout-uri': { type: 'string', multiple: true },
      public: { type: 'boolean' },
      trusted: { type: 'boolean' },
      'resource-server': { type: 'boolean' },
    },
    async run(config, [sub], f) {
      return withDb(config, async (database) => {
        if (sub === 'list') {
          for (const c of await listClients(database.db)) {
            console.log(
              `${c.clientId}  ${c.name}  ${(c.metadata.grant_types as string[]).join(',')}${c.trusted ? '  trusted' : ''}${c.metadata.cqs_resource_server ? '  resource-server' : ''}${c.disabledAt ? '  DISABLED' : ''}`,
            );
          }
          return 0;
        }
        if (sub !== 'add') {
          console.error(`unknown clients command: ${sub}`);
          return 2;
        }
        const sealer = createSealer(resolveSecretKey(config.SECRET_KEY, config.DATA_DIR, console.warn));
        try {
          const input: ClientInput = {
            clientId: str(f.id) ?? '',
            name: str(f.name) ?? '',
            grantTypes: (f.grant as ClientInput['grantTypes'] | undefined) ?? [],
            redirectUris: (f['redirect-uri'] as string[] | undefined) ?? [],
            postLogoutRedirectUris: (f['post-logout-uri'] as string[] | undefined) ?? [],
            public: Boolean(f.public),
            trusted: Boolean(f.trusted),
            resourceServer: Boolean(f['resource-server']),
          };
          const r = await inTransaction(database, (tx) =>
            registerClient(tx, sealer, input, null, config.publicUrl),
          );
          console.log(
            `client_id:     ${r.clientId}\nclient_secret: ${r.clientSecret ?? '(public client: none; use PKCE)'}\nissuer:        ${config.publicUrl}/oidc`,
          );
          return 0;
        } catch (e) {
          return explain(e);
        }
      });
    },
  },
  audit: {
    usage: 'cqs audit verify',
    summary:
      'Check the audit trail: every row against its hash and the previous row; names the first edited or deleted row.',
    args: [1, 1],
    async run(config, [sub]) {
      if (sub !== 'verify') {
        console.error('Usage: cqs audit verify');
        return 2;
      }
      return withDb(config, async (database) => {
        const v = await verifyAudit(database.db);
        if (v.ok) {
          console.log(`Nhật ký kiểm toán nguyên vẹn / audit trail intact: ${v.rows} rows`);
          return 0;
        }
        const what = {
          edited: 'has been edited',
          deleted: 'is missing (deleted)',
          chain_broken: 'does not follow the row before it (a row was edited or removed)',
        }[v.problem];
        console.error(
          `Nhật ký kiểm toán bị sửa / audit trail tampered: row ${v.seq} ${what} (${v.rows} rows verified before it)`,
        );
        return 1;
      });
    },
  },
  keys: {
    usage: 'cqs keys rotate',
    summary:
      'Make a new token-signing key; the old one retires but stays published for 30 days. Restart the servers to sign with it.',
    args: [1, 1],
    async run(config, [sub]) {
      if (sub !== 'rotate') {
        console.error('Usage: cqs keys rotate');
        return 2;
      }
      const sealer = createSealer(resolveSecretKey(config.SECRET_KEY, config.DATA_DIR, console.warn));
      return withDb(config, async (database) => {
        const kid = await inTransaction(database, (tx) => rotateSigningKey(tx, sealer, null));
        console.log(`New signing key ${kid}. Restart the servers to use it.`);
        return 0;
      });
    },
  },
};
