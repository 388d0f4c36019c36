import { describe, expect, it } from "vitest";
import { startReceiver } from "../../tests/helpers/webhook-receiver.js";
import { createAddressPolicy } from "./address-policy.js";
import { sendWebhook } from "./http-sender.js";

const strict = createAddressPolicy([]);

describe("the SSRF address policy", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["0.0.0.0", "unspecified"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:169.254.169.254", "link-local"],
    ["fe80::1", "link-local"],
    ["fd00:ec2::254", "unique-local"],
    ["fc00::1", "unique-local"],
    ["64:ff9b::a00:1", "NAT64"],
    ["2002:7f00:1::", "6to4"],
    ["::7f00:1", "reserved"],
    ["224.0.0.1", "multicast"],
  ])("refuses %s (%s)", (address, kind) => {
    expect(strict.refusal(address)).toContain(kind);
  });

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700:4700::1111"])("allows the public address %s", (address) => {
    expect(strict.refusal(address)).toBeNull();
  });

  it("lets WEBHOOK_ALLOWED_HOSTS permit addresses, CIDRs and host names", () => {
    const policy = createAddressPolicy(["127.0.0.1", "10.0.0.0/8", "hooks.internal", "fd00::/8"]);
    expect(policy.refusal("127.0.0.1")).toBeNull();
    expect(policy.refusal("::ffff:127.0.0.1")).toBeNull();
    expect(policy.refusal("127.0.0.2")).toContain("loopback");
    expect(policy.refusal("10.200.0.1")).toBeNull();
    expect(policy.refusal("fd00:ec2::254")).toBeNull();
    expect(policy.refusal("192.168.0.1")).toContain("private");
    expect(policy.allowsHost("HOOKS.internal")).toBe(true);
    expect(policy.allowsHost("evil.internal")).toBe(false);
  });
});

describe("sending to a refused address", () => {
  const send = (url: string, allowed: string[] = []) =>
    sendWebhook({ url, body: "{}", headers: {}, timeoutMs: 2000, policy: createAddressPolicy(allowed), requireHttps: false });

  it("never connects to a loopback IP, however it is spelled", async () => {
    const receiver = await startReceiver();
    try {
      for (const host of ["127.0.0.1", "[::ffff:7f00:1]", "0x7f.0.0.1", "2130706433"]) {
        const outcome = await send(`http://${host}:${receiver.port}/hooks`);
        expect(outcome, host).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("loopback") });
      }
      expect(receiver.requests).toHaveLength(0);
    } finally {
      await receiver.close();
    }
  });

  it("checks what a host name resolves to when connecting (localhost → 127.0.0.1)", async () => {
    const receiver = await startReceiver();
    try {
      const outcome = await send(`http://localhost:${receiver.port}/hooks`);
      expect(outcome).toMatchObject({
        ok: false,
        retryable: false,
        error: expect.stringMatching(/^Refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address$/),
      });
      expect(receiver.requests).toHaveLength(0);
      // Allowed by name, the same host is reachable.
      expect(await send(`http://localhost:${receiver.port}/hooks`, ["localhost"])).toMatchObject({ ok: true, status: 204 });
    } finally {
      await receiver.close();
    }
  });

  it("refuses the cloud metadata address and plain http when https is required", async () => {
    expect(await send("http://169.254.169.254/latest/meta-data/")).toMatchObject({
      ok: false,
      retryable: false,
      error: expect.stringContaining("link-local"),
    });
    expect(await send("http://[fd00:ec2::254]/")).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("unique-local") });
    const https = await sendWebhook({ url: "http://example.com/", body: "{}", headers: {}, timeoutMs: 2000, policy: strict, requireHttps: true });
    expect(https).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining("https") });
  });
});
