import { sendJson } from '../../../ui/api';

export const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

/** A relying party as `GET /api/identity/clients` lists it (metadata in RFC 7591 names). */
export interface OidcClient {
  clientId: string;
  name: string;
  metadata: {
    redirect_uris?: string[];
    post_logout_redirect_uris?: string[];
    grant_types?: string[];
    token_endpoint_auth_method?: string;
    scope?: string;
    [key: string]: unknown;
  };
  trusted: boolean;
  createdAt: string;
  disabled: boolean;
}

export interface NewClient {
  clientId: string;
  name: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  grantTypes: GrantType[];
  public: boolean;
  trusted: boolean;
}

export const CLIENTS_PATH = '/api/identity/clients';

/** The secret comes back once, in this answer; the server keeps it sealed and never shows it again. */
export const registerClient = (body: NewClient) =>
  sendJson<{ clientId: string; clientSecret: string | null }>('POST', CLIENTS_PATH, body);
