/**
 * A minimal browser for sign-in flows in tests: a path-aware cookie jar, manual redirects, and
 * form submission read from the returned HTML. It speaks real HTTP to a real server.
 */
type Cookie = { name: string; value: string; path: string };

export type Page = { status: number; url: string; html: string; headers: Headers };

export class Browserless {
  private cookies: Cookie[] = [];

  constructor(private readonly extraHeaders: Record<string, string> = {}) {}

  private store(url: URL, headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      const attr = (k: string) => attrs.find((a) => a.toLowerCase().startsWith(`${k}=`))?.split('=')[1];
      const path = attr('path') ?? url.pathname.replace(/\/[^/]*$/, '') ?? '/';
      const expired =
        attr('max-age') === '0' ||
        (attr('expires') !== undefined && new Date(attr('expires')!).getTime() < Date.now()) ||
        value === '';
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
      if (!expired) this.cookies.push({ name, value, path });
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.find((c) => c.name === name)?.value;
  }

  private header(url: URL): string {
    return this.cookies
      .filter(
        (c) =>
          url.pathname === c.path ||
          url.pathname.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`) ||
          c.path === '/',
      )
      .sort((a, b) => b.path.length - a.path.length)
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  /** One request, no redirect following. */
  async request(
    url: string,
    init: {
      method?: string;
      form?: Record<string, string>;
      json?: unknown;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Page> {
    const u = new URL(url);
    const headers: Record<string, string> = { ...this.extraHeaders, ...init.headers };
    const cookie = this.header(u);
    if (cookie) headers.cookie = cookie;
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    }
    const res = await fetch(u, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    this.store(u, res.headers);
    return { status: res.status, url: u.href, html: await res.text(), headers: res.headers };
  }

  /** Follows redirects (up to 20) and returns the final page. Stops at `stopAt` URLs (e.g. an RP's callback). */
  async go(
    url: string,
    init: Parameters<Browserless['request']>[1] = {},
    stopAt?: (url: string) => boolean,
  ): Promise<Page> {
    let page = await this.request(url, init);
    for (let i = 0; i < 20 && page.status >= 300 && page.status < 400; i++) {
      const next = new URL(page.headers.get('location')!, page.url).href;
      if (stopAt?.(next)) return { ...page, url: next };
      page = await this.request(next);
    }
    return page;
  }

  /** Submits the page's form (the first, or the one whose action contains `action`) with these fields. */
  async submit(
    page: Page,
    fields: Record<string, string>,
    action?: string,
    stopAt?: (url: string) => boolean,
  ): Promise<Page> {
    const forms = [...page.html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)];
    const form = action ? forms.find((f) => f[1]!.includes(action)) : forms[0];
    if (!form)
      throw new Error(`no form${action ? ` for ${action}` : ''} on ${page.url}:\n${page.html.slice(0, 500)}`);
    const values: Record<string, string> = {};
    for (const m of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
      const name = /name="([^"]+)"/.exec(m[0])?.[1];
      const value = /value="([^"]*)"/.exec(m[0])?.[1] ?? '';
      if (name) values[name] = value.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    }
    const target = new URL(form[1]!.replace(/&amp;/g, '&'), page.url).href;
    return this.go(target, { method: 'POST', form: { ...values, ...fields } }, stopAt);
  }
}

/** Text of an element with this data-testid. */
export const testId = (html: string, id: string) =>
  new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`).exec(html)?.[1];
