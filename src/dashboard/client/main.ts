import type { Client } from "graphql-ws";
import { DashboardClickCountsDocument, DashboardLiveLinksDocument } from "../../../persisted-queries/dashboard/__generated__/graphql.js";
import { ApiError, documentId, isSignedIn, liveClient, request, signIn, signOut } from "./api.js";
import { sparkline } from "./sparkline.js";

const HOUR_MS = 3_600_000;
const HOURS = 24;

interface Row {
  total: number;
  /** Hourly clicks, oldest first; the last bucket is the current hour. */
  hours: number[];
  currentHourStart: number;
  count: HTMLTableCellElement;
  chart: SVGSVGElement;
}

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const rows = new Map<string, Row>();
let live: Client | null = null;
let unsubscribe: (() => void) | null = null;

function setStatus(state: "idle" | "connecting" | "live", text: string) {
  const status = $<HTMLElement>("#live-status");
  status.dataset.state = state;
  status.textContent = text;
}

function showSignedIn(signedIn: boolean) {
  $<HTMLFormElement>("#sign-in").hidden = signedIn;
  $<HTMLElement>("#links-view").hidden = !signedIn;
  $<HTMLButtonElement>("#sign-out").hidden = !signedIn;
  if (!signedIn) setStatus("idle", "Signed out");
}

async function loadLinks() {
  const currentHourStart = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  const from = new Date(currentHourStart - (HOURS - 1) * HOUR_MS);
  const data = await request(DashboardLiveLinksDocument, {
    first: 50,
    from: from.toISOString(),
    to: new Date().toISOString(),
    timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
  });
  const body = $<HTMLTableSectionElement>("#links tbody");
  body.replaceChildren();
  rows.clear();
  for (const { node: link } of data.links?.edges ?? []) {
    const tr = document.createElement("tr");
    tr.dataset.linkId = link.id;
    tr.dataset.slug = link.slug;
    const short = document.createElement("td");
    const anchor = document.createElement("a");
    anchor.href = link.shortUrl;
    anchor.textContent = `/${link.slug}`;
    anchor.target = "_blank";
    anchor.rel = "noopener noreferrer";
    short.append(anchor);
    const destination = document.createElement("td");
    destination.className = "destination";
    destination.textContent = link.url;
    destination.title = link.url;
    const count = document.createElement("td");
    count.className = "count";
    count.textContent = link.clickCount.toLocaleString();
    count.dataset.count = String(link.clickCount);
    const hours = (link.clickSeries ?? []).map((bucket) => bucket.clicks).slice(-HOURS);
    while (hours.length < HOURS) hours.unshift(0);
    const chartCell = document.createElement("td");
    const chart = sparkline(hours);
    chartCell.append(chart);
    tr.append(short, destination, count, chartCell);
    body.append(tr);
    rows.set(link.id, { total: link.clickCount, hours, currentHourStart, count, chart });
  }
  $<HTMLElement>("#no-links").hidden = rows.size > 0;
}

function applyTotal(linkId: string, total: number) {
  const row = rows.get(linkId);
  if (!row || total <= row.total) return;
  const hourStart = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
  while (row.currentHourStart < hourStart) {
    row.hours.shift();
    row.hours.push(0);
    row.currentHourStart += HOUR_MS;
  }
  row.hours[row.hours.length - 1]! += total - row.total;
  row.total = total;
  row.count.textContent = total.toLocaleString();
  row.count.dataset.count = String(total);
  row.count.classList.add("bumped");
  setTimeout(() => row.count.classList.remove("bumped"), 600);
  sparkline(row.hours, row.chart);
}

function followCounts() {
  unsubscribe?.();
  if (rows.size === 0) return;
  live ??= liveClient((state) => setStatus(state, state === "live" ? "Live" : "Connecting…"));
  unsubscribe = live.subscribe<{ clickCounts: { linkId: string; total: number } | null }>(
    // Sent by id; `query` stays empty (the server reads the persisted document).
    { query: "", documentId: documentId(DashboardClickCountsDocument), variables: { linkIds: [...rows.keys()] } } as never,
    {
      next: ({ data, errors }) => {
        if (errors?.length) return showError(errors[0]!.message);
        if (data?.clickCounts) applyTotal(data.clickCounts.linkId, data.clickCounts.total);
      },
      error: (error) => showError(error instanceof Error ? error.message : "Live updates stopped"),
      complete: () => {},
    },
  );
}

function showError(message: string) {
  $<HTMLElement>("#links-error").textContent = message;
}

async function start() {
  showSignedIn(true);
  setStatus("connecting", "Loading…");
  try {
    await loadLinks();
    followCounts();
  } catch (error) {
    if (error instanceof ApiError && error.code === "UNAUTHENTICATED") return stop();
    showError(error instanceof Error ? error.message : String(error));
  }
}

async function stop() {
  unsubscribe?.();
  unsubscribe = null;
  await live?.dispose();
  live = null;
  rows.clear();
  showSignedIn(false);
}

$<HTMLFormElement>("#sign-in").addEventListener("submit", (event) => {
  event.preventDefault();
  const form = event.currentTarget as HTMLFormElement;
  const fields = new FormData(form);
  const error = $<HTMLElement>("#sign-in-error");
  error.textContent = "";
  signIn(String(fields.get("email")), String(fields.get("password"))).then(
    () => {
      form.reset();
      return start();
    },
    (failure: unknown) => (error.textContent = failure instanceof Error ? failure.message : "Sign-in failed"),
  );
});

$<HTMLButtonElement>("#sign-out").addEventListener("click", () => {
  void signOut().then(stop);
});

if (isSignedIn()) void start();
else showSignedIn(false);
