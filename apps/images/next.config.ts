// The shared config, plus one rule: image files hold provider bytes, so they are served as a sandboxed
// document (no script, no same-origin rights) even if a browser were made to render one as a page.
// Later rules win for the same header, so this replaces the shared CSP on that path only.
import { defineNextConfig } from "@switchyard/tooling/next";

export default defineNextConfig({
  async headers() {
    return [
      { source: "/api/images/:id/file", headers: [{ key: "Content-Security-Policy", value: "sandbox" }] },
    ];
  },
});
