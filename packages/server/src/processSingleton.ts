// One instance per server process of something costly to build (a router, an app's services). It lives
// on globalThis under Symbol.for(name): Next's dev hot reload re-evaluates modules and each route is
// bundled apart, and both must still find the one instance. A failed build is forgotten, so the next
// call builds again instead of handing out the same rejection forever.
export function processSingleton<T>(name: string, create: () => Promise<T>): Promise<T> {
  const key = Symbol.for(name);
  const slots = globalThis as { [slot: symbol]: Promise<T> | undefined };
  const existing = slots[key];
  if (existing) return existing;
  // A synchronous throw in create() becomes a rejection like any other failed build.
  const built = new Promise<T>((resolve) => resolve(create()));
  slots[key] = built;
  built.catch(() => {
    if (slots[key] === built) delete slots[key];
  });
  return built;
}
