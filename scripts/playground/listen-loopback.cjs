'use strict';
/**
 * Preload (`node -r ./scripts/playground/listen-loopback.cjs …`) that keeps a process off the network: every TCP
 * `server.listen(...)` is bound to 127.0.0.1 (or LISTEN_HOST) whatever host the program asked for. The Microsoft 365
 * Agents Playground listens on all interfaces and has no host flag; this is how we keep it on loopback.
 * Pipes, file descriptors and handles are left alone.
 */
const net = require('node:net');

const HOST = process.env.LISTEN_HOST || '127.0.0.1';
const originalListen = net.Server.prototype.listen;

function isPortLike(value) {
  return value === undefined || value === null || typeof value === 'number' || /^\d+$/.test(String(value));
}

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const callback = typeof args[args.length - 1] === 'function' ? args.pop() : undefined;
  const first = args[0];
  let options;
  if (first !== null && typeof first === 'object') {
    const isHandle = 'path' in first || 'fd' in first || '_handle' in first || 'handle' in first;
    if (isHandle) return originalListen.apply(this, callback ? [...args, callback] : args);
    options = { ...first, host: HOST };
  } else if (isPortLike(first)) {
    options = { port: first === undefined || first === null ? 0 : Number(first), host: HOST };
    const backlog = typeof args[1] === 'number' ? args[1] : args[2];
    if (typeof backlog === 'number') options.backlog = backlog;
  } else {
    return originalListen.apply(this, callback ? [...args, callback] : args); // a pipe / socket path
  }
  return callback ? originalListen.call(this, options, callback) : originalListen.call(this, options);
};
