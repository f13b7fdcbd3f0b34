// The child's outer network wall, run in the host realm before anything else. Node's permission
// model stops file access and child processes but not sockets, so every way to open one from
// JavaScript is replaced by a function that records a violation and throws. User code never runs in
// this realm (it runs in a vm context), and inside bubblewrap there is no network to reach, so this
// layer only matters if the vm layer were escaped on a machine running without bubblewrap.
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
  function denyAll(target, prefix, names) {
    names.forEach(function (name) { if (typeof target[name] === "function") target[name] = hostDeny(prefix + name); });
  }
  var net = require("node:net");
  denyAll(net, "net.", ["connect", "createConnection", "createServer"]);
  denyAll(net.Socket.prototype, "net.Socket.", ["connect"]);
  denyAll(net.Server.prototype, "net.Server.", ["listen"]);
  denyAll(require("node:tls"), "tls.", ["connect", "createServer"]);
  var dgram = require("node:dgram");
  denyAll(dgram.Socket.prototype, "dgram.Socket.", ["bind", "connect", "send", "sendto", "addMembership", "setBroadcast"]);
  denyAll(dgram, "dgram.", ["createSocket", "Socket"]);
  ["node:http", "node:https"].forEach(function (name) {
    denyAll(require(name), name.slice(5) + ".", ["request", "get", "createServer", "ClientRequest", "Server"]);
  });
  denyAll(require("node:http2"), "http2.", ["connect", "createServer", "createSecureServer"]);
  var dns = require("node:dns");
  [dns, dns.promises].forEach(function (api, i) {
    var prefix = i ? "dns.promises." : "dns.";
    denyAll(api.Resolver.prototype, prefix + "Resolver.", Object.getOwnPropertyNames(api.Resolver.prototype).filter(function (k) { return /^(resolve|reverse|lookup)/.test(k); }));
    denyAll(api, prefix, Object.keys(api).filter(function (k) { return /^(resolve|reverse|lookup|Resolver$)/.test(k); }));
  });
  ["fetch", "WebSocket", "EventSource"].forEach(function (name) {
    Object.defineProperty(globalThis, name, { value: hostDeny(name), writable: false, configurable: false });
  });
  require("node:module").syncBuiltinESMExports();
})();
`;
