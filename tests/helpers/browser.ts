/**
 * A small browser for driving sign-in flows over HTTP: a cookie jar (per host, with paths and
 * Max-Age), redirects followed one at a time, and HTML forms submitted as a person would.
 * `aliases` map public origins to where they really listen (https://lg.test → http://127.0.0.1:port),
 * like a TLS-terminating proxy in front of the server.
 */
export class TestBrowser {
  private readonly jar = new Map<string, Map<string, { value: string; path: string; raw: string }>>();

  constructor(private readonly aliases: Record<string, string> = {}) {}

  /** One request, no redirect following; cookies stored. */
  async request(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
    const target = new URL(url);
    const cookie = this.cookieHeader(target);
    const real = this.aliases[target.origin] ? new URL(target.pathname + target.search, this.aliases[target.origin]) : target;
    const response = await fetch(real, {
      method: init.method ?? "GET",
      body: init.body,
      redirect: "manual",
      headers: { accept: "text/html", ...(cookie ? { cookie } : {}), ...init.headers },
    });
    for (const setCookie of response.headers.getSetCookie()) this.store(target, setCookie);
    return response;
  }

  /**
   * Follows redirects from `url` until a page answers or `stop(url)` says to stop (the URL is then
   * not requested). Returns the last URL and, unless stopped, its response.
   */
  async navigate(
    url: string,
    stop: (url: URL) => boolean = () => false,
    init?: { method?: string; body?: string; headers?: Record<string, string> },
  ) {
    let current = new URL(url);
    let request = init;
    for (let hops = 0; hops < 20; hops++) {
      if (stop(current) || !["http:", "https:"].includes(current.protocol)) return { url: current, response: undefined };
      const response = await this.request(current.href, request);
      const location = response.headers.get("location");
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      await response.body?.cancel();
      current = new URL(location, current);
      request = undefined;
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Submits the page's first form with its hidden fields plus `fields`, then follows redirects. */
  async submitForm(pageUrl: URL, html: string, fields: Record<string, string>, stop?: (url: URL) => boolean) {
    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
    if (!form) throw new Error(`no form on ${pageUrl}: ${html.slice(0, 500)}`);
    const values = new URLSearchParams();
    for (const input of form[2]!.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/gi)) values.set(input[1]!, input[2]!);
    for (const [name, value] of Object.entries(fields)) values.set(name, value);
    const action = new URL(form[1]!.replaceAll("&amp;", "&"), pageUrl);
    return this.navigate(action.href, stop, {
      method: "POST",
      body: values.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
  }

  cookie(url: string, name: string) {
    return this.matching(new URL(url)).find((c) => c.name === name);
  }

  private cookieHeader(url: URL) {
    return this.matching(url)
      .map((c) => `${c.name}=${c.value}`)
      .join("; ");
  }

  private matching(url: URL) {
    const cookies = this.jar.get(url.host) ?? new Map();
    return [...cookies.entries()]
      .filter(([, c]) => url.pathname === c.path || url.pathname.startsWith(c.path.endsWith("/") ? c.path : `${c.path}/`) || c.path === "/")
      .map(([key, c]) => ({ name: key.split("\0")[0]!, ...c }));
  }

  private store(url: URL, header: string) {
    const [pair, ...attributes] = header.split(";").map((part) => part.trim());
    const separator = pair!.indexOf("=");
    const name = pair!.slice(0, separator);
    const value = pair!.slice(separator + 1);
    const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.split("=")[1];
    const path = attr("path") ?? url.pathname.replace(/\/[^/]*$/, "") ?? "/";
    const cookies = this.jar.get(url.host) ?? new Map();
    this.jar.set(url.host, cookies);
    const key = `${name}\0${path}`;
    const maxAge = attr("max-age");
    const expired = (maxAge !== undefined && Number(maxAge) <= 0) || /expires=thu, 01 jan 1970/i.test(header);
    if (expired || value === "") cookies.delete(key);
    else cookies.set(key, { value, path: path || "/", raw: header });
  }
}
