import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { Database } from '../../../db/engine.ts';
import type { Sealer } from '../../../platform/secrets.ts';
import { getPerson, type Person } from '../accounts.ts';
import { IdentityErrors } from '../errors.ts';
import { rolesOf } from '../roles.ts';
import { agencies } from '../schema.ts';
import { postgresAdapter } from './adapter.ts';
import { loadJwks } from './keys.ts';
import { escapeHtml, page } from './pages.ts';

const LOGOUT_SCRIPT = "document.getElementById('op.logoutForm').submit()";
const LOGOUT_SCRIPT_HASH = `sha256-${createHash('sha256').update(LOGOUT_SCRIPT).digest('base64')}`;

export type ProviderOptions = {
  database: Database;
  sealer: Sealer;
  issuer: string;
  sessionHours: number;
};

/** Claims by scope. `cqs` carries the roles other provincial systems need; `cccd` only trusted clients may ask. */
const CLAIMS = {
  // How and when the person authenticated (amr: pwd, otp) travels with every ID token.
  openid: ['sub', 'amr', 'auth_time'],
  profile: ['name', 'birthdate'],
  email: ['email', 'email_verified'],
  phone: ['phone_number', 'phone_number_verified'],
  cqs: ['cqs_roles', 'cqs_agency', 'cqs_admin_unit', 'cqs_assurance_level'],
  cccd: ['cccd'],
};

async function claimsOf(database: Database, person: Person) {
  const roles = await rolesOf(database.db, person.id);
  const first = roles[0];
  let adminUnit = person.addressCommuneCode;
  if (first) {
    const [agency] = await database.db
      .select({ unit: agencies.adminUnitCode })
      .from(agencies)
      .where(eq(agencies.id, first.agencyId));
    adminUnit = agency?.unit ?? adminUnit;
  }
  return {
    sub: person.id,
    name: person.fullName,
    birthdate: person.dateOfBirth ?? undefined,
    email: person.email ?? undefined,
    email_verified: person.email ? Boolean(person.emailVerifiedAt) : undefined,
    phone_number: person.phone ?? undefined,
    phone_number_verified: person.phone ? Boolean(person.phoneVerifiedAt) : undefined,
    cqs_roles: roles.map((r) => ({ agency: r.agencyCode, role: r.role })),
    cqs_agency: first?.agencyCode ?? undefined,
    cqs_admin_unit: adminUnit ?? undefined,
    cqs_assurance_level: person.assuranceLevel,
    cccd: person.cccd ?? undefined,
  };
}

export async function createProvider(o: ProviderOptions): Promise<Provider> {
  const configuration: Configuration = {
    adapter: postgresAdapter(o.database, o.sealer),
    jwks: (await loadJwks(o.database.db, o.sealer)) as Configuration['jwks'],
    cookies: { keys: o.sealer.cookieKeys, long: { signed: true }, short: { signed: true } },
    claims: { ...CLAIMS, iss: null, sid: null },
    scopes: ['openid', 'offline_access', ...Object.keys(CLAIMS).filter((s) => s !== 'openid')],
    extraClientMetadata: { properties: ['cqs_trusted', 'cqs_resource_server'] },
    async findAccount(_ctx, sub) {
      let person: Person;
      try {
        person = await getPerson(o.database.db, sub);
      } catch {
        return undefined;
      }
      // A disabled account's tokens stop working at once: userinfo and introspection find no one.
      if (person.status !== 'active') return undefined;
      // The claims of the person just read (in this request), not read a second time.
      return { accountId: sub, claims: async () => claimsOf(o.database, person) };
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      // A client learns about its own tokens only; a registered resource server (an API that accepts
      // the platform's tokens) may also check access tokens presented to it. Anything else is
      // answered {active: false}, as for an unknown token: no `sub`, no client, no scope.
      introspection: {
        enabled: true,
        async allowedPolicy(_ctx, client, token) {
          if (token.clientId === client.clientId) return true;
          const resourceServer = (client as unknown as { cqs_resource_server?: boolean }).cqs_resource_server;
          return (
            resourceServer === true && (token.kind === 'AccessToken' || token.kind === 'ClientCredentials')
          );
        },
      },
      // Only the client a token was issued to revokes it.
      revocation: {
        enabled: true,
        async allowedPolicy(_ctx, client, token) {
          return token.clientId === client.clientId;
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx, form) {
          // Single logout: the platform's web app already asked; sign out here too without a second
          // question. The page's one script is allowed by its hash, nothing else inline.
          ctx.type = 'html';
          ctx.set(
            'content-security-policy',
            `default-src 'self'; script-src '${LOGOUT_SCRIPT_HASH}'; style-src 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'`,
          );
          ctx.body = page({
            lang: 'vi',
            title: 'Đăng xuất',
            body: `<h1>Đang đăng xuất…</h1>${form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')}
              <button class="primary" type="submit" form="op.logoutForm">Đăng xuất / Sign out</button>
              <script>${LOGOUT_SCRIPT}</script>`,
          });
        },
        async postLogoutSuccessSource(ctx) {
          ctx.type = 'html';
          ctx.body = page({
            lang: 'vi',
            title: 'Đã đăng xuất',
            body: '<h1>Bạn đã đăng xuất.</h1><p lang="en">You are signed out.</p><p><a href="/">Trang chủ / Home</a></p>',
          });
        },
      },
    },
    pkce: { required: () => true },
    // Code flow only: the implicit and hybrid flows put tokens in browser URLs.
    responseTypes: ['code'],
    rotateRefreshToken: true,
    interactions: { url: (_ctx, interaction) => `/oidc/interaction/${interaction.uid}` },
    // The platform's own and other first-party apps (trusted) need no consent screen.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const grantId =
        ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      if (!(ctx.oidc.client as unknown as { cqs_trusted?: boolean }).cqs_trusted) return undefined;
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope(ctx.oidc.params!.scope as string);
      await grant.save();
      return grant;
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 120,
      ClientCredentials: 600,
      IdToken: 3600,
      Interaction: 3600,
      RefreshToken: 14 * 86_400,
      Grant: 14 * 86_400,
      Session: o.sessionHours * 3600,
    },
    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = page({
        lang: 'vi',
        title: 'Lỗi đăng nhập',
        body: `<h1>Không thể tiếp tục đăng nhập</h1><p lang="en">The sign-in cannot continue.</p>
          <pre>${escapeHtml(`${out.error}${out.error_description ? `: ${out.error_description}` : ''}`)}</pre>
          <p><a href="/">Trang chủ / Home</a></p>`,
      });
    },
  };
  // Its requests' host, scheme and client address are set by mount.ts from PUBLIC_URL and TRUST_PROXY.
  return new Provider(o.issuer, configuration);
}

/** The person behind an interaction's login, for the consent and upstream steps. */
export async function requireActiveAccount(database: Database, personId: string) {
  const person = await getPerson(database.db, personId);
  if (person.status === 'disabled') throw IdentityErrors.create('ACCOUNT_DISABLED');
  return person;
}
