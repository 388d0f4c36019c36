import dns2 from "dns2";

const { Packet } = dns2;

export interface TestDnsServer {
  /** "127.0.0.1:<port>", for DOMAIN_DNS_SERVERS. */
  address: string;
  /** TXT strings and A addresses per lower-case name; change them any time. */
  txt: Map<string, string[]>;
  a: Map<string, string[]>;
  /** Questions received, in order ("TXT _linkgraph.go.example.com"). */
  queries: string[];
  close(): Promise<void>;
}

/** A real DNS server (UDP, loopback) answering from in-memory records: unknown names get an empty answer. */
export async function startDnsServer(port = 0): Promise<TestDnsServer> {
  const txt = new Map<string, string[]>();
  const a = new Map<string, string[]>();
  const queries: string[] = [];
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const response = Packet.createResponseFromRequest(request);
      for (const question of request.questions) {
        const name = question.name.toLowerCase();
        const type = question.type === Packet.TYPE.TXT ? "TXT" : question.type === Packet.TYPE.A ? "A" : String(question.type);
        queries.push(`${type} ${name}`);
        // dns2's types want parsed resources; plain records are what its encoder reads.
        const answers = response.answers as unknown[];
        if (type === "TXT") {
          for (const data of txt.get(name) ?? []) answers.push({ name: question.name, type: Packet.TYPE.TXT, class: Packet.CLASS.IN, ttl: 1, data });
        }
        if (type === "A") {
          for (const address of a.get(name) ?? [])
            answers.push({ name: question.name, type: Packet.TYPE.A, class: Packet.CLASS.IN, ttl: 1, address });
        }
      }
      send(response);
    },
  });
  await new Promise<void>((resolve) => {
    server.once("listening", () => resolve());
    void server.listen({ udp: { port, address: "127.0.0.1" } });
  });
  const { udp } = server.addresses() as { udp: { port: number } };
  return {
    address: `127.0.0.1:${udp.port}`,
    txt,
    a,
    queries,
    close: () => server.close() as Promise<void>,
  };
}
