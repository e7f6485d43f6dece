// A small TCP proxy between a portal and PostgreSQL that can drop or delay traffic on command (there is no kernel
// netem here). Listens on 127.0.0.1 only.
import net from 'node:net';

export type ProxyMode = 'pass' | 'drop' | { delayMs: number };

export interface FaultProxy {
  port: number;
  setMode(mode: ProxyMode): void;
  /** Cuts every open connection (both directions), as a failed network path or a load balancer would. */
  cutAll(): void;
  connections(): number;
  close(): Promise<void>;
}

export async function startProxy(targetPort: number): Promise<FaultProxy> {
  let mode: ProxyMode = 'pass';
  const sockets = new Set<net.Socket>();
  const delayed = (from: net.Socket, to: net.Socket) => {
    from.on('data', (chunk) => {
      if (typeof mode === 'object') {
        from.pause();
        setTimeout(() => {
          if (!to.destroyed) to.write(chunk);
          from.resume();
        }, mode.delayMs);
      } else if (!to.destroyed) to.write(chunk);
    });
  };
  const server = net.createServer((client) => {
    if (mode === 'drop') {
      client.destroy();
      return;
    }
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
      s.on('error', () => {});
    }
    delayed(client, upstream);
    delayed(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cutAll = () => {
    for (const s of sockets) s.destroy();
  };
  return {
    port: (server.address() as net.AddressInfo).port,
    setMode: (next) => {
      mode = next;
      if (next === 'drop') cutAll();
    },
    cutAll,
    connections: () => sockets.size / 2,
    close: () =>
      new Promise<void>((resolve) => {
        cutAll();
        server.close(() => resolve());
      }),
  };
}
