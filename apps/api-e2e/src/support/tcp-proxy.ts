import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** A TCP relay to a real server, started late to simulate a dependency that comes back. */
export interface TcpProxy {
  close(): Promise<void>;
}

/** Listens on 127.0.0.1:`port` and relays every connection to 127.0.0.1:`targetPort`. */
export function startTcpProxy(port: number, targetPort: number): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      }),
    );
  });
}
