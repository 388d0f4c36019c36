// Client-side routes under /dashboard (the server answers index.html for every extension-less path).
import { h, type ComponentChildren } from "preact";
import { createStore, useStore } from "./store";

export const BASE = "/dashboard";

const pathOf = () => {
  const path = location.pathname.startsWith(BASE) ? location.pathname.slice(BASE.length) : "/";
  return path === "" ? "/" : path.replace(/\/+$/, "") || "/";
};

export const route = createStore(pathOf());
addEventListener("popstate", () => route.set(pathOf()));

export function navigate(path: string, options: { replace?: boolean } = {}) {
  history[options.replace ? "replaceState" : "pushState"](null, "", BASE + path);
  route.set(pathOf());
  scrollTo(0, 0);
  // Move focus to the new page's heading, for keyboard and screen-reader users.
  requestAnimationFrame(() => document.querySelector<HTMLElement>("main h1")?.focus());
}

export const useRoute = () => useStore(route);

/** Matches `/links/:slug` style patterns; returns the parameters or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name: string) => (names.push(name), "([^/]+)"))}$`);
  const found = regex.exec(path);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)]));
}

export function Link(props: { href: string; class?: string; children: ComponentChildren; "aria-current"?: "page" | undefined }) {
  const { href, ...rest } = props;
  return h("a", {
    ...rest,
    href: BASE + href,
    onClick: (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(href);
    },
  });
}
