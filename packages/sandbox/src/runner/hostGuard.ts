// The child's outer network wall, run in the host realm before anything else. Node 20's permission
// model stops file access and child processes but not sockets, so every way to open one from
// JavaScript is replaced by a function that records a violation and throws. User code never runs in
// this realm (it runs in a vm context), so this layer only matters if the vm layer were escaped.
export const HOST_GUARD = `
var hostViolations = [];
function hostDeny(what) {
  return function () {
    hostViolations.push({ reason: "network_denied", message: what + " is not allowed in the sandbox" });
    var error = new Error("Sandbox: " + what + " is not allowed (network_denied)");
    error.code = "SANDBOX_NETWORK_DENIED";
    throw error;
  };
}
(function guardNetwork() {
  var net = require("node:net");
  net.connect = net.createConnection = hostDeny("net.connect");
  net.createServer = hostDeny("net.createServer");
  net.Socket.prototype.connect = hostDeny("net.Socket.connect");
  net.Server.prototype.listen = hostDeny("net.Server.listen");
  var tls = require("node:tls");
  tls.connect = hostDeny("tls.connect");
  tls.createServer = hostDeny("tls.createServer");
  require("node:dgram").createSocket = hostDeny("dgram.createSocket");
  ["node:http", "node:https"].forEach(function (name) {
    var mod = require(name);
    mod.request = mod.get = hostDeny(name + ".request");
    mod.createServer = hostDeny(name + ".createServer");
  });
  var http2 = require("node:http2");
  http2.connect = hostDeny("http2.connect");
  http2.createServer = http2.createSecureServer = hostDeny("http2.createServer");
  var dns = require("node:dns");
  ["lookup", "resolve", "resolve4", "resolve6", "resolveAny"].forEach(function (fn) { dns[fn] = dns.promises[fn] = hostDeny("dns." + fn); });
  ["fetch", "WebSocket", "EventSource"].forEach(function (name) {
    Object.defineProperty(globalThis, name, { value: hostDeny(name), writable: false, configurable: false });
  });
  require("node:module").syncBuiltinESMExports();
})();
`;
